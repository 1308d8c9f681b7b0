/** The caller's inbox (消息中心): list, unread count, mark read, read all. People only. */
import type {
  InboxMessage,
  InboxPage,
  ListInboxQuery,
  ReadAllResult,
  UnreadCount,
} from '@rectify/schemas'
import { request } from './http'

/** `GET /inbox`: the caller's messages, newest first (`unread`, `kind` filters). */
export function listInbox(query: ListInboxQuery = {}): Promise<InboxPage> {
  return request<InboxPage>('/inbox', { query })
}

/** `GET /inbox/unread-count`: cheap, polled by the top bar's bell. */
export function getUnreadCount(): Promise<UnreadCount> {
  return request<UnreadCount>('/inbox/unread-count')
}

/** `POST /inbox/:id/read`: idempotent; 404 for a message that is not the caller's. */
export function markInboxRead(id: string): Promise<InboxMessage> {
  return request<InboxMessage>(`/inbox/${encodeURIComponent(id)}/read`, { method: 'POST' })
}

/** `POST /inbox/read-all`. */
export function markAllInboxRead(): Promise<ReadAllResult> {
  return request<ReadAllResult>('/inbox/read-all', { method: 'POST' })
}
