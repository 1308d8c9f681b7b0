/**
 * Supervision notices (督办单): the list with its URL filters and overdue count, the open
 * notice, and the steps on it (issue, reply, close, escalate, download the .docx).
 */
import type {
  CloseNoticeBody,
  EscalateNoticeBody,
  IssueNoticeBody,
  ListNoticesQuery,
  Notice,
  NoticeDetail,
  ReplyNoticeBody,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import * as api from '@/api/notices'
import { useCursorList } from '@/composables/useCursorList'
import { saveBlob } from '@/lib/save-file'

export const NOTICE_PAGE_SIZE = 50

export const useNoticesStore = defineStore('notices', () => {
  const filters = shallowRef<ListNoticesQuery>({})
  const overdue = ref(0)
  const list = useCursorList<Notice>(async (cursor) => {
    const page = await api.listNotices({ ...filters.value, limit: NOTICE_PAGE_SIZE, cursor })
    overdue.value = page.overdue
    return page
  })
  const current = shallowRef<NoticeDetail | null>(null)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let generation = 0

  /** Loads the first page for `query` (filters from the URL). */
  function search(query: ListNoticesQuery): Promise<void> {
    filters.value = query
    return list.reload()
  }

  /** Reads one notice (the notice page). */
  async function open(id: string): Promise<void> {
    const mine = ++generation
    if (current.value?.id !== id) current.value = null
    loading.value = true
    error.value = null
    try {
      const found = await api.getNotice(id)
      if (mine === generation) current.value = found
    } catch (cause) {
      if (mine === generation) error.value = cause
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function settle(notice: NoticeDetail): NoticeDetail {
    current.value = notice
    list.replace((r) => r.id === notice.id, notice)
    return notice
  }

  /** The notice read again (after a 412), for the next attempt's version. */
  async function refetch(id: string): Promise<NoticeDetail> {
    return settle(await api.getNotice(id))
  }

  const issue = (body: IssueNoticeBody) => api.issueNotice(body)
  const reply = async (id: string, version: number, body: ReplyNoticeBody) =>
    settle(await api.replyNotice(id, version, body))
  const close = async (id: string, version: number, body: CloseNoticeBody) =>
    settle(await api.closeNotice(id, version, body))
  /** Escalates; the page moves on to the new notice (the caller navigates to it). */
  const escalate = (id: string, version: number, body: EscalateNoticeBody) =>
    api.escalateNotice(id, version, body)

  /** Notices awaiting the caller's unit's reply, the most urgent first (the home page). */
  const toAnswer = shallowRef<Notice[] | null>(null)
  async function loadToAnswer(): Promise<void> {
    const page = await api.listNotices({ status: 'issued', limit: 20 })
    toAnswer.value = [...page.items].sort((a, b) => a.replyDue.localeCompare(b.replyDue))
  }

  /** Saves the notice's .docx under the name the server gave it. */
  async function download(notice: { id: string; number: string }): Promise<void> {
    const { blob, filename } = await api.downloadNoticeDocument(notice.id)
    saveBlob(blob, filename ?? `${notice.number}.docx`)
  }

  return {
    items: list.items,
    total: list.total,
    overdue,
    hasMore: list.hasMore,
    listLoading: list.loading,
    listError: list.error,
    loadMore: list.loadMore,
    search,
    current,
    loading,
    error,
    open,
    refetch,
    issue,
    reply,
    close,
    escalate,
    download,
    toAnswer,
    loadToAnswer,
  }
})
