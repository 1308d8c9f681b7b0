import type { DashboardBreakdown, DashboardBreakdownRow, DashboardFigure } from '../dashboard.js'

export const DASHBOARD_DIMENSIONS = ['unit', 'region', 'domain'] as const

/**
 * The columns of a breakdown, in the order they are shown. Completed, closed not rectified
 * (未整改到位销号), on schedule and behind partition the total; overdue is "of which" (it
 * overlaps on schedule and behind).
 */
export const BREAKDOWN_COLUMNS = [
  'total',
  'completed',
  'closedNotRectified',
  'onSchedule',
  'behind',
  'overdue',
] as const
export type BreakdownColumn = (typeof BREAKDOWN_COLUMNS)[number]

/**
 * A breakdown's cell as a figure like every other dashboard figure: the row's count in the
 * column, and the problems behind it (the row's ledger query with the column's).
 */
export function breakdownFigure(
  b: Pick<DashboardBreakdown, 'columns'>,
  row: DashboardBreakdownRow,
  column: BreakdownColumn,
): DashboardFigure {
  return {
    key: row.key,
    label: row.label,
    count: row.counts[column],
    ledgerQuery: { ...row.ledgerQuery, ...b.columns[column] },
    target: 'problems',
  }
}
