/**
 * The dashboards (统计分析): one typed function per endpoint. Every figure carries the list query
 * behind it (`ledgerQuery`), which the SPA opens on click.
 */
import type {
  DashboardBreakdown,
  DashboardBreakdownQuery,
  DashboardLists,
  DashboardOverview,
  DashboardPetitions,
  DashboardQuery,
  DashboardSupervision,
  DashboardTrend,
  DashboardTrendQuery,
} from '@rectify/schemas'
import { request } from './http'

/** `GET /dashboard/overview`: totals by status, light and summary bucket. */
export function getDashboardOverview(query: DashboardQuery = {}): Promise<DashboardOverview> {
  return request<DashboardOverview>('/dashboard/overview', { query })
}

/** `GET /dashboard/breakdown`: by unit, region or domain. */
export function getDashboardBreakdown(query: DashboardBreakdownQuery): Promise<DashboardBreakdown> {
  return request<DashboardBreakdown>('/dashboard/breakdown', { query })
}

/** `GET /dashboard/trend`: weekly completions and the burn-up against the plan. */
export function getDashboardTrend(query: DashboardTrendQuery = {}): Promise<DashboardTrend> {
  return request<DashboardTrend>('/dashboard/trend', { query })
}

/** `GET /dashboard/lists`: the most overdue and most behind problems. */
export function getDashboardLists(query: DashboardQuery = {}): Promise<DashboardLists> {
  return request<DashboardLists>('/dashboard/lists', { query })
}

/** `GET /dashboard/supervision`: notices by level and status, cards by colour this year. */
export function getDashboardSupervision(query: DashboardQuery = {}): Promise<DashboardSupervision> {
  return request<DashboardSupervision>('/dashboard/supervision', { query })
}

/** `GET /dashboard/petitions`: cases by finding and status (case readers only). */
export function getDashboardPetitions(query: DashboardQuery = {}): Promise<DashboardPetitions> {
  return request<DashboardPetitions>('/dashboard/petitions', { query })
}
