import {
  CARD_COLORS,
  LIGHTS,
  NOTICE_LEVELS,
  NOTICE_STATUSES,
  PETITION_FINDINGS,
  PETITION_STATUSES,
  PROBLEM_STATUSES,
  type DashboardBreakdown,
  type DashboardBreakdownQuery,
  type DashboardFigure,
  type DashboardLists,
  type DashboardOverview,
  type DashboardPetitions,
  type DashboardQuery,
  type DashboardSupervision,
  type DashboardTrend,
  type DashboardTrendQuery,
  type LedgerQuery,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { units } from '../../db/schema/index.js'
import type { Ctx } from '../../lib/context.js'
import { daysBetween, shanghaiDate } from '../../lib/dates.js'
import { unitTreeFilter } from '../../lib/scope.js'
import { visibleTo as noticeScope } from '../notices/index.js'
import { petitionScope } from '../petitions/index.js'
import { countPetitions } from '../petitions/index.js'
import { type ProblemBucket, type ProblemFilter, problemScope } from '../problems/index.js'
import { dashboardRepository as repo, type FigureFilters } from './dashboard.repository.js'
import { dashboardRollup as rollup, rollupFits } from './dashboard.rollup.js'
import { isoWeeks } from './dashboard.weeks.js'
import { findUnitPath, unitRefs } from '../units/index.js'

/** How many problems each of the worst-lists shows (its total links to all of them). */
export const LIST_LIMIT = 10

const BUCKETS: readonly ProblemBucket[] = [
  'completed',
  'on_schedule',
  'behind',
  'overdue',
  'closed_not_rectified',
]
/** The breakdown's columns and the ledger bucket behind each. */
const COLUMNS = {
  completed: 'completed',
  closedNotRectified: 'closed_not_rectified',
  onSchedule: 'on_schedule',
  behind: 'behind',
  overdue: 'overdue',
} as const satisfies Record<string, ProblemBucket>
/** What each breakdown column adds to its row's ledger query (said once in the answer). */
const COLUMN_QUERIES: DashboardBreakdown['columns'] = {
  total: {},
  completed: { bucket: COLUMNS.completed },
  closedNotRectified: { bucket: COLUMNS.closedNotRectified },
  onSchedule: { bucket: COLUMNS.onSchedule },
  behind: { bucket: COLUMNS.behind },
  overdue: { bucket: COLUMNS.overdue },
}

type Target = DashboardFigure['target']

function figure(
  key: string,
  count: number | undefined,
  ledgerQuery: LedgerQuery | null,
  target: Target,
  label: string | null = null,
): DashboardFigure {
  return { key, label, count: count ?? 0, ledgerQuery, target }
}

/**
 * Dashboards (统计分析). Every problem figure is the ledger's filter applied within the ledger's
 * object scope (problemScope) and returned with the GET /problems query that lists exactly its
 * problems; notices and petitions likewise mirror GET /notices and GET /petitions. Unit users
 * get their own figures because the scope is the list's.
 */
export class DashboardService {
  /**
   * `useRollup` false: every figure passes over the facts, as a unit user's do (the tests compare
   * the two ways; the bench times both).
   */
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
    private readonly useRollup = true,
  ) {}

  /** The named figures over a base filter: off the rollup when it holds them, else the facts. */
  private counts(filter: ProblemFilter, figures: FigureFilters) {
    return this.useRollup && rollupFits(filter)
      ? rollup.counts(this.db, filter, figures)
      : repo.counts(this.db, filter, figures)
  }

  /** The base filter (scope, round, unit with its subtree) and the same as a ledger query. */
  private async base(ctx: Ctx, q: DashboardQuery) {
    const today = shanghaiDate(this.clock())
    const unitPath = q.unit ? await findUnitPath(this.db, q.unit) : undefined
    const filter: ProblemFilter = {
      scope: problemScope(ctx.actor),
      round: q.round,
      unitPath,
      today,
    }
    const query: LedgerQuery = {
      ...(q.round ? { round: q.round } : {}),
      ...(q.unit ? { unit: q.unit } : {}),
    }
    return { filter, query, today }
  }

  /** Totals by status, light and summary bucket (one aggregate). */
  async overview(ctx: Ctx, q: DashboardQuery): Promise<DashboardOverview> {
    const { filter, query, today } = await this.base(ctx, q)
    const figures: FigureFilters = { total: {} }
    for (const s of PROBLEM_STATUSES) figures[`status:${s}`] = { status: s }
    for (const l of LIGHTS) figures[`light:${l}`] = { light: l }
    for (const b of BUCKETS) figures[`bucket:${b}`] = { bucket: b }
    const n = (await this.counts(filter, figures)) as Record<string, number>
    const p = (extra: LedgerQuery) => ({ ...query, ...extra })
    return {
      asOf: today,
      total: figure('total', n.total, p({}), 'problems'),
      byStatus: PROBLEM_STATUSES.map((s) =>
        figure(s, n[`status:${s}`], p({ status: s }), 'problems'),
      ),
      byLight: LIGHTS.map((l) => figure(l, n[`light:${l}`], p({ light: l }), 'problems')),
      byBucket: BUCKETS.map((b) => figure(b, n[`bucket:${b}`], p({ bucket: b }), 'problems')),
    }
  }

  /**
   * Total, completed, closed not rectified, on schedule, behind (which four partition the
   * total) and overdue (of which) per unit, region or domain. By unit: the
   * children of the chosen unit (or the actor's own unit, or the top-level units under the
   * city) and that unit itself, each counted as GET /problems?unit=<id> counts (lead or
   * co-responsible, with the subtree) — so rows overlap and need not sum to the total.
   */
  async breakdown(ctx: Ctx, q: DashboardBreakdownQuery): Promise<DashboardBreakdown> {
    const { filter, query } = await this.base(ctx, q)
    const figures: FigureFilters = { total: {} }
    for (const [k, b] of Object.entries(COLUMNS)) figures[k] = { bucket: b }
    type Counted = Record<string, unknown> & { key: string | null; label?: string | null }
    let rows: Counted[]
    let dimension: string
    if (q.by === 'unit') {
      dimension = 'unit'
      // The chosen unit's own row and its children's (whose subtrees lie within it, so the
      // base's unit filter is implied by each row's own), in one aggregate; a unit that does not
      // exist has no problems, so no row.
      const parentId = q.unit ?? (ctx.actor.cityWide ? null : ctx.actor.unitId)
      const shown = await repo.breakdownUnits(this.db, parentId)
      const names = new Map(shown.map((u) => [u.id, u.name]))
      const all = { ...filter, unitPath: undefined }
      const keys = [...names.keys()]
      const counted = await (this.useRollup && rollupFits(all) && keys.length
        ? rollup.countsByKey(this.db, all, 'unit', figures, keys)
        : repo.countsByUnit(this.db, all, keys, figures))
      rows = counted.map((r) => ({ ...r, label: names.get(r.key) ?? null }))
    } else {
      dimension = q.by
      rows = await (this.useRollup && rollupFits(filter)
        ? rollup.countsByKey(this.db, filter, q.by, figures)
        : repo.countsByColumn(this.db, filter, q.by, figures))
      if (q.by === 'region') {
        const names = new Map(
          (
            await repo.unitNames(
              this.db,
              rows.map((r) => r.key!),
            )
          ).map((u) => [u.id, u.name]),
        )
        rows = rows.map((r) => ({ ...r, label: names.get(r.key!) ?? null }))
      }
    }
    const out = rows
      .filter((r) => r.key !== null && (r.total as number) > 0)
      .map((r) => {
        const count = (name: string) => (r[name] as number | undefined) ?? 0
        return {
          key: r.key!,
          label: r.label ?? null,
          ledgerQuery: { ...query, [dimension]: r.key! },
          counts: {
            total: count('total'),
            completed: count('completed'),
            closedNotRectified: count('closedNotRectified'),
            onSchedule: count('onSchedule'),
            behind: count('behind'),
            overdue: count('overdue'),
          },
        }
      })
      .sort(
        (a, b) =>
          b.counts.total - a.counts.total || (a.label ?? a.key).localeCompare(b.label ?? b.key),
      )
    return { by: q.by, columns: COLUMN_QUERIES, rows: out }
  }

  /**
   * The last `weeks` ISO weeks (Asia/Shanghai, Monday..Sunday, the current one last): problems
   * closed as rectified in each, the cumulative closed as rectified and the cumulative whose
   * deadline had fallen by each week's end (the plan line). One aggregate.
   */
  async trend(ctx: Ctx, q: DashboardTrendQuery): Promise<DashboardTrend> {
    const { filter, query, today } = await this.base(ctx, q)
    const weeks = isoWeeks(today, q.weeks ?? 26)
    const figures: FigureFilters = { total: {} }
    weeks.forEach((w, i) => {
      figures[`c${i}`] = { outcome: 'rectified', closedFrom: w.from, closedTo: w.to }
      figures[`k${i}`] = { outcome: 'rectified', closedTo: w.to }
      figures[`p${i}`] = { deadlineTo: w.to }
    })
    const n = (await this.counts(filter, figures)) as Record<string, number>
    return {
      weeks: weeks.map((w, i) => ({
        ...w,
        completed: figure(
          w.week,
          n[`c${i}`],
          { ...query, outcome: 'rectified', closedFrom: w.from, closedTo: w.to },
          'problems',
        ),
        cumulative: n[`k${i}`] ?? 0,
        planned: n[`p${i}`] ?? 0,
      })),
      total: n.total ?? 0,
    }
  }

  /** The most overdue (days) and most behind (percentage points) problems, with their totals. */
  async lists(ctx: Ctx, q: DashboardQuery): Promise<DashboardLists> {
    const { filter, query, today } = await this.base(ctx, q)
    const [overdue, behind, n] = await Promise.all([
      repo.worst(this.db, { ...filter, overdue: true }, 'deadline', LIST_LIMIT),
      repo.worst(this.db, { ...filter, bucket: 'behind' }, 'gap', LIST_LIMIT),
      this.counts(filter, { overdue: { overdue: true }, behind: { bucket: 'behind' } }),
    ])
    const item = (r: (typeof overdue)[number], value: number) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      leadUnit: r.leadUnit,
      deadline: r.deadline,
      status: r.status as DashboardLists['overdue']['items'][number]['status'],
      light: r.light as DashboardLists['overdue']['items'][number]['light'],
      value,
    })
    const counts = n as Record<string, number>
    return {
      overdue: {
        items: overdue.map((r) => item(r, daysBetween(r.deadline, today))),
        total: figure('overdue', counts.overdue, { ...query, overdue: 'true' }, 'problems'),
      },
      behind: {
        items: behind.map((r) => item(r, Math.round(Number(r.gap) * 10) / 10)),
        total: figure('behind', counts.behind, { ...query, bucket: 'behind' }, 'problems'),
      },
    }
  }

  /**
   * Notices by level and status and the overdue ones, scoped and filtered as GET /notices (the
   * unit is the addressee's subtree; notices belong to no round); cards by colour issued this
   * year, scoped as GET /cards (no ledger listing by colour: `target` none).
   */
  async supervision(ctx: Ctx, q: DashboardQuery): Promise<DashboardSupervision> {
    const today = shanghaiDate(this.clock())
    const unit = q.unit ? await repo.unit(this.db, q.unit) : undefined
    const year = Number(today.slice(0, 4))
    const [noticeRows, cardRows] = await Promise.all([
      repo.notices(
        this.db,
        noticeScope(ctx.actor),
        q.unit ? (unit?.path ?? '/none/') : undefined,
        today,
      ),
      repo.cards(
        this.db,
        unitTreeFilter(ctx.actor, units.path),
        q.unit ? (unit?.path ?? null) : undefined,
        year,
      ),
    ])
    const base: LedgerQuery = q.unit ? { unit: q.unit } : {}
    const sum = (pick: (r: (typeof noticeRows)[number]) => boolean) =>
      noticeRows.filter(pick).reduce((s, r) => s + r.n, 0)
    return {
      noticesByLevel: NOTICE_LEVELS.map((l) =>
        figure(
          l,
          sum((r) => r.level === l),
          { ...base, level: l },
          'notices',
        ),
      ),
      noticesByStatus: NOTICE_STATUSES.map((s) =>
        figure(
          s,
          sum((r) => r.status === s),
          { ...base, status: s },
          'notices',
        ),
      ),
      noticesOverdue: figure(
        'overdue',
        noticeRows.reduce((s, r) => s + r.overdue, 0),
        { ...base, overdue: 'true' },
        'notices',
      ),
      cardsByColor: CARD_COLORS.map((c) =>
        figure(c, cardRows.find((r) => r.color === c)?.n ?? 0, null, 'none'),
      ),
    }
  }

  /**
   * Petition cases by finding and by status, each GET /petitions' own count with that filter
   * within petitionScope (cases belong to batches, not to a round filter of the list: `round`
   * is not applied). A case without a finding yet is in the total only.
   */
  async petitions(ctx: Ctx, q: DashboardQuery): Promise<DashboardPetitions> {
    const today = shanghaiDate(this.clock())
    const unitPath = q.unit
      ? ((await unitRefs(this.db, [q.unit]))[0]?.path ?? '/nowhere/')
      : undefined
    const base = { scope: petitionScope(ctx.actor), unitPath, today }
    const query: LedgerQuery = q.unit ? { unit: q.unit } : {}
    const count = (extra: { status?: string; finding?: string }) =>
      countPetitions(this.db, { ...base, ...extra })
    const [total, findings, statuses] = await Promise.all([
      count({}),
      Promise.all(PETITION_FINDINGS.map((finding) => count({ finding }))),
      Promise.all(PETITION_STATUSES.map((status) => count({ status }))),
    ])
    return {
      total: figure('total', total, query, 'petitions'),
      byFinding: PETITION_FINDINGS.map((f, i) =>
        figure(f, findings[i], { ...query, finding: f }, 'petitions'),
      ),
      byStatus: PETITION_STATUSES.map((s, i) =>
        figure(s, statuses[i], { ...query, status: s }, 'petitions'),
      ),
    }
  }
}
