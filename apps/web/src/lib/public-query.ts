/**
 * The public board's URLs: the list's filters live in the query (a filtered list is a link one
 * can share), the report form takes its problem from `?problem=`, and tracking codes are read
 * the way people type them.
 */
import { PROBLEM_DOMAINS, PROBLEM_STATUSES } from '@rectify/schemas/constants'
import type { ListPublicProblemsQuery, ProblemStatus } from '@rectify/schemas'
import type { LocationQuery } from 'vue-router'
import { queryEnum, queryId, queryString, toLocationQuery } from './query'

/** Problems per page on the board ("加载更多" fetches the next as many). */
export const PUBLIC_PAGE_SIZE = 20

type ProblemDomain = (typeof PROBLEM_DOMAINS)[number]

/** The list's filters as the URL holds them. */
export type PublicFilters = {
  q?: string
  status?: ProblemStatus
  domain?: ProblemDomain
  region?: string
}

/** Reads the filters from the route query, dropping values the API would refuse. */
export function parsePublicFilters(query: LocationQuery): PublicFilters {
  return {
    q: queryString(query.q)?.slice(0, 100),
    status: queryEnum(query.status, PROBLEM_STATUSES),
    domain: queryEnum(query.domain, PROBLEM_DOMAINS),
    region: queryId(query.region),
  }
}

/** The URL query for the filters, leaving out those not in use. */
export function toPublicLocation(filters: PublicFilters): LocationQuery {
  return toLocationQuery({ ...filters })
}

/** The API query for the filters and, after the first page, the cursor. */
export function toPublicProblemsQuery(
  filters: PublicFilters,
  cursor?: string,
): ListPublicProblemsQuery {
  const query: ListPublicProblemsQuery = { limit: PUBLIC_PAGE_SIZE }
  if (filters.q) query.q = filters.q
  if (filters.status) query.status = filters.status
  if (filters.domain) query.domain = filters.domain
  if (filters.region) query.region = filters.region
  if (cursor) query.cursor = cursor
  return query
}

/** Whether any filter is in use (the empty list then says "nothing matches" instead). */
export function hasPublicFilters(filters: PublicFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined)
}

/** What the report form is opened for: a problem it concerns, and whether it is an objection. */
export interface ReportPreset {
  problemId: string | undefined
  objection: boolean
}

/** `?problem=<id>&objection=1` → the form's preset; an objection needs its problem. */
export function parseReportPreset(query: LocationQuery): ReportPreset {
  const problemId = queryId(query.problem)
  const objection = problemId !== undefined && queryString(query.objection) === '1'
  return { problemId, objection }
}

/** The report form's URL query for a preset. */
export function reportPresetQuery(problemId: string, objection = false): LocationQuery {
  return objection ? { problem: problemId, objection: '1' } : { problem: problemId }
}

/**
 * A tracking code as typed or pasted (spaces, dashes, lower case) in the form the API takes
 * (`^[A-Z0-9]{6,20}$`), or undefined when it cannot be one.
 */
export function normalizeTrackingCode(input: string | undefined | null): string | undefined {
  const code = (input ?? '').replace(/[\s-]/g, '').toUpperCase()
  return /^[A-Z0-9]{6,20}$/.test(code) ? code : undefined
}
