/**
 * Dashboard helpers (统计分析): where a figure links to, the dashboard's own URL filters, and
 * where each role lands after signing in.
 */
import { DASHBOARD_DIMENSIONS } from '@rectify/schemas/constants'
import type { DashboardFigure, DashboardQuery, Role } from '@rectify/schemas'
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

/** The room a bar chart's plot leaves its category labels: the grid's margins and the y labels. */
const PLOT_MARGIN = 64

/**
 * How a chart `width` pixels wide lays out `count` category labels so that none overlaps its
 * neighbour at any width: each wraps within its own slot (CJK breaks between characters), and
 * where a slot is too narrow even for two characters a line, they stand upright, every one that
 * fits shown (the table view and the tooltip name them all).
 */
export function axisLabel(width: number, count: number) {
  const slot = count ? (width - PLOT_MARGIN) / count : 0
  if (width <= 0 || slot >= 30)
    return {
      interval: 0,
      width: Math.max(Math.floor(slot) - 6, 24),
      overflow: 'break' as const,
      lineHeight: 14,
    }
  return {
    interval: 'auto' as const,
    rotate: 90,
    width: 96,
    overflow: 'truncate' as const,
    hideOverlap: true,
  }
}
