/**
 * Public reports (群众监督) as the office triages them: the list with its filters, one report,
 * and the triage steps and objection rulings taken on it.
 */
import type {
  ListPublicReportsQuery,
  PublicReport,
  RuleObjectionBody,
  TriagePublicReportBody,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import * as reportsApi from '@/api/public-reports'
import { useCursorList } from '@/composables/useCursorList'

export const PUBLIC_REPORT_PAGE_SIZE = 50

export const usePublicReportsStore = defineStore('publicReports', () => {
  const filters = shallowRef<ListPublicReportsQuery>({})
  const list = useCursorList<PublicReport>((cursor) =>
    reportsApi.listPublicReports({ ...filters.value, limit: PUBLIC_REPORT_PAGE_SIZE, cursor }),
  )
  const current = shallowRef<PublicReport | null>(null)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let generation = 0

  /** Loads the first page for `query` (filters from the URL). */
  function search(query: ListPublicReportsQuery): Promise<void> {
    filters.value = query
    return list.reload()
  }

  /** Reads one report (the detail page). */
  async function open(id: string): Promise<void> {
    const mine = ++generation
    if (current.value?.id !== id) current.value = null
    loading.value = true
    error.value = null
    try {
      const report = await reportsApi.getPublicReport(id)
      if (mine === generation) current.value = report
    } catch (cause) {
      if (mine === generation) error.value = cause
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** The report read again (after a 412), for the next attempt's version. */
  async function refetch(id: string): Promise<PublicReport> {
    const report = await reportsApi.getPublicReport(id)
    current.value = report
    list.replace((r) => r.id === id, report)
    return report
  }

  function settle(report: PublicReport): PublicReport {
    current.value = report
    list.replace((r) => r.id === report.id, report)
    return report
  }

  async function triage(id: string, version: number, body: TriagePublicReportBody) {
    return settle(await reportsApi.triagePublicReport(id, version, body))
  }

  async function rule(id: string, version: number, body: RuleObjectionBody) {
    return settle(await reportsApi.ruleObjection(id, version, body))
  }

  return {
    items: list.items,
    total: list.total,
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
    triage,
    rule,
  }
})
