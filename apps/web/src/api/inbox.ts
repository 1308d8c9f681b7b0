/** The caller's inbox (消息中心): list, unread count, mark read, read all. People only. */
import type { ListInboxQuery } from '@rectify/schemas'
import { api, ok } from './http'

/** `GET /inbox`: the caller's messages, newest first (`unread`, `kind` filters). */
export async function listInbox(query: ListInboxQuery = {}) {
  return ok(await api.GET('/api/v1/inbox', { params: { query } }))
}

/** `GET /inbox/unread-count`: cheap, polled by the top bar's bell. */
export async function getUnreadCount() {
  return ok(await api.GET('/api/v1/inbox/unread-count'))
}

/** `POST /inbox/:id/read`: idempotent; 404 for a message that is not the caller's. */
export async function markInboxRead(id: string) {
  return ok(await api.POST('/api/v1/inbox/{id}/read', { params: { path: { id } } }))
}

/** `POST /inbox/read-all`. */
export async function markAllInboxRead() {
  return ok(await api.POST('/api/v1/inbox/read-all'))
}
