import type { MyWork, Problem, ProblemSummary, SummaryQuery, Timeline } from '@rectify/schemas'
import { and, eq, inArray, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { problems } from '../../db/schema/index.js'
import { notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { periodOf, shanghaiDate } from '../../lib/dates.js'
import type { LightSettings } from './lights.js'
import { actsAsLeadUnit } from './problems.access.js'
import { problemScope } from './problems.derived.js'
import { OPEN_STATUSES } from './problems.filter.js'
import { problemsRepository as problemsRepo } from './problems.repository.js'
import { toProblems } from './problems.view.js'
import { overviewRepository as repo } from './overview.repository.js'
import { findUnitPath } from '../units/index.js'

/** The most problems each list of "my work" holds (the ledger list pages through the rest). */
export const WORK_LIST_LIMIT = 100

const COMPLETED: ReadonlySet<string> = new Set(['acceptance', 'publicity', 'closed'])
const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES)

/**
 * Where a problem counts in the summary sentence: completed (up for acceptance or further),
 * closed not rectified (counted apart, never as fixed), on schedule or behind (open problems by
 * light); null for none. Overdue is derived separately and overlaps the open buckets.
 */
export function summaryBucket(r: {
  status: string
  light: string
  outcome: string | null
}): 'completed' | 'closedNotRectified' | 'onSchedule' | 'behind' | null {
  if (r.outcome === 'not_rectified') return 'closedNotRectified'
  if (COMPLETED.has(r.status)) return 'completed'
  if (OPEN.has(r.status)) return r.light === 'yellow' || r.light === 'red' ? 'behind' : 'onSchedule'
  return null
}

/** Read models: the summary the office reports upward, a unit's work list, a problem's timeline. */
export class OverviewService {
  constructor(
    private readonly db: Db,
    private readonly settings: LightSettings,
  ) {}

  /**
   * "N completed, M on schedule, K behind, X overdue" within the actor's scope: completed means
   * up for acceptance or further, except problems closed `not_rectified`, which are counted
   * apart and never as fixed; on schedule and behind split the open problems by light.
   */
  async summary(ctx: Ctx, q: SummaryQuery): Promise<ProblemSummary> {
    const unitPath = q.unit ? await findUnitPath(this.db, q.unit) : undefined
    const rows = await repo.summary(
      this.db,
      problemScope(ctx.actor),
      q.round,
      unitPath,
      shanghaiDate(),
    )
    const out: ProblemSummary = {
      total: 0,
      completed: 0,
      closedNotRectified: 0,
      rebound: 0,
      onSchedule: 0,
      behind: 0,
      overdue: 0,
      byStatus: {},
      byLight: {},
    }
    for (const r of rows) {
      out.total += r.n
      const bucket = summaryBucket(r)
      if (bucket) out[bucket] += r.n
      if (r.overdue) out.overdue += r.n
      if (r.rebound) out.rebound += r.n
      out.byStatus[r.status] = (out.byStatus[r.status] ?? 0) + r.n
      out.byLight[r.light] = (out.byLight[r.light] ?? 0) + r.n
    }
    return out
  }

  /**
   * A unit user's home: problems that need this month's report from my unit, my reports the
   * office returned (until I report again), my problems turning blue or red, and — for a lead
   * unit — the draft plans it has to write.
   */
  async myWork(ctx: Ctx): Promise<MyWork> {
    const { actor } = ctx
    const today = shanghaiDate()
    const period = periodOf(today)
    const scope = problemScope(actor)
    const unitId = actor.unitId!
    const where = (c: SQL) => and(scope, c)
    const [due, returned, near, drafts] = await Promise.all([
      problemsRepo.findWhere(
        this.db,
        where(repo.reportsDueCondition(unitId, period)),
        WORK_LIST_LIMIT,
      ),
      repo.returnedReports(this.db, unitId, WORK_LIST_LIMIT),
      problemsRepo.findWhere(
        this.db,
        where(inArray(problems.light, ['blue', 'red'])),
        WORK_LIST_LIMIT,
      ),
      actsAsLeadUnit(actor)
        ? problemsRepo.findWhere(
            this.db,
            where(and(eq(problems.status, 'draft'), repo.ledByPath(actor.unitPath!))!),
            WORK_LIST_LIMIT,
          )
        : Promise.resolve([]),
    ])
    const known = new Set([...due, ...near, ...drafts].map((r) => r.id))
    const missing = [...new Set(returned.map((r) => r.problemId))].filter((id) => !known.has(id))
    const extra = await problemsRepo.findMany(this.db, missing, scope)
    const rows = new Map([...due, ...near, ...drafts, ...extra].map((r) => [r.id, r]))
    const mapped = new Map(
      (await toProblems(this.db, [...rows.values()], today, this.settings, null)).map((p) => [
        p.id,
        p,
      ]),
    )
    const pick = (list: { id: string }[]) => list.map((r) => mapped.get(r.id)!)
    return {
      reportsDue: pick(due),
      returned: returned
        .filter((r) => mapped.has(r.problemId))
        .map((r) => ({
          problem: mapped.get(r.problemId) as Problem,
          reportId: r.id,
          reason: r.reason ?? '',
        })),
      nearDeadlines: pick(near),
      plansToDraft: pick(drafts),
      period,
    }
  }

  /** Every step of a problem's life from the audit log, oldest first, with the reason given. */
  async timeline(ctx: Ctx, id: string): Promise<Timeline> {
    if (!(await problemsRepo.findById(this.db, id, problemScope(ctx.actor))))
      throw notFound('Problem')
    const rows = await repo.timeline(this.db, id)
    return {
      items: rows.map((r) => {
        const reason = (r.after as Record<string, unknown> | null)?.reason
        return {
          at: r.at.toISOString(),
          action: r.action,
          actorName: r.actorName,
          actorDisplayName: r.actorDisplayName,
          actorUnitName: r.actorUnitName,
          reason: typeof reason === 'string' ? reason : null,
          entityType: r.entityType,
          entityId: r.entityId,
        }
      }),
    }
  }
}
