/**
 * Inspections (督查检查、明察暗访): the list, one inspection, planning, editing, completing and
 * cancelling it (office, If-Match), its findings, and the findings of a problem.
 */
import type {
  CompleteInspectionBody,
  CreateInspectionBody,
  ListInspectionsQuery,
  RecordFindingBody,
  UpdateInspectionBody,
} from '@rectify/schemas'
import { api, ifMatch, ok } from './http'

const byId = (id: string) => ({ path: { id } })
const versioned = (id: string, version: number) => ({ path: { id }, header: ifMatch(version) })

/** `GET /inspections`: newest first; an unannounced one is hidden from its targets until done. */
export async function listInspections(query: ListInspectionsQuery = {}) {
  return ok(await api.GET('/api/v1/inspections', { params: { query } }))
}

/** `GET /inspections/:id` with its findings. */
export async function getInspection(id: string) {
  return ok(await api.GET('/api/v1/inspections/{id}', { params: byId(id) }))
}

/** `POST /inspections` (office). */
export async function createInspection(body: CreateInspectionBody) {
  return ok(await api.POST('/api/v1/inspections', { body }))
}

/** `PATCH /inspections/:id` with `If-Match` while planned (office). */
export async function updateInspection(id: string, version: number, body: UpdateInspectionBody) {
  return ok(await api.PATCH('/api/v1/inspections/{id}', { params: versioned(id, version), body }))
}

/** `POST /inspections/:id/complete` with `If-Match` (office). */
export async function completeInspection(
  id: string,
  version: number,
  body: CompleteInspectionBody,
) {
  return ok(
    await api.POST('/api/v1/inspections/{id}/complete', {
      params: versioned(id, version),
      body,
    }),
  )
}

/** `POST /inspections/:id/cancel` with `If-Match` (office). */
export async function cancelInspection(id: string, version: number) {
  return ok(
    await api.POST('/api/v1/inspections/{id}/cancel', {
      params: versioned(id, version),
      body: {},
    }),
  )
}

/** `POST /inspections/:id/findings`: links a problem or opens one (office, inspection done). */
export async function recordFinding(id: string, body: RecordFindingBody) {
  return ok(await api.POST('/api/v1/inspections/{id}/findings', { params: byId(id), body }))
}

/** `GET /problems/:id/findings`: the findings that opened or link a problem. */
export async function listProblemFindings(problemId: string) {
  return ok(await api.GET('/api/v1/problems/{id}/findings', { params: byId(problemId) }))
}
