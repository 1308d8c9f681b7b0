/**
 * Acceptance (验收), publicity (公示), close-out (销号), rebound reviews (回头看) and the dossier
 * (一案一档) of a problem: DOMAIN.md "The problem's life" after `in_progress`.
 */
import type {
  Acceptance,
  AcceptancePage,
  AcceptanceSnapshot,
  ApplyAcceptanceBody,
  CloseProblemBody,
  Closeout,
  CloseoutFile,
  ListAcceptancesQuery,
  ListPublicityQuery,
  ListReboundReviewsQuery,
  OpenPublicityBody,
  Publicity,
  PublicityPage,
  ReboundPage,
  ReboundReview,
  RecordReboundReviewBody,
  ReviewAcceptanceBody,
} from '@rectify/schemas'
import { downloadNamed, request, type NamedBlob } from './http'

const problemPath = (id: string) => `/problems/${encodeURIComponent(id)}`

/**
 * `GET /problems/:id/acceptance`: the problem's applications with their reviews, publicity,
 * close-outs and rebound reviews, and what the caller may do next (`can`).
 */
export function getCloseoutFile(problemId: string): Promise<CloseoutFile> {
  return request<CloseoutFile>(`${problemPath(problemId)}/acceptance`)
}

/** `POST /problems/:id/acceptances` with `If-Match: <problem version>`: apply for acceptance. */
export function applyAcceptance(
  problemId: string,
  version: number,
  body: ApplyAcceptanceBody,
): Promise<Acceptance> {
  return request<Acceptance>(`${problemPath(problemId)}/acceptances`, {
    method: 'POST',
    body,
    version,
  })
}

/** `GET /acceptances`: applications; `awaitingMe` narrows to those the caller may review now. */
export function listAcceptances(query: ListAcceptancesQuery = {}): Promise<AcceptancePage> {
  return request<AcceptancePage>('/acceptances', { query })
}

/**
 * `POST /acceptances/:id/reviews` with `If-Match: <application version>`: the level awaiting
 * review passes or returns the application.
 */
export function reviewAcceptance(
  acceptanceId: string,
  version: number,
  body: ReviewAcceptanceBody,
): Promise<Acceptance> {
  return request<Acceptance>(`/acceptances/${encodeURIComponent(acceptanceId)}/reviews`, {
    method: 'POST',
    body,
    version,
  })
}

/** `GET /acceptance-reviews/:id/snapshot`: what a passing review froze, with its SHA-256. */
export function getReviewSnapshot(reviewId: string): Promise<AcceptanceSnapshot> {
  return request<AcceptanceSnapshot>(`/acceptance-reviews/${encodeURIComponent(reviewId)}/snapshot`)
}

/** `POST /problems/:id/publicity` with `If-Match: <problem version>` (office). */
export function openPublicity(
  problemId: string,
  version: number,
  body: OpenPublicityBody,
): Promise<Publicity> {
  return request<Publicity>(`${problemPath(problemId)}/publicity`, {
    method: 'POST',
    body,
    version,
  })
}

/** `GET /publicity`: close-out notices with their problems (the office's publicity board). */
export function listPublicity(query: ListPublicityQuery = {}): Promise<PublicityPage> {
  return request<PublicityPage>('/publicity', { query })
}

/**
 * `POST /problems/:id/closeout` with `If-Match: <problem version>` (office). A 409 while the
 * period runs or objections are pending.
 */
export function closeProblem(
  problemId: string,
  version: number,
  body: CloseProblemBody,
): Promise<Closeout> {
  return request<Closeout>(`${problemPath(problemId)}/closeout`, {
    method: 'POST',
    body,
    version,
  })
}

/** `GET /rebound-reviews`: follow-up reviews (回头看), e.g. the scheduled ones due soon. */
export function listReboundReviews(query: ListReboundReviewsQuery = {}): Promise<ReboundPage> {
  return request<ReboundPage>('/rebound-reviews', { query })
}

/** `POST /rebound-reviews/:id` with `If-Match: <review version>`: `fail` reopens the problem. */
export function recordReboundReview(
  reviewId: string,
  version: number,
  body: RecordReboundReviewBody,
): Promise<ReboundReview> {
  return request<ReboundReview>(`/rebound-reviews/${encodeURIComponent(reviewId)}`, {
    method: 'POST',
    body,
    version,
  })
}

/** `GET /problems/:id/dossier`: the 一案一档 zip, with the name the server gives it. */
export function downloadDossier(problemId: string, signal?: AbortSignal): Promise<NamedBlob> {
  return downloadNamed(`${problemPath(problemId)}/dossier`, signal)
}
