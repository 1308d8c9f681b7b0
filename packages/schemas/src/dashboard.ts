import { Type, type Static } from 'typebox'
import { DateSchema, IdSchema, Nullable } from './common.js'
import { LightSchema, ProblemStatusSchema } from './problems.js'
import { DASHBOARD_DIMENSIONS } from './constants/dashboard.js'

/*
 * Dashboards (统计分析) for leaders and the office. Every figure carries `ledgerQuery`: the query
 * of GET /problems (or /petitions for petition figures) that lists exactly the problems behind
 * it — the SPA links each bar to the filtered ledger with it, and the tests check that the
 * ledger's `total` for that query equals the figure (same definitions, one query path). A
 * breakdown says its queries once, by row and by column (breakdownFigure puts a cell's
 * together). Unit users get their own units' figures (the ledger's object scope).
 */

/** Every dashboard route takes the round and an optional unit (with its subtree). */
export const DashboardQuerySchema = Type.Object(
  {
    round: Type.Optional(IdSchema),
    unit: Type.Optional(IdSchema),
  },
  { additionalProperties: false },
)
export type DashboardQuery = Static<typeof DashboardQuerySchema>

/** The ledger query behind a figure, as URL query parameters (strings). */
export const LedgerQuerySchema = Type.Record(Type.String(), Type.String())
export type LedgerQuery = Static<typeof LedgerQuerySchema>

export const DashboardFigureSchema = Type.Object(
  {
    /** A stable key (status code, light, unit id, domain code, bucket …). */
    key: Type.String(),
    /** A display name when the key is not a code the SPA translates (unit names). */
    label: Nullable(Type.String()),
    count: Type.Integer({ minimum: 0 }),
    /** Null when the figure has no ledger listing (e.g. notices, cards). */
    ledgerQuery: Nullable(LedgerQuerySchema),
    /** Which list the query is for. */
    target: Type.Enum(['problems', 'petitions', 'notices', 'none']),
  },
  { $id: 'DashboardFigure' },
)
export type DashboardFigure = Static<typeof DashboardFigureSchema>

/** GET /dashboard/overview: totals by status and light, and the summary buckets. */
export const DashboardOverviewSchema = Type.Object(
  {
    asOf: DateSchema,
    total: DashboardFigureSchema,
    byStatus: Type.Array(DashboardFigureSchema),
    byLight: Type.Array(DashboardFigureSchema),
    /** completed · on_schedule · behind · overdue · closed_not_rectified (the summary's buckets). */
    byBucket: Type.Array(DashboardFigureSchema),
  },
  { $id: 'DashboardOverview' },
)
export type DashboardOverview = Static<typeof DashboardOverviewSchema>

export const DashboardBreakdownQuerySchema = Type.Object(
  {
    round: Type.Optional(IdSchema),
    unit: Type.Optional(IdSchema),
    by: Type.Enum(DASHBOARD_DIMENSIONS),
  },
  { additionalProperties: false },
)
export type DashboardBreakdownQuery = Static<typeof DashboardBreakdownQuerySchema>

const count = Type.Integer({ minimum: 0 })

/** A row's figure in each column (BREAKDOWN_COLUMNS). */
export const DashboardBreakdownCountsSchema = Type.Object(
  {
    total: count,
    completed: count,
    closedNotRectified: count,
    onSchedule: count,
    behind: count,
    overdue: count,
  },
  { $id: 'DashboardBreakdownCounts' },
)

/** What each column adds to a row's ledger query (e.g. `{ bucket: 'behind' }`). */
export const DashboardBreakdownColumnsSchema = Type.Object(
  {
    total: LedgerQuerySchema,
    completed: LedgerQuerySchema,
    closedNotRectified: LedgerQuerySchema,
    onSchedule: LedgerQuerySchema,
    behind: LedgerQuerySchema,
    overdue: LedgerQuerySchema,
  },
  { $id: 'DashboardBreakdownColumns' },
)

/** One group of a breakdown (a unit, region or domain): its ledger query and its counts. */
export const DashboardBreakdownRowSchema = Type.Object(
  {
    key: Type.String(),
    label: Nullable(Type.String()),
    /** GET /problems's query for the group's problems (the total's list). */
    ledgerQuery: LedgerQuerySchema,
    counts: DashboardBreakdownCountsSchema,
  },
  { $id: 'DashboardBreakdownRow' },
)

