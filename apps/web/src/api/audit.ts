/** The audit log (`/audit`): append-only, hash-chained record of every change. */
import type { AuditPage, ListAuditQuery } from '@rectify/schemas'
import { request } from './http'

/** `GET /audit`: one page of entries, newest first, filtered by actor, entity, action and time. */
export function listAudit(query: ListAuditQuery = {}): Promise<AuditPage> {
  return request<AuditPage>('/audit', { query })
}
