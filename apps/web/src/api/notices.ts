/**
 * Supervision notices (督办单): the list, one notice, issuing (office), replying (the addressed
 * unit), closing and escalating (office, If-Match), and the official .docx.
 */
import type {
  CloseNoticeBody,
  EscalateNoticeBody,
  IssueNoticeBody,
  ListNoticesQuery,
  NoticeDetail,
  NoticePage,
  ReplyNoticeBody,
} from '@rectify/schemas'
import { downloadNamed, request, type NamedBlob } from './http'

const path = (id: string) => `/notices/${encodeURIComponent(id)}`

/** `GET /notices`: newest first, with how many of them are overdue. */
export function listNotices(query: ListNoticesQuery = {}): Promise<NoticePage> {
  return request<NoticePage>('/notices', { query })
}

/** `GET /notices/:id` with its escalation chain and what the caller may do. */
export function getNotice(id: string): Promise<NoticeDetail> {
  return request<NoticeDetail>(path(id))
}

/** `POST /notices` (office). */
export function issueNotice(body: IssueNoticeBody): Promise<NoticeDetail> {
  return request<NoticeDetail>('/notices', { method: 'POST', body })
}

/** `POST /notices/:id/reply` with `If-Match` (the addressed unit). */
export function replyNotice(
  id: string,
  version: number,
  body: ReplyNoticeBody,
): Promise<NoticeDetail> {
  return request<NoticeDetail>(`${path(id)}/reply`, { method: 'POST', body, version })
}

/** `POST /notices/:id/close` with `If-Match` (office, a replied notice). */
export function closeNotice(
  id: string,
  version: number,
  body: CloseNoticeBody,
): Promise<NoticeDetail> {
  return request<NoticeDetail>(`${path(id)}/close`, { method: 'POST', body, version })
}

/** `POST /notices/:id/escalate` with `If-Match` (office): the new notice at the next level. */
export function escalateNotice(
  id: string,
  version: number,
  body: EscalateNoticeBody,
): Promise<NoticeDetail> {
  return request<NoticeDetail>(`${path(id)}/escalate`, { method: 'POST', body, version })
}

/** `GET /notices/:id/document`: the notice as a Word document in the official layout. */
export function downloadNoticeDocument(id: string, signal?: AbortSignal): Promise<NamedBlob> {
  return downloadNamed(`${path(id)}/document`, signal)
}
