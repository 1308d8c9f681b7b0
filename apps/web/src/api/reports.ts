/** Progress reports (进展报告): a unit reports on a problem or measure; the office reviews. */
import type {
  CreateReportBody,
  ListProblemReportsQuery,
  ListReportsQuery,
  ReviewReportBody,
} from '@rectify/schemas'
import { api, ifMatch, ok } from './http'

const byId = (id: string) => ({ path: { id } })

/** `POST /problems/:id/reports`: a new report; `evidenceIds` come from earlier uploads. */
export async function createReport(problemId: string, body: CreateReportBody) {
  return ok(await api.POST('/api/v1/problems/{id}/reports', { params: byId(problemId), body }))
}

/** `GET /problems/:id/reports`: the problem's reports, newest first. */
export async function listProblemReports(problemId: string, query: ListProblemReportsQuery = {}) {
  return ok(
    await api.GET('/api/v1/problems/{id}/reports', { params: { ...byId(problemId), query } }),
  )
}

/** `GET /reports`: report search; with `status=submitted` the review queue, oldest first. */
export async function listReports(query: ListReportsQuery = {}) {
  return ok(await api.GET('/api/v1/reports', { params: { query } }))
}

/** `GET /reports/:id`. */
export async function getReport(id: string) {
  return ok(await api.GET('/api/v1/reports/{id}', { params: byId(id) }))
}

/** `POST /reports/:id/review` with `If-Match: version`: accept, or return with a note. */
export async function reviewReport(id: string, version: number, body: ReviewReportBody) {
  return ok(
    await api.POST('/api/v1/reports/{id}/review', {
      params: { ...byId(id), header: ifMatch(version) },
      body,
    }),
  )
}
