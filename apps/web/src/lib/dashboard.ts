/**
 * Dashboard helpers (统计分析): where a figure links to, the dashboard's own URL filters, and
 * where each role lands after signing in.
 */
import {
  DASHBOARD_DIMENSIONS,
  type DashboardFigure,
  type DashboardQuery,
  type Role,
} from '@rectify/schemas'
import type { LocationQuery, RouteLocationRaw } from 'vue-router'
import { queryEnum, queryId } from './query'

/** The list route each figure target opens (cards have no list by colour: no link). */
const TARGET_ROUTES: Record<DashboardFigure['target'], string | null> = {
  problems: 'problems',
  petitions: 'petitions',
  notices: 'notices',
  none: null,
}

/**
 * The list a figure clicks through to: the ledger (or petitions, notices) filtered by exactly
 * the query that produced the number; null when the figure has no list.
 */
export function figureLink(figure: DashboardFigure): RouteLocationRaw | null {
  const name = TARGET_ROUTES[figure.target]
  if (!name || !figure.ledgerQuery) return null
  return { name, query: { ...figure.ledgerQuery } }
}

export type DashboardDimension = (typeof DASHBOARD_DIMENSIONS)[number]

/** The dashboard's filters as its URL holds them. */
export type DashboardFilters = {
  round?: string
  unit?: string
  by?: DashboardDimension
}

/** Reads the dashboard's filters from the route query, ignoring what the API would refuse. */
export function parseDashboardFilters(query: LocationQuery): DashboardFilters {
  return {
    round: queryId(query.round),
    unit: queryId(query.unit),
    by: queryEnum(query.by, DASHBOARD_DIMENSIONS),
  }
}

/** The API query of every dashboard route (round and unit). */
export function toDashboardQuery(f: DashboardFilters): DashboardQuery {
  return { ...(f.round ? { round: f.round } : {}), ...(f.unit ? { unit: f.unit } : {}) }
}

/**
 * Where someone lands after signing in (UX.md "Today first"): a city leader on the dashboard;
 * everyone else on the home page with their work (a leader who also works a unit or the office
 * keeps the home page).
 */
export function landingFor(roles: readonly Role[]): RouteLocationRaw {
  const worker = roles.some((r) => r === 'office' || r === 'unit' || r === 'lead_unit')
  return roles.includes('leader') && !worker ? { name: 'dashboard' } : { name: 'home' }
}
