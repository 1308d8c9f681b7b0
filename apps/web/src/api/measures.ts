/** Measures (整改措施) with their milestones (节点), and the reverse-scheduling helper (倒排工期). */
import type {
  CreateMeasureBody,
  Measure,
  MeasureList,
  ScheduleProposal,
  ScheduleQuery,
  UpdateMeasureBody,
} from '@rectify/schemas'
import { request } from './http'

const path = (id: string) => `/measures/${encodeURIComponent(id)}`

/** `GET /problems/:id/measures`: the plan, with milestones, lights and planned progress. */
export function listMeasures(problemId: string): Promise<MeasureList> {
  return request<MeasureList>(`/problems/${encodeURIComponent(problemId)}/measures`)
}

/** `POST /problems/:id/measures`: adds a measure with its milestones. */
export function createMeasure(problemId: string, body: CreateMeasureBody): Promise<Measure> {
  return request<Measure>(`/problems/${encodeURIComponent(problemId)}/measures`, {
    method: 'POST',
    body,
  })
}

/** `PATCH /measures/:id` with `If-Match: version`; `milestones` replaces them as a whole. */
export function updateMeasure(
  id: string,
  version: number,
  body: UpdateMeasureBody,
): Promise<Measure> {
  return request<Measure>(path(id), { method: 'PATCH', body, version })
}

/** `DELETE /measures/:id` with `If-Match: version` (while the plan is a draft). */
export function deleteMeasure(id: string, version: number): Promise<void> {
  return request<void>(path(id), { method: 'DELETE', version })
}

/** `GET /schedule`: milestones laid backwards from the deadline by a template. */
export function proposeSchedule(query: ScheduleQuery): Promise<ScheduleProposal> {
  return request<ScheduleProposal>('/schedule', { query })
}
