/**
 * Progress reports outside a problem page: the office's review queue (submitted reports, oldest
 * first, each with the problem it belongs to) and the report form (evidence upload, submission).
 */
import type {
  CreateReportBody,
  FileInfo,
  ListReportsQuery,
  Problem,
  ProgressReport,
  ReviewReportBody,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import * as filesApi from '@/api/files'
import type { UploadOptions } from '@/api/http'
import * as problemsApi from '@/api/problems'
import * as reportsApi from '@/api/reports'
import { useCursorList } from '@/composables/useCursorList'

export const REVIEW_PAGE_SIZE = 50

export const useReportsStore = defineStore('reports', () => {
  const filters = shallowRef<Omit<ListReportsQuery, 'status' | 'limit' | 'cursor'>>({})
  /** The problems the queue's reports belong to, by id (a report carries only the id). */
  const problems = shallowRef<ReadonlyMap<string, Problem>>(new Map())

  const queue = useCursorList<ProgressReport>(async (cursor) => {
    const page = await reportsApi.listReports({
      ...filters.value,
      status: 'submitted',
      limit: REVIEW_PAGE_SIZE,
      cursor,
    })
    await lookUpProblems(page.items.map((report) => report.problemId))
    return page
  })

  /** Fetches the problems not known yet, in parallel; one that cannot be read is left out. */
  async function lookUpProblems(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !problems.value.has(id))
    if (!missing.length) return
    const found = await Promise.all(
      missing.map((id) => problemsApi.getProblem(id).catch(() => null)),
    )
    const next = new Map(problems.value)
    for (const problem of found) if (problem) next.set(problem.id, problem)
    problems.value = next
  }

  /** Loads the first page of the queue for the filters in the URL. */
  function search(query: Omit<ListReportsQuery, 'status' | 'limit' | 'cursor'>): Promise<void> {
    filters.value = query
    problems.value = new Map()
    return queue.reload()
  }

  /** Accepts or returns a report, then takes it off the queue. */
  async function review(report: ProgressReport, body: ReviewReportBody): Promise<ProgressReport> {
    const reviewed = await reportsApi.reviewReport(report.id, report.version, body)
    queue.items.value = queue.items.value.filter((item) => item.id !== report.id)
    queue.total.value = Math.max(0, queue.total.value - 1)
    // The problem's light may have moved: read it again when it is next shown.
    const next = new Map(problems.value)
    next.delete(report.problemId)
    problems.value = next
    void lookUpProblems([report.problemId])
    return reviewed
  }

  /** Reads one report again (after a 412) and puts it back in its row. */
  async function refetch(id: string): Promise<ProgressReport> {
    const report = await reportsApi.getReport(id)
    queue.replace((item) => item.id === id, report)
    return report
  }

  /** Uploads one evidence file, reporting progress; 413 and 415 reach the caller as ApiError. */
  function upload(file: File, options: UploadOptions = {}): Promise<FileInfo> {
    return filesApi.uploadFile(file, file.name, options)
  }

  function create(problemId: string, body: CreateReportBody): Promise<ProgressReport> {
    return reportsApi.createReport(problemId, body)
  }

  return {
    items: queue.items,
    total: queue.total,
    hasMore: queue.hasMore,
    loading: queue.loading,
    error: queue.error,
    loadMore: queue.loadMore,
    problems,
    search,
    review,
    refetch,
    upload,
    create,
  }
})
