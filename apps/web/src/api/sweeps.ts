/**
 * Sweeps (举一反三排查): launched from a common problem (office), listed and read within the
 * caller's scope, a target unit's one report, and the office's close (If-Match).
 */
import type {
  CreateSweepBody,
  ListSweepsQuery,
  Sweep,
  SweepPage,
  SweepReportBody,
} from '@rectify/schemas'
import { request } from './http'

const path = (id: string) => `/sweeps/${encodeURIComponent(id)}`

/** `GET /sweeps`: latest launched first; a unit gets the sweeps targeting its subtree. */
export function listSweeps(query: ListSweepsQuery = {}): Promise<SweepPage> {
  return request<SweepPage>('/sweeps', { query })
}

/** `GET /sweeps/:id`. */
export function getSweep(id: string): Promise<Sweep> {
  return request<Sweep>(path(id))
}

/** `POST /problems/:id/sweeps` (office; the problem must be common). */
export function launchSweep(problemId: string, body: CreateSweepBody): Promise<Sweep> {
  return request<Sweep>(`/problems/${encodeURIComponent(problemId)}/sweeps`, {
    method: 'POST',
    body,
  })
}

/** `POST /sweeps/:id/reports`: one target unit's findings or signed statement of none. */
export function reportSweep(id: string, body: SweepReportBody): Promise<Sweep> {
  return request<Sweep>(`${path(id)}/reports`, { method: 'POST', body })
}

/** `POST /sweeps/:id/close` with `If-Match` (office, every target reported). */
export function closeSweep(id: string, version: number): Promise<Sweep> {
  return request<Sweep>(`${path(id)}/close`, { method: 'POST', version })
}