/**
 * A breakdown, with each link said once: a cell's figure is `rows[i].counts[column]`, and the
 * problems behind it are GET /problems with `{ ...rows[i].ledgerQuery, ...columns[column] }`
 * (breakdownFigure). A breakdown by region holds ~100 rows of six figures: with the key, label
 * and query repeated in each figure it was 117 KB, most of it repeated.
 */
export const DashboardBreakdownSchema = Type.Object(
  {
    by: Type.Enum(DASHBOARD_DIMENSIONS),
    columns: DashboardBreakdownColumnsSchema,
    rows: Type.Array(DashboardBreakdownRowSchema),
  },
  { $id: 'DashboardBreakdown' },
)
export type DashboardBreakdown = Static<typeof DashboardBreakdownSchema>
export type DashboardBreakdownRow = Static<typeof DashboardBreakdownRowSchema>

/** GET /dashboard/trend: weekly completions and the burn-up (cumulative closed vs planned). */
export const DashboardTrendQuerySchema = Type.Object(
  {
    round: Type.Optional(IdSchema),
    unit: Type.Optional(IdSchema),
    weeks: Type.Optional(Type.Integer({ minimum: 4, maximum: 104, default: 26 })),
  },
  { additionalProperties: false },
)
export type DashboardTrendQuery = Static<typeof DashboardTrendQuerySchema>
export const DashboardTrendSchema = Type.Object(
  {
    weeks: Type.Array(
      Type.Object({
        /** ISO week `2026-W42` and its Monday..Sunday (Asia/Shanghai). */
        week: Type.String(),
        from: DateSchema,
        to: DateSchema,
        /** Closed as rectified that week (ledgerQuery: closedFrom/closedTo + outcome). */
        completed: DashboardFigureSchema,
        /** Cumulative closed as rectified by the week's end. */
        cumulative: Type.Integer({ minimum: 0 }),
        /** Cumulative problems whose deadline fell by the week's end (the plan line). */
        planned: Type.Integer({ minimum: 0 }),
      }),
    ),
    total: Type.Integer({ minimum: 0 }),
  },
  { $id: 'DashboardTrend' },
)
export type DashboardTrend = Static<typeof DashboardTrendSchema>

/** GET /dashboard/lists: the worst overdue and behind problems (most overdue / most behind first). */
export const DashboardListItemSchema = Type.Object(
  {
    id: IdSchema,
    code: Type.String(),
    title: Type.String(),
    leadUnit: Type.String(),
    deadline: DateSchema,
    status: ProblemStatusSchema,
    light: LightSchema,
    /** Days overdue, or percentage points behind plan. */
    value: Type.Number(),
  },
  { $id: 'DashboardListItem' },
)
export const DashboardListsSchema = Type.Object(
  {
    overdue: Type.Object({
      items: Type.Array(DashboardListItemSchema),
      total: DashboardFigureSchema,
    }),
    behind: Type.Object({
      items: Type.Array(DashboardListItemSchema),
      total: DashboardFigureSchema,
    }),
  },
  { $id: 'DashboardLists' },
)
export type DashboardLists = Static<typeof DashboardListsSchema>

/** GET /dashboard/supervision: notices by level and status, cards by colour (this year). */
export const DashboardSupervisionSchema = Type.Object(
  {
    noticesByLevel: Type.Array(DashboardFigureSchema),
    noticesByStatus: Type.Array(DashboardFigureSchema),
    noticesOverdue: DashboardFigureSchema,
    cardsByColor: Type.Array(DashboardFigureSchema),
  },
  { $id: 'DashboardSupervision' },
)
export type DashboardSupervision = Static<typeof DashboardSupervisionSchema>

/** GET /dashboard/petitions: cases by finding and by status (ledgerQuery targets /petitions). */
export const DashboardPetitionsSchema = Type.Object(
  {
    total: DashboardFigureSchema,
    byFinding: Type.Array(DashboardFigureSchema),
    byStatus: Type.Array(DashboardFigureSchema),
  },
  { $id: 'DashboardPetitions' },
)
export type DashboardPetitions = Static<typeof DashboardPetitionsSchema>
