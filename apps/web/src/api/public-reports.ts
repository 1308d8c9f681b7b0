/**
 * The office's side of public reports (群众监督): the triage list, one report, the triage steps
 * (reply, link, open a problem, mark as an objection) and objection rulings.
 */
import type {
  ListPublicReportsQuery,
  RuleObjectionBody,
  TriagePublicReportBody,
} from '@rectify/schemas'
import { api, ifMatch, ok } from './http'

const versioned = (id: string, version: number) => ({ path: { id }, header: ifMatch(version) })

/** `GET /public-reports`: reports, newest first, by status, ruling, problem or text. */
export async function listPublicReports(query: ListPublicReportsQuery = {}) {
  return ok(await api.GET('/api/v1/public-reports', { params: { query } }))
}

/** `GET /public-reports/:id` (name and contact for the office only). */
export async function getPublicReport(id: string) {
  return ok(await api.GET('/api/v1/public-reports/{id}', { params: { path: { id } } }))
}

/** `POST /public-reports/:id/triage` with `If-Match: version` (office). */
export async function triagePublicReport(
  id: string,
  version: number,
  body: TriagePublicReportBody,
) {
  return ok(
    await api.POST('/api/v1/public-reports/{id}/triage', { params: versioned(id, version), body }),
  )
}

/** `POST /public-reports/:id/ruling` with `If-Match: version`: `upheld` reopens the problem. */
export async function ruleObjection(id: string, version: number, body: RuleObjectionBody) {
  return ok(
    await api.POST('/api/v1/public-reports/{id}/ruling', { params: versioned(id, version), body }),
  )
}
