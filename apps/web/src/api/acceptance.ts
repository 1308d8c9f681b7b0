/**
 * Acceptance (验收), publicity (公示), close-out (销号), rebound reviews (回头看) and the dossier
 * (一案一档) of a problem: DOMAIN.md "The problem's life" after `in_progress`.
 */
import type {
  ApplyAcceptanceBody,
  CloseProblemBody,
  ListAcceptancesQuery,
  ListPublicityQuery,
  ListReboundReviewsQuery,
  OpenPublicityBody,
  RecordReboundReviewBody,
  ReviewAcceptanceBody,
} from '@rectify/schemas'
import { api, ifMatch, named, ok, type NamedBlob } from './http'

const byId = (id: string) => ({ path: { id } })
const versioned = (id: string, version: number) => ({ path: { id }, header: ifMatch(version) })

/**
 * `GET /problems/:id/acceptance`: the problem's applications with their reviews, publicity,
 * close-outs and rebound reviews, and what the caller may do next (`can`).
 */
export async function getCloseoutFile(problemId: string) {
  return ok(await api.GET('/api/v1/problems/{id}/acceptance', { params: byId(problemId) }))
}

/** `POST /problems/:id/acceptances` with `If-Match: <problem version>`: apply for acceptance. */
export async function applyAcceptance(
  problemId: string,
  version: number,
  body: ApplyAcceptanceBody,
) {
  return ok(
    await api.POST('/api/v1/problems/{id}/acceptances', {
      params: versioned(problemId, version),
      body,
    }),
  )
}

/** `GET /acceptances`: applications; `awaitingMe` narrows to those the caller may review now. */
export async function listAcceptances(query: ListAcceptancesQuery = {}) {
  return ok(await api.GET('/api/v1/acceptances', { params: { query } }))
}

/**
 * `POST /acceptances/:id/reviews` with `If-Match: <application version>`: the level awaiting
 * review passes or returns the application.
 */
export async function reviewAcceptance(
  acceptanceId: string,
  version: number,
  body: ReviewAcceptanceBody,
) {
  return ok(
    await api.POST('/api/v1/acceptances/{id}/reviews', {
      params: versioned(acceptanceId, version),
      body,
    }),
  )
}

/** `GET /acceptance-reviews/:id/snapshot`: what a passing review froze, with its SHA-256. */
export async function getReviewSnapshot(reviewId: string) {
  return ok(await api.GET('/api/v1/acceptance-reviews/{id}/snapshot', { params: byId(reviewId) }))
}

/** `POST /problems/:id/publicity` with `If-Match: <problem version>` (office). */
export async function openPublicity(problemId: string, version: number, body: OpenPublicityBody) {
  return ok(
    await api.POST('/api/v1/problems/{id}/publicity', {
      params: versioned(problemId, version),
      body,
    }),
  )
}

/** `GET /publicity`: close-out notices with their problems (the office's publicity board). */
export async function listPublicity(query: ListPublicityQuery = {}) {
  return ok(await api.GET('/api/v1/publicity', { params: { query } }))
}

/**
 * `POST /problems/:id/closeout` with `If-Match: <problem version>` (office). A 409 while the
 * period runs or objections are pending.
 */
export async function closeProblem(problemId: string, version: number, body: CloseProblemBody) {
  return ok(
    await api.POST('/api/v1/problems/{id}/closeout', {
      params: versioned(problemId, version),
      body,
    }),
  )
}

/** `GET /rebound-reviews`: follow-up reviews (回头看), e.g. the scheduled ones due soon. */
export async function listReboundReviews(query: ListReboundReviewsQuery = {}) {
  return ok(await api.GET('/api/v1/rebound-reviews', { params: { query } }))
}

/** `POST /rebound-reviews/:id` with `If-Match: <review version>`: `fail` reopens the problem. */
export async function recordReboundReview(
  reviewId: string,
  version: number,
  body: RecordReboundReviewBody,
) {
  return ok(
    await api.POST('/api/v1/rebound-reviews/{id}', {
      params: versioned(reviewId, version),
      body,
    }),
  )
}

/** `GET /problems/:id/dossier`: the 一案一档 zip, with the name the server gives it. */
export async function downloadDossier(problemId: string, signal?: AbortSignal): Promise<NamedBlob> {
  return named(
    await api.GET('/api/v1/problems/{id}/dossier', {
      params: byId(problemId),
      parseAs: 'blob',
      signal,
    }),
  )
}
