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
import * as reportsApi from '@/api/public-reports'
import { useListDetail } from '@/composables/useCursorList'

export const PUBLIC_REPORT_PAGE_SIZE = 50

export const usePublicReportsStore = defineStore('publicReports', () => {
  const { settle, ...board } = useListDetail<ListPublicReportsQuery, PublicReport>({
    fetchPage: (query, cursor) =>
      reportsApi.listPublicReports({ ...query, limit: PUBLIC_REPORT_PAGE_SIZE, cursor }),
    fetchOne: reportsApi.getPublicReport,
  })

  async function triage(id: string, version: number, body: TriagePublicReportBody) {
    return settle(await reportsApi.triagePublicReport(id, version, body))
  }

  async function rule(id: string, version: number, body: RuleObjectionBody) {
    return settle(await reportsApi.ruleObjection(id, version, body))
  }

  return {
    ...board,
    triage,
    rule,
  }
})
