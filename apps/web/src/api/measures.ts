/** Measures (整改措施) with their milestones (节点), and the reverse-scheduling helper (倒排工期). */
import type { CreateMeasureBody, ScheduleQuery, UpdateMeasureBody } from '@rectify/schemas'
import { api, ifMatch, ok } from './http'

const byId = (id: string) => ({ path: { id } })

/** `GET /problems/:id/measures`: the plan, with milestones, lights and planned progress. */
export async function listMeasures(problemId: string) {
  return ok(await api.GET('/api/v1/problems/{id}/measures', { params: byId(problemId) }))
}

/** `POST /problems/:id/measures`: adds a measure with its milestones. */
export async function createMeasure(problemId: string, body: CreateMeasureBody) {
  return ok(await api.POST('/api/v1/problems/{id}/measures', { params: byId(problemId), body }))
}

/** `PATCH /measures/:id` with `If-Match: version`; `milestones` replaces them as a whole. */
export async function updateMeasure(id: string, version: number, body: UpdateMeasureBody) {
  return ok(
    await api.PATCH('/api/v1/measures/{id}', {
      params: { ...byId(id), header: ifMatch(version) },
      body,
    }),
  )
}

/** `DELETE /measures/:id` with `If-Match: version` (while the plan is a draft). */
export async function deleteMeasure(id: string, version: number): Promise<void> {
  await api.DELETE('/api/v1/measures/{id}', { params: { ...byId(id), header: ifMatch(version) } })
}

/** `GET /schedule`: milestones laid backwards from the deadline by a template. */
export async function proposeSchedule(query: ScheduleQuery) {
  return ok(await api.GET('/api/v1/schedule', { params: { query } }))
}
