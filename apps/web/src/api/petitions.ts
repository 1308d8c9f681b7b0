/**
 * Petition cases (交办信访件) and their batches: one typed function per route of the contract
 * (`packages/schemas/src/petitions.ts`), except the import and its template (api/petition-import.ts).
 * State changes on a case or a batch send `If-Match` with the version read; the bulk assignment
 * names its cases and carries no version.
 */
import type {
  AssignPetitionsBody,
  AssignPetitionsResult,
  CreatePetitionBatchBody,
  CreatePetitionBody,
  ListPetitionBatchesQuery,
  ListPetitionsQuery,
  Petition,
  PetitionBatch,
  PetitionBatchPage,
  PetitionCallbackBody,
  PetitionComplainant,
  PetitionPage,
  PetitionProblemBody,
  PetitionRepeatBody,
  RepeatCandidate,
  ReportPetitionBody,
  ReviewPetitionBody,
  UpdatePetitionBatchBody,
  UpdatePetitionBody,
} from '@rectify/schemas'
import { request } from './http'

const batchPath = (id: string) => `/petition-batches/${encodeURIComponent(id)}`
const casePath = (id: string) => `/petitions/${encodeURIComponent(id)}`

// ── Batches ──────────────────────────────────────────────────────────────────────────────

/** `GET /petition-batches`: newest first; counts follow the caller's scope. */
export function listPetitionBatches(
  query: ListPetitionBatchesQuery = {},
): Promise<PetitionBatchPage> {
  return request<PetitionBatchPage>('/petition-batches', { query })
}

/** `GET /petition-batches/:id`. */
export function getPetitionBatch(id: string): Promise<PetitionBatch> {
  return request<PetitionBatch>(batchPath(id))
}

/** `POST /petition-batches` (office). */
export function createPetitionBatch(body: CreatePetitionBatchBody): Promise<PetitionBatch> {
  return request<PetitionBatch>('/petition-batches', { method: 'POST', body })
}

/** `PATCH /petition-batches/:id` with `If-Match` (office). */
export function updatePetitionBatch(
  id: string,
  version: number,
  body: UpdatePetitionBatchBody,
): Promise<PetitionBatch> {
  return request<PetitionBatch>(batchPath(id), { method: 'PATCH', body, version })
}

/** `POST /petition-batches/:id/publish` with `If-Match` (office): puts the results on the public board. */
export function publishPetitionBatch(id: string, version: number): Promise<PetitionBatch> {
  return request<PetitionBatch>(`${batchPath(id)}/publish`, { method: 'POST', version })
}

// ── Cases ────────────────────────────────────────────────────────────────────────────────

/** `GET /petitions`: the cases the caller may see (a unit: those its subtree handles). */
export function listPetitions(query: ListPetitionsQuery = {}): Promise<PetitionPage> {
  return request<PetitionPage>('/petitions', { query })
}

/** `GET /petitions/:id` (never carries the complainant). */
export function getPetition(id: string): Promise<Petition> {
  return request<Petition>(casePath(id))
}

/** `POST /petitions` (office): one case added to a batch by hand. */
export function createPetition(body: CreatePetitionBody): Promise<Petition> {
  return request<Petition>('/petitions', { method: 'POST', body })
}

/** `PATCH /petitions/:id` with `If-Match` (office): corrects the case as handed over. */
export function updatePetition(
  id: string,
  version: number,
  body: UpdatePetitionBody,
): Promise<Petition> {
  return request<Petition>(casePath(id), { method: 'PATCH', body, version })
}

/** `GET /petitions/:id/complainant`: the office and the handling unit only; every read is audited. */
export function getPetitionComplainant(id: string): Promise<PetitionComplainant> {
  return request<PetitionComplainant>(`${casePath(id)}/complainant`)
}

/** `POST /petitions/assign` (office): hands cases to a unit with one deadline. */
export function assignPetitions(body: AssignPetitionsBody): Promise<AssignPetitionsResult> {
  return request<AssignPetitionsResult>('/petitions/assign', { method: 'POST', body })
}

/** `POST /petitions/:id/report` with `If-Match` (the handling unit). */
export function reportPetition(
  id: string,
  version: number,
  body: ReportPetitionBody,
): Promise<Petition> {
  return request<Petition>(`${casePath(id)}/report`, { method: 'POST', body, version })
}

/** `POST /petitions/:id/review` with `If-Match` (office): close, partly close or return. */
export function reviewPetition(
  id: string,
  version: number,
  body: ReviewPetitionBody,
): Promise<Petition> {
  return request<Petition>(`${casePath(id)}/review`, { method: 'POST', body, version })
}

/** `POST /petitions/:id/callback` with `If-Match` (office): the call-back (回访). */
export function callbackPetition(
  id: string,
  version: number,
  body: PetitionCallbackBody,
): Promise<Petition> {
  return request<Petition>(`${casePath(id)}/callback`, { method: 'POST', body, version })
}

/** `POST /petitions/:id/problem` with `If-Match` (office): link a problem, or open one. */
export function setPetitionProblem(
  id: string,
  version: number,
  body: PetitionProblemBody,
): Promise<Petition> {
  return request<Petition>(`${casePath(id)}/problem`, { method: 'POST', body, version })
}

/** `POST /petitions/:id/repeat` with `If-Match` (office): mark (or unmark, null) as a repeat. */
export function setPetitionRepeat(
  id: string,
  version: number,
  body: PetitionRepeatBody,
): Promise<Petition> {
  return request<Petition>(`${casePath(id)}/repeat`, { method: 'POST', body, version })
}

/** `GET /petitions/:id/repeat-candidates` (office): likely earlier cases, most similar first. */
export async function listRepeatCandidates(id: string): Promise<RepeatCandidate[]> {
  const answer = await request<{ items: RepeatCandidate[] }>(`${casePath(id)}/repeat-candidates`)
  return answer.items
}
