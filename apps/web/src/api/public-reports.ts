/**
 * The office's side of public reports (群众监督): the triage list, one report, the triage steps
 * (reply, link, open a problem, mark as an objection) and objection rulings.
 */
import type {
  ListPublicReportsQuery,
  PublicReport,
  PublicReportPage,
  RuleObjectionBody,
  TriagePublicReportBody,
} from '@rectify/schemas'
import { request } from './http'

const path = (id: string) => `/public-reports/${encodeURIComponent(id)}`

/** `GET /public-reports`: reports, newest first, by status, ruling, problem or text. */
export function listPublicReports(query: ListPublicReportsQuery = {}): Promise<PublicReportPage> {
  return request<PublicReportPage>('/public-reports', { query })
}

/** `GET /public-reports/:id` (name and contact for the office only). */
export function getPublicReport(id: string): Promise<PublicReport> {
  return request<PublicReport>(path(id))
}

/** `POST /public-reports/:id/triage` with `If-Match: version` (office). */
export function triagePublicReport(
  id: string,
  version: number,
  body: TriagePublicReportBody,
): Promise<PublicReport> {
  return request<PublicReport>(`${path(id)}/triage`, { method: 'POST', body, version })
}

/** `POST /public-reports/:id/ruling` with `If-Match: version`: `upheld` reopens the problem. */
export function ruleObjection(
  id: string,
  version: number,
  body: RuleObjectionBody,
): Promise<PublicReport> {
  return request<PublicReport>(`${path(id)}/ruling`, { method: 'POST', body, version })
}
