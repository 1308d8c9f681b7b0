import type { InboxMessage } from '@rectify/schemas'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { page, problem, useFakeApi } from '@/test/fake-api'
import { INBOX_PAGE_SIZE, useInboxStore } from './inbox'

const message = (id: string, readAt: string | null = null) =>
  ({ id, kind: 'report_returned', title: '进展报告被退回', readAt }) as unknown as InboxMessage

describe('the inbox store', () => {
  const server = useFakeApi()
  beforeEach(() => setActivePinia(createPinia()))

  it('shows the unread count the server gives, and keeps it when a refresh fails', async () => {
    server.on('GET /api/v1/inbox/unread-count', { count: 3 }, problem(503, 'unavailable'))
    const inbox = useInboxStore()
    await inbox.refreshCount()
    expect(inbox.unread).toBe(3)
    expect(inbox.countError).toBeNull()

    await inbox.refreshCount()
    expect(inbox.unread).toBe(3)
    expect(inbox.countError).toMatchObject({ status: 503 })
  })

  it('lists only unread messages when asked, with the page size', async () => {
    server.on('GET /api/v1/inbox', page([message('m1')]))
    const inbox = useInboxStore()
    await inbox.search(true)
    await inbox.search(false)
    expect(server.to('GET /api/v1/inbox').map((s) => s.query)).toEqual([
      { unread: 'true', limit: String(INBOX_PAGE_SIZE) },
      { limit: String(INBOX_PAGE_SIZE) },
    ])
  })

  it('marks a message read once, in its row and in the count', async () => {
    server
      .on('GET /api/v1/inbox/unread-count', { count: 2 })
      .on('GET /api/v1/inbox', page([message('m1'), message('m2', '2026-03-01T02:00:00Z')]))
      .on('POST /api/v1/inbox/m1/read', message('m1', '2026-03-02T02:00:00Z'))
    const inbox = useInboxStore()
    await Promise.all([inbox.refreshCount(), inbox.search(false)])
    await inbox.markRead(inbox.items[0]!)
    await inbox.markRead(inbox.items[1]!)

    expect(server.to('POST /api/v1/inbox/m1/read')).toHaveLength(1)
    expect(server.to('POST /api/v1/inbox/m2/read')).toHaveLength(0)
    expect(inbox.items[0]!.readAt).toBe('2026-03-02T02:00:00Z')
    expect(inbox.unread).toBe(1)
  })

  it('never counts below zero', async () => {
    server.on('POST /api/v1/inbox/m1/read', message('m1', '2026-03-02T02:00:00Z'))
    const inbox = useInboxStore()
    await inbox.markRead(message('m1'))
    expect(inbox.unread).toBe(0)
  })

  it('marks all read, then reads the list and the count again', async () => {
    server
      .on('POST /api/v1/inbox/read-all', { marked: 5 })
      .on('GET /api/v1/inbox', page([message('m1', '2026-03-02T02:00:00Z')]))
      .on('GET /api/v1/inbox/unread-count', { count: 0 })
    const inbox = useInboxStore()
    inbox.unread = 5
    expect(await inbox.markAllRead()).toBe(5)
    expect(server.routes()[0]).toBe('POST /api/v1/inbox/read-all')
    expect(server.routes().slice(1).sort()).toEqual([
      'GET /api/v1/inbox',
      'GET /api/v1/inbox/unread-count',
    ])
    expect(inbox.unread).toBe(0)
  })
})
