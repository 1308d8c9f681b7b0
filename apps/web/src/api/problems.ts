/**
 * Problems (`/problems`): the ledger (问题清单), the plan workflow, extensions, the summary the
 * office reports upward, a unit's work list and each problem's timeline.
 */
import type {
  CreateExtensionBody,
  CreateProblemBody,
  DecideExtensionBody,
  ListProblemsQuery,
  SummaryQuery,
  TransitionBody,
  UpdateProblemBody,
} from '@rectify/schemas'
import { api, ifMatch, ok } from './http'

const byId = (id: string) => ({ path: { id } })

/** `GET /problems`: one page of the ledger, filtered and sorted, with the total. */
export async function listProblems(query: ListProblemsQuery = {}) {
  return ok(await api.GET('/api/v1/problems', { params: { query } }))
}

/** `GET /problems/:id` (the ETag is the `version` in the body). */
export async function getProblem(id: string) {
  return ok(await api.GET('/api/v1/problems/{id}', { params: byId(id) }))
}

/** `POST /problems` (office). */
export async function createProblem(body: CreateProblemBody) {
  return ok(await api.POST('/api/v1/problems', { body }))
}

/** `PATCH /problems/:id` with `If-Match: version`. */
export async function updateProblem(id: string, version: number, body: UpdateProblemBody) {
  return ok(
    await api.PATCH('/api/v1/problems/{id}', {
      params: { ...byId(id), header: ifMatch(version) },
      body,
    }),
  )
}

/**
 * `POST /problems/:id/transitions` with `If-Match: version`: submit, approve, return (with a
 * reason) or apply. A 409 carries the actions allowed now (`ApiError.problem.allowed`).
 */
export async function transitionProblem(id: string, version: number, body: TransitionBody) {
  return ok(
    await api.POST('/api/v1/problems/{id}/transitions', {
      params: { ...byId(id), header: ifMatch(version) },
      body,
    }),
  )
}

/** `GET /problems/summary`: N completed, M on schedule, K behind, X overdue. */
export async function problemSummary(query: SummaryQuery = {}) {
  return ok(await api.GET('/api/v1/problems/summary', { params: { query } }))
}

/** `GET /problems/:id/timeline`: every step of the problem's life, oldest first. */
export async function problemTimeline(id: string) {
  return ok(await api.GET('/api/v1/problems/{id}/timeline', { params: byId(id) }))
}

/** `GET /me/work`: what a unit user has to do now (unit and lead-unit roles). */
export async function myWork() {
  return ok(await api.GET('/api/v1/me/work'))
}

/** `GET /problems/:id/extensions`: the problem's extension requests. */
export async function listExtensions(problemId: string) {
  return ok(await api.GET('/api/v1/problems/{id}/extensions', { params: byId(problemId) }))
}

/** `POST /problems/:id/extensions`: a unit asks to move the problem's or a measure's deadline. */
export async function requestExtension(problemId: string, body: CreateExtensionBody) {
  return ok(await api.POST('/api/v1/problems/{id}/extensions', { params: byId(problemId), body }))
}

/** `GET /extensions/:id/effect`: what granting the request would move, from → to. */
export async function extensionEffect(id: string) {
  return ok(await api.GET('/api/v1/extensions/{id}/effect', { params: byId(id) }))
}

/** `POST /extensions/:id/decision` with `If-Match: version`: the office grants or denies. */
export async function decideExtension(id: string, version: number, body: DecideExtensionBody) {
  return ok(
    await api.POST('/api/v1/extensions/{id}/decision', {
      params: { ...byId(id), header: ifMatch(version) },
      body,
    }),
  )
}
