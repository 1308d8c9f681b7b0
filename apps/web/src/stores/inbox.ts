/**
 * The inbox (消息中心): the unread count the top bar's bell shows, and the message list of the
 * inbox page (unread filter from the URL). Reading a message updates both.
 */
import type { InboxMessage } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import * as api from '@/api/inbox'
import { useCursorList } from '@/composables/useCursorList'

export const INBOX_PAGE_SIZE = 30

export const useInboxStore = defineStore('inbox', () => {
  const unread = ref(0)
  const unreadOnly = ref(false)
  const list = useCursorList<InboxMessage>((cursor) =>
    api.listInbox({
      ...(unreadOnly.value ? { unread: true } : {}),
      limit: INBOX_PAGE_SIZE,
      cursor,
    }),
  )
  const countError = shallowRef<unknown>(null)

  /** Refreshes the unread count; a failure keeps the last count (the bell never breaks a page). */
  async function refreshCount(): Promise<void> {
    try {
      unread.value = (await api.getUnreadCount()).count
      countError.value = null
    } catch (cause) {
      countError.value = cause
    }
  }

  function search(onlyUnread: boolean): Promise<void> {
    unreadOnly.value = onlyUnread
    return list.reload()
  }

  /** Marks one message read (idempotent) and keeps the count in step. */
  async function markRead(message: InboxMessage): Promise<InboxMessage> {
    if (message.readAt) return message
    const read = await api.markInboxRead(message.id)
    list.replace((m) => m.id === read.id, read)
    unread.value = Math.max(0, unread.value - 1)
    return read
  }

  async function markAllRead(): Promise<number> {
    const { marked } = await api.markAllInboxRead()
    await Promise.all([list.reload(), refreshCount()])
    return marked
  }

  return {
    unread,
    unreadOnly,
    countError,
    items: list.items,
    total: list.total,
    hasMore: list.hasMore,
    loading: list.loading,
    error: list.error,
    loadMore: list.loadMore,
    refreshCount,
    search,
    markRead,
    markAllRead,
  }
})
