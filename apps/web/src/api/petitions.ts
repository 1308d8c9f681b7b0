/**
 * Petition cases (交办信访件) and their batches: one function per route of the contract, except
 * the import and its template (api/petition-import.ts). State changes on a case or a batch send
 * `If-Match` with the version read; the bulk assignment names its cases and carries no version.
 */
import type {
  AssignPetitionsBody,
  CreatePetitionBatchBody,
  CreatePetitionBody,
  ListPetitionBatchesQuery,
  ListPetitionsQuery,
  PetitionCallbackBody,
  PetitionProblemBody,
  PetitionRepeatBody,
  ReportPetitionBody,
  ReviewPetitionBody,
  UpdatePetitionBatchBody,
  UpdatePetitionBody,
} from '@rectify/schemas'
import { api, ifMatch, ok } from './http'

const byId = (id: string) => ({ path: { id } })
const versioned = (id: string, version: number) => ({ path: { id }, header: ifMatch(version) })

// ── Batches ──────────────────────────────────────────────────────────────────────────────

/** `GET /petition-batches`: newest first; counts follow the caller's scope. */
export async function listPetitionBatches(query: ListPetitionBatchesQuery = {}) {
  return ok(await api.GET('/api/v1/petition-batches', { params: { query } }))
}

/** `GET /petition-batches/:id`. */
export async function getPetitionBatch(id: string) {
  return ok(await api.GET('/api/v1/petition-batches/{id}', { params: byId(id) }))
}

/** `POST /petition-batches` (office). */
export async function createPetitionBatch(body: CreatePetitionBatchBody) {
  return ok(await api.POST('/api/v1/petition-batches', { body }))
}

/** `PATCH /petition-batches/:id` with `If-Match` (office). */
export async function updatePetitionBatch(
  id: string,
  version: number,
  body: UpdatePetitionBatchBody,
) {
  return ok(
    await api.PATCH('/api/v1/petition-batches/{id}', { params: versioned(id, version), body }),
  )
}

/** `POST /petition-batches/:id/publish` with `If-Match` (office): puts the results on the public board. */
export async function publishPetitionBatch(id: string, version: number) {
  return ok(
    await api.POST('/api/v1/petition-batches/{id}/publish', { params: versioned(id, version) }),
  )
}

// ── Cases ────────────────────────────────────────────────────────────────────────────────

/** `GET /petitions`: the cases the caller may see (a unit: those its subtree handles). */
export async function listPetitions(query: ListPetitionsQuery = {}) {
  return ok(await api.GET('/api/v1/petitions', { params: { query } }))
}

/** `GET /petitions/:id` (never carries the complainant). */
export async function getPetition(id: string) {
  return ok(await api.GET('/api/v1/petitions/{id}', { params: byId(id) }))
}

/** `POST /petitions` (office): one case added to a batch by hand. */
export async function createPetition(body: CreatePetitionBody) {
  return ok(await api.POST('/api/v1/petitions', { body }))
}

/** `PATCH /petitions/:id` with `If-Match` (office): corrects the case as handed over. */
export async function updatePetition(id: string, version: number, body: UpdatePetitionBody) {
  return ok(await api.PATCH('/api/v1/petitions/{id}', { params: versioned(id, version), body }))
}

/** `GET /petitions/:id/complainant`: the office and the handling unit only; every read is audited. */
export async function getPetitionComplainant(id: string) {
  return ok(await api.GET('/api/v1/petitions/{id}/complainant', { params: byId(id) }))
}

/** `POST /petitions/assign` (office): hands cases to a unit with one deadline. */
export async function assignPetitions(body: AssignPetitionsBody) {
  return ok(await api.POST('/api/v1/petitions/assign', { body }))
}

/** `POST /petitions/:id/report` with `If-Match` (the handling unit). */
export async function reportPetition(id: string, version: number, body: ReportPetitionBody) {
  return ok(
    await api.POST('/api/v1/petitions/{id}/report', { params: versioned(id, version), body }),
  )
}

/** `POST /petitions/:id/review` with `If-Match` (office): close, partly close or return. */
export async function reviewPetition(id: string, version: number, body: ReviewPetitionBody) {
  return ok(
    await api.POST('/api/v1/petitions/{id}/review', { params: versioned(id, version), body }),
  )
}

/** `POST /petitions/:id/callback` with `If-Match` (office): the call-back (回访). */
export async function callbackPetition(id: string, version: number, body: PetitionCallbackBody) {
  return ok(
    await api.POST('/api/v1/petitions/{id}/callback', { params: versioned(id, version), body }),
  )
}

/** `POST /petitions/:id/problem` with `If-Match` (office): link a problem, or open one. */
export async function setPetitionProblem(id: string, version: number, body: PetitionProblemBody) {
  return ok(
    await api.POST('/api/v1/petitions/{id}/problem', { params: versioned(id, version), body }),
  )
}

/** `POST /petitions/:id/repeat` with `If-Match` (office): mark (or unmark, null) as a repeat. */
export async function setPetitionRepeat(id: string, version: number, body: PetitionRepeatBody) {
  return ok(
    await api.POST('/api/v1/petitions/{id}/repeat', { params: versioned(id, version), body }),
  )
}

/** `GET /petitions/:id/repeat-candidates` (office): likely earlier cases, most similar first. */
export async function listRepeatCandidates(id: string) {
  const answer = ok(await api.GET('/api/v1/petitions/{id}/repeat-candidates', { params: byId(id) }))
  return answer.items
}
