/** Progress reports (进展报告): a unit reports on a problem or measure; the office reviews. */
import type {
  CreateReportBody,
  ListProblemReportsQuery,
  ListReportsQuery,
  ProgressReport,
  ReportPage,
  ReviewReportBody,
} from '@rectify/schemas'
import { request } from './http'

/** `POST /problems/:id/reports`: a new report; `evidenceIds` come from earlier uploads. */
export function createReport(problemId: string, body: CreateReportBody): Promise<ProgressReport> {
  return request<ProgressReport>(`/problems/${encodeURIComponent(problemId)}/reports`, {
    method: 'POST',
    body,
  })
}

/** `GET /problems/:id/reports`: the problem's reports, newest first. */
export function listProblemReports(
  problemId: string,
  query: ListProblemReportsQuery = {},
): Promise<ReportPage> {
  return request<ReportPage>(`/problems/${encodeURIComponent(problemId)}/reports`, { query })
}

/** `GET /reports`: report search; with `status=submitted` the review queue, oldest first. */
export function listReports(query: ListReportsQuery = {}): Promise<ReportPage> {
  return request<ReportPage>('/reports', { query })
}

/** `GET /reports/:id`. */
export function getReport(id: string): Promise<ProgressReport> {
  return request<ProgressReport>(`/reports/${encodeURIComponent(id)}`)
}

/** `POST /reports/:id/review` with `If-Match: version`: accept, or return with a note. */
export function reviewReport(
  id: string,
  version: number,
  body: ReviewReportBody,
): Promise<ProgressReport> {
  return request<ProgressReport>(`/reports/${encodeURIComponent(id)}/review`, {
    method: 'POST',
    body,
    version,
  })
}
