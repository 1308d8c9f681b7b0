/**
 * Inspections (督查检查、明察暗访): the list, one inspection, planning, editing, completing and
 * cancelling it (office, If-Match), its findings, and the findings of a problem.
 */
import type {
  CompleteInspectionBody,
  CreateInspectionBody,
  Inspection,
  InspectionFinding,
  InspectionPage,
  ListInspectionsQuery,
  ProblemFindingList,
  RecordFindingBody,
  UpdateInspectionBody,
} from '@rectify/schemas'
import { request } from './http'

const path = (id: string) => `/inspections/${encodeURIComponent(id)}`

/** `GET /inspections`: newest first; an unannounced one is hidden from its targets until done. */
export function listInspections(query: ListInspectionsQuery = {}): Promise<InspectionPage> {
  return request<InspectionPage>('/inspections', { query })
}

/** `GET /inspections/:id` with its findings. */
export function getInspection(id: string): Promise<Inspection> {
  return request<Inspection>(path(id))
}

/** `POST /inspections` (office). */
export function createInspection(body: CreateInspectionBody): Promise<Inspection> {
  return request<Inspection>('/inspections', { method: 'POST', body })
}

/** `PATCH /inspections/:id` with `If-Match` while planned (office). */
export function updateInspection(
  id: string,
  version: number,
  body: UpdateInspectionBody,
): Promise<Inspection> {
  return request<Inspection>(path(id), { method: 'PATCH', body, version })
}

/** `POST /inspections/:id/complete` with `If-Match` (office). */
export function completeInspection(
  id: string,
  version: number,
  body: CompleteInspectionBody,
): Promise<Inspection> {
  return request<Inspection>(`${path(id)}/complete`, { method: 'POST', body, version })
}

/** `POST /inspections/:id/cancel` with `If-Match` (office). */
export function cancelInspection(id: string, version: number): Promise<Inspection> {
  return request<Inspection>(`${path(id)}/cancel`, { method: 'POST', body: {}, version })
}

/** `POST /inspections/:id/findings`: links a problem or opens one (office, inspection done). */
export function recordFinding(id: string, body: RecordFindingBody): Promise<InspectionFinding> {
  return request<InspectionFinding>(`${path(id)}/findings`, { method: 'POST', body })
}

/** `GET /problems/:id/findings`: the findings that opened or link a problem. */
export function listProblemFindings(problemId: string): Promise<ProblemFindingList> {
  return request<ProblemFindingList>(`/problems/${encodeURIComponent(problemId)}/findings`)
}
