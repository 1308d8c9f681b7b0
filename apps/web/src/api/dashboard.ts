/**
 * The dashboards (统计分析): one function per endpoint. Every figure carries the list query
 * behind it (`ledgerQuery`), which the SPA opens on click.
 */
import type { DashboardBreakdownQuery, DashboardQuery, DashboardTrendQuery } from '@rectify/schemas'
import { api, ok } from './http'

/** `GET /dashboard/overview`: totals by status, light and summary bucket. */
export async function getDashboardOverview(query: DashboardQuery = {}) {
  return ok(await api.GET('/api/v1/dashboard/overview', { params: { query } }))
}

/** `GET /dashboard/breakdown`: by unit, region or domain. */
export async function getDashboardBreakdown(query: DashboardBreakdownQuery) {
  return ok(await api.GET('/api/v1/dashboard/breakdown', { params: { query } }))
}

/** `GET /dashboard/trend`: weekly completions and the burn-up against the plan. */
export async function getDashboardTrend(query: DashboardTrendQuery = {}) {
  return ok(await api.GET('/api/v1/dashboard/trend', { params: { query } }))
}

/** `GET /dashboard/lists`: the most overdue and most behind problems. */
export async function getDashboardLists(query: DashboardQuery = {}) {
  return ok(await api.GET('/api/v1/dashboard/lists', { params: { query } }))
}

/** `GET /dashboard/supervision`: notices by level and status, cards by colour this year. */
export async function getDashboardSupervision(query: DashboardQuery = {}) {
  return ok(await api.GET('/api/v1/dashboard/supervision', { params: { query } }))
}

/** `GET /dashboard/petitions`: cases by finding and status (case readers only). */
export async function getDashboardPetitions(query: DashboardQuery = {}) {
  return ok(await api.GET('/api/v1/dashboard/petitions', { params: { query } }))
}
