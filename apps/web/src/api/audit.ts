/** The audit log (`/audit`): append-only, hash-chained record of every change. */
import type { ListAuditQuery } from '@rectify/schemas'
import { api, ok } from './http'

/** `GET /audit`: one page of entries, newest first, filtered by actor, entity, action and time. */
export async function listAudit(query: ListAuditQuery = {}) {
  return ok(await api.GET('/api/v1/audit', { params: { query } }))
}
