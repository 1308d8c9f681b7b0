/**
 * Sweeps (举一反三排查): launched from a common problem (office), listed and read within the
 * caller's scope, a target unit's one report, and the office's close (If-Match).
 */
import type { CreateSweepBody, ListSweepsQuery, SweepReportBody } from '@rectify/schemas'
import { api, ifMatch, ok } from './http'

const byId = (id: string) => ({ path: { id } })

/** `GET /sweeps`: latest launched first; a unit gets the sweeps targeting its subtree. */
export async function listSweeps(query: ListSweepsQuery = {}) {
  return ok(await api.GET('/api/v1/sweeps', { params: { query } }))
}

/** `GET /sweeps/:id`. */
export async function getSweep(id: string) {
  return ok(await api.GET('/api/v1/sweeps/{id}', { params: byId(id) }))
}

/** `POST /problems/:id/sweeps` (office; the problem must be common). */
export async function launchSweep(problemId: string, body: CreateSweepBody) {
  return ok(await api.POST('/api/v1/problems/{id}/sweeps', { params: byId(problemId), body }))
}

/** `POST /sweeps/:id/reports`: one target unit's findings or signed statement of none. */
export async function reportSweep(id: string, body: SweepReportBody) {
  return ok(await api.POST('/api/v1/sweeps/{id}/reports', { params: byId(id), body }))
}

/** `POST /sweeps/:id/close` with `If-Match` (office, every target reported). */
export async function closeSweep(id: string, version: number) {
  return ok(
    await api.POST('/api/v1/sweeps/{id}/close', {
      params: { ...byId(id), header: ifMatch(version) },
    }),
  )
}
