/**
 * The ledger's URL (UX.md "The ledger is the spine"): every filter, the sort and the page live in
 * the query string, so a filtered list is a link one can send to a colleague, and a dashboard
 * number can link to exactly the rows behind it.
 */
import {
  LIGHTS,
  OUTCOMES,
  PROBLEM_DOMAINS,
  PROBLEM_MODES,
  PROBLEM_NATURES,
  PROBLEM_SORTS,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
} from '@rectify/schemas/constants'
import type { ListProblemsQuery } from '@rectify/schemas'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { queryDate, queryEnum, queryId, queryString, toLocationQuery } from './query'

/** Rows per page of the ledger. */
export const LEDGER_PAGE_SIZE = 50

/** The server's default order: nearest deadline first. */
export const DEFAULT_SORT = 'deadline'

export const OVERDUE_VALUES = ['true', 'false'] as const
/** The ledger lists rebounds only, or everything: a "not rebound" filter answers no question. */
export const REBOUND_VALUES = ['true'] as const

/** The summary's buckets (same definitions as GET /problems/summary): dashboard links use them. */
export const BUCKETS = [
  'completed',
  'on_schedule',
  'behind',
  'overdue',
  'closed_not_rectified',
] as const

/** The filters as the URL holds them: strings, each one optional. */
export type LedgerFilters = {
  round?: string
  status?: (typeof PROBLEM_STATUSES)[number]
  light?: (typeof LIGHTS)[number]
  mode?: (typeof PROBLEM_MODES)[number]
  source?: (typeof PROBLEM_SOURCES)[number]
  nature?: (typeof PROBLEM_NATURES)[number]
  domain?: (typeof PROBLEM_DOMAINS)[number]
  region?: string
  unit?: string
  q?: string
  overdue?: (typeof OVERDUE_VALUES)[number]
  /** How a closed problem ended: 整改到位 or 未整改到位. */
  outcome?: (typeof OUTCOMES)[number]
  rebound?: (typeof REBOUND_VALUES)[number]
  /** A bucket of the summary sentence (完成 · 序时推进 · 滞后 · 逾期 · 未整改到位销号). */
  bucket?: (typeof BUCKETS)[number]
  /** Closed (销号) on or after / on or before, `YYYY-MM-DD`. */
  closedFrom?: string
  closedTo?: string
  sort?: (typeof PROBLEM_SORTS)[number]
}

/** Which page the URL asks for: its number and cursor (absent on the first page). */
export interface LedgerPaging {
  page: number
  cursor: string | undefined
}

/** Reads the filters from the route query, ignoring values the API would refuse. */
export function parseLedgerFilters(query: LocationQuery): LedgerFilters {
  return {
    round: queryId(query.round),
    status: queryEnum(query.status, PROBLEM_STATUSES),
    light: queryEnum(query.light, LIGHTS),
    mode: queryEnum(query.mode, PROBLEM_MODES),
    source: queryEnum(query.source, PROBLEM_SOURCES),
    nature: queryEnum(query.nature, PROBLEM_NATURES),
    domain: queryEnum(query.domain, PROBLEM_DOMAINS),
    region: queryId(query.region),
    unit: queryId(query.unit),
    q: queryString(query.q)?.slice(0, 100),
    overdue: queryEnum(query.overdue, OVERDUE_VALUES),
    outcome: queryEnum(query.outcome, OUTCOMES),
    rebound: queryEnum(query.rebound, REBOUND_VALUES),
    bucket: queryEnum(query.bucket, BUCKETS),
    closedFrom: queryDate(query.closedFrom),
    closedTo: queryDate(query.closedTo),
    sort: queryEnum(query.sort, PROBLEM_SORTS),
  }
}

/** Reads the page from the route query; a page without its cursor is the first page. */
export function parseLedgerPaging(query: LocationQuery): LedgerPaging {
  const cursor = queryString(query.cursor)?.slice(0, 200)
  const page = Number(queryString(query.page))
  if (!cursor || !Number.isInteger(page) || page < 2) return { page: 1, cursor: undefined }
  return { page, cursor }
}

/**
 * The API query for the filters and page (`overdue` and `rebound` become booleans, `page` stays
 * in the SPA).
 */
export function toProblemsQuery(filters: LedgerFilters, paging?: LedgerPaging): ListProblemsQuery {
  const { overdue, rebound, ...rest } = filters
  const query: ListProblemsQuery = { limit: LEDGER_PAGE_SIZE }
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined && value !== '') (query as Record<string, unknown>)[key] = value
  }
  if (overdue !== undefined) query.overdue = overdue === 'true'
  if (rebound !== undefined) query.rebound = true
  if (paging?.cursor) query.cursor = paging.cursor
  return query
}

/** The route query of a ledger link: the filters in use and, past the first page, the page. */
export function ledgerLocationQuery(
  filters: LedgerFilters,
  paging?: LedgerPaging,
): LocationQueryRaw {
  const query: LocationQueryRaw = toLocationQuery({ ...filters })
  if (paging?.cursor && paging.page > 1) {
    query.page = String(paging.page)
    query.cursor = paging.cursor
  }
  return query
}
