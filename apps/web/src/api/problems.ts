/**
 * Problems (`/problems`): the ledger (问题清单), the plan workflow, extensions, the summary the
 * office reports upward, a unit's work list and each problem's timeline.
 */
import type {
  CreateExtensionBody,
  CreateProblemBody,
  DecideExtensionBody,
  Extension,
  ExtensionEffect,
  ExtensionList,
  ListProblemsQuery,
  MyWork,
  Problem,
  ProblemPage,
  ProblemSummary,
  SummaryQuery,
  Timeline,
  TransitionBody,
  UpdateProblemBody,
} from '@rectify/schemas'
import { request } from './http'

const path = (id: string) => `/problems/${encodeURIComponent(id)}`

/** `GET /problems`: one page of the ledger, filtered and sorted, with the total. */
export function listProblems(query: ListProblemsQuery = {}): Promise<ProblemPage> {
  return request<ProblemPage>('/problems', { query })
}

/** `GET /problems/:id` (the ETag is the `version` in the body). */
export function getProblem(id: string): Promise<Problem> {
  return request<Problem>(path(id))
}

/** `POST /problems` (office). */
export function createProblem(body: CreateProblemBody): Promise<Problem> {
  return request<Problem>('/problems', { method: 'POST', body })
}

/** `PATCH /problems/:id` with `If-Match: version`. */
export function updateProblem(
  id: string,
  version: number,
  body: UpdateProblemBody,
): Promise<Problem> {
  return request<Problem>(path(id), { method: 'PATCH', body, version })
}

/**
 * `POST /problems/:id/transitions` with `If-Match: version`: submit, approve, return (with a
 * reason) or apply. A 409 carries the actions allowed now (`ApiError.problem.allowed`).
 */
export function transitionProblem(
  id: string,
  version: number,
  body: TransitionBody,
): Promise<Problem> {
  return request<Problem>(`${path(id)}/transitions`, { method: 'POST', body, version })
}

/** `GET /problems/summary`: N completed, M on schedule, K behind, X overdue. */
export function problemSummary(query: SummaryQuery = {}): Promise<ProblemSummary> {
  return request<ProblemSummary>('/problems/summary', { query })
}

/** `GET /problems/:id/timeline`: every step of the problem's life, oldest first. */
export function problemTimeline(id: string): Promise<Timeline> {
  return request<Timeline>(`${path(id)}/timeline`)
}

/** `GET /me/work`: what a unit user has to do now (unit and lead-unit roles). */
export function myWork(): Promise<MyWork> {
  return request<MyWork>('/me/work')
}

/** `GET /problems/:id/extensions`: the problem's extension requests. */
export function listExtensions(problemId: string): Promise<ExtensionList> {
  return request<ExtensionList>(`${path(problemId)}/extensions`)
}

/** `POST /problems/:id/extensions`: a unit asks to move the problem's or a measure's deadline. */
export function requestExtension(problemId: string, body: CreateExtensionBody): Promise<Extension> {
  return request<Extension>(`${path(problemId)}/extensions`, { method: 'POST', body })
}

/** `GET /extensions/:id/effect`: what granting the request would move, from → to. */
export function extensionEffect(id: string): Promise<ExtensionEffect> {
  return request<ExtensionEffect>(`/extensions/${encodeURIComponent(id)}/effect`)
}

/** `POST /extensions/:id/decision` with `If-Match: version`: the office grants or denies. */
export function decideExtension(
  id: string,
  version: number,
  body: DecideExtensionBody,
): Promise<Extension> {
  return request<Extension>(`/extensions/${encodeURIComponent(id)}/decision`, {
    method: 'POST',
    body,
    version,
  })
}
