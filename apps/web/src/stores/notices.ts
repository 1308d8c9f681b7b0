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
import { useListDetail } from '@/composables/useCursorList'
import { saveBlob } from '@/lib/save-file'

export const NOTICE_PAGE_SIZE = 50

export const useNoticesStore = defineStore('notices', () => {
  const overdue = ref(0)
  const { settle, ...board } = useListDetail<ListNoticesQuery, Notice, NoticeDetail>({
    fetchPage: async (query, cursor) => {
      const page = await api.listNotices({ ...query, limit: NOTICE_PAGE_SIZE, cursor })
      overdue.value = page.overdue
      return page
    },
    fetchOne: api.getNotice,
  })

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
    ...board,
    overdue,
    issue,
    reply,
    close,
    escalate,
    download,
    toAnswer,
    loadToAnswer,
  }
})
