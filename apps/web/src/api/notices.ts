/**
 * Supervision notices (督办单): the list, one notice, issuing (office), replying (the addressed
 * unit), closing and escalating (office, If-Match), and the official .docx.
 */
import type {
  CloseNoticeBody,
  EscalateNoticeBody,
  IssueNoticeBody,
  ListNoticesQuery,
  ReplyNoticeBody,
} from '@rectify/schemas'
import { api, ifMatch, named, ok, type NamedBlob } from './http'

const byId = (id: string) => ({ path: { id } })
const versioned = (id: string, version: number) => ({ path: { id }, header: ifMatch(version) })

/** `GET /notices`: newest first, with how many of them are overdue. */
export async function listNotices(query: ListNoticesQuery = {}) {
  return ok(await api.GET('/api/v1/notices', { params: { query } }))
}

/** `GET /notices/:id` with its escalation chain and what the caller may do. */
export async function getNotice(id: string) {
  return ok(await api.GET('/api/v1/notices/{id}', { params: byId(id) }))
}

/** `POST /notices` (office). */
export async function issueNotice(body: IssueNoticeBody) {
  return ok(await api.POST('/api/v1/notices', { body }))
}

/** `POST /notices/:id/reply` with `If-Match` (the addressed unit). */
export async function replyNotice(id: string, version: number, body: ReplyNoticeBody) {
  return ok(await api.POST('/api/v1/notices/{id}/reply', { params: versioned(id, version), body }))
}

/** `POST /notices/:id/close` with `If-Match` (office, a replied notice). */
export async function closeNotice(id: string, version: number, body: CloseNoticeBody) {
  return ok(await api.POST('/api/v1/notices/{id}/close', { params: versioned(id, version), body }))
}

/** `POST /notices/:id/escalate` with `If-Match` (office): the new notice at the next level. */
export async function escalateNotice(id: string, version: number, body: EscalateNoticeBody) {
  return ok(
    await api.POST('/api/v1/notices/{id}/escalate', { params: versioned(id, version), body }),
  )
}

/** `GET /notices/:id/document`: the notice as a Word document in the official layout. */
export async function downloadNoticeDocument(id: string, signal?: AbortSignal): Promise<NamedBlob> {
  return named(
    await api.GET('/api/v1/notices/{id}/document', {
      params: byId(id),
      parseAs: 'blob',
      signal,
    }),
  )
}
