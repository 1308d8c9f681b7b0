import type {
  CreateReportBody,
  ListProblemReportsQuery,
  ListReportsQuery,
  ProgressReport,
  ReportPage,
  ReviewReportBody,
} from '@rectify/schemas'
import type { Config } from '../../config.js'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid, type FieldError } from '../../errors.js'
import { ANONYMOUS, type Ctx } from '../../lib/context.js'
import { decodeCursor, encodeCursor } from '../../lib/http.js'
import { sql, type SQL } from 'drizzle-orm'
import { progressReports } from '../../db/schema/index.js'
import { recordAudit, type AuditEvent } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import { actsAsOffice, actsAsUnit, isOwnUnit, leadsProblem } from '../problems/index.js'
import { findPlanProblem, lockPlanProblem } from '../measures/index.js'
import { lightSettings } from '../measures/index.js'
import type { LightSettings } from '../problems/index.js'
import { problemScope } from '../problems/index.js'
import { findUnit } from '../units/index.js'
import { reportsRepository as repo, type ReportFilter } from './reports.repository.js'
import { applyAcceptance, type Rating } from './reports.progress.js'
import { loadReport, submitReport } from './reports.submit.js'
import { toReport } from './reports.view.js'
import { filesOf } from '../files/index.js'

/**
 * The problem a report is submitted on, its row locked for the rest of the transaction: the lock
 * and the read are sent together (one round trip on a pipelined connection, db/client.ts), and
 * the read runs after the lock is granted, so it reads the row as the lock holds it.
 */
async function lockedProblem(tx: DbOrTx, id: string, scope?: SQL) {
  const [, problem] = await Promise.all([lockPlanProblem(tx, id), findPlanProblem(tx, id, scope)])
  return problem
}

/**
 * Progress reports (进展报告/调度): a unit reports on a problem in progress, with evidence; the
 * office — or the lead unit, for its co-responsible units — accepts or returns it. Accepting
 * moves the measure's and the problem's reported progress and so the light.
 */
export class ReportsService {
  private readonly settings: LightSettings

  constructor(
    private readonly db: Db,
    config: Config,
  ) {
    this.settings = lightSettings(config)
  }

  async create(ctx: Ctx, problemId: string, body: CreateReportBody): Promise<ProgressReport> {
    const { actor } = ctx
    if (body.onBehalfOf) return this.createForUnit(ctx, problemId, body.onBehalfOf, body)
    return this.db.transaction(async (tx) => {
      const problem = await lockedProblem(tx, problemId, problemScope(actor))
      if (!problem) throw notFound('Problem')
      if (!actsAsUnit(actor) || !actor.unitId || !actor.unitPath || !actor.id)
        throw forbidden('Progress is reported by a responsible or lead unit')
      const reporter = { id: actor.unitId, path: actor.unitPath }
      return submitReport(tx, ctx, problem, reporter, leadsProblem(actor, problem.leadUnitPath), {
        body,
        onBehalf: false,
      })
    })
  }

  /**
   * An API client's report for a unit (`onBehalfOf`): the client must see the problem, the unit
   * must be in its subtree (any unit for a city-wide client; otherwise 404, like anything out of
   * scope) and one the problem concerns — the path the office's import takes
   * (`onBehalfRefusal`, then `submitReport`), recorded as the client for that unit.
   */
  private async createForUnit(
    ctx: Ctx,
    problemId: string,
    unitId: string,
    body: CreateReportBody,
  ): Promise<ProgressReport> {
    const { actor } = ctx
    if (actor.type !== 'client' || !actor.id)
      throw invalid([
        { path: '/onBehalfOf', message: 'is for API clients (the office imports progress tables)' },
      ])
    return this.db.transaction(async (tx) => {
      const problem = await lockedProblem(tx, problemId, problemScope(actor))
      if (!problem) throw notFound('Problem')
      const unit = await findUnit(tx, unitId)
      if (!unit || (actor.unitPath && !unit.path.startsWith(actor.unitPath))) throw notFound('Unit')
      if ((await this.onBehalfRefusal(tx, problem, unit)) === 'unit_unrelated')
        throw invalid([{ path: '/onBehalfOf', message: 'is not a unit this problem concerns' }])
      const leads = problem.leadUnitPath.startsWith(unit.path)
      return submitReport(tx, ctx, problem, unit, leads, { body, onBehalf: 'client' })
    })
  }

  /**
   * The front door for a report the office submits on a unit's behalf (由整改办代为报送: a
   * progress table it imported, modules/progress-import), in the caller's transaction: the
   * unit must be one the problem concerns (lead, co-responsible, region or measure unit, or an
   * ancestor of one — the units that report on it themselves), and every rule of `create`
   * applies. The report says so (`submittedOnBehalf`) and so does its audit entry.
   */
  async submitOnBehalfIn(
    tx: DbOrTx,
    ctx: Ctx,
    problemId: string,
    unitId: string,
    body: CreateReportBody,
  ): Promise<ProgressReport> {
    if (!actsAsOffice(ctx.actor) || !ctx.actor.id)
      throw forbidden('Only the office submits progress on a unit’s behalf')
    const problem = await lockedProblem(tx, problemId)
    if (!problem) throw notFound('Problem')
    const unit = await findUnit(tx, unitId)
    const refusal = unit && (await this.onBehalfRefusal(tx, problem, unit))
    if (!unit || refusal === 'unit_unrelated')
      throw invalid([{ path: '/unitId', message: 'is not a unit this problem concerns' }])
    const leads = problem.leadUnitPath.startsWith(unit.path)
    return submitReport(tx, ctx, problem, unit, leads, { body, onBehalf: 'office' })
  }

  /**
   * Why the office could not submit a report of `unit` on `problem` now (null: it could): the
   * problem is not in progress, or the problem does not concern the unit. The import's dry run
   * asks this for every row, so its answer is the commit's.
   */
  async onBehalfRefusal(
    db: DbOrTx,
    problem: { id: string; status: string },
    unit: { path: string },
  ): Promise<'not_in_progress' | 'unit_unrelated' | null> {
    const reporter = { ...ANONYMOUS, unitPath: unit.path }
    if (!(await findPlanProblem(db, problem.id, problemScope(reporter)))) return 'unit_unrelated'
    return problem.status === 'in_progress' ? null : 'not_in_progress'
  }

  async get(ctx: Ctx, id: string): Promise<ProgressReport> {
    const row = await repo.findById(
      this.db,
      id,
      problemScope(ctx.actor, sql`${progressReports.problemId}`),
    )
    if (!row) throw notFound('Report')
    return toReport(row, await filesOf(this.db, 'report', [id]))
  }

  /** The review queue and report search: submitted reports oldest first, otherwise newest first. */
  async list(ctx: Ctx, q: ListReportsQuery): Promise<ReportPage> {
    let unitPath: string | undefined
    if (q.unit) unitPath = (await findUnit(this.db, q.unit))?.path ?? '/none/'
    const filter = {
      scope: problemScope(ctx.actor, sql`${progressReports.problemId}`),
      problem: q.problem,
      status: q.status,
      unitPath,
      period: q.period,
      updatedSince: q.updatedSince,
    }
    return this.page(filter, q.status === 'submitted' ? 'asc' : 'desc', q)
  }

  /** A problem's reports, newest first. */
  async listForProblem(
    ctx: Ctx,
    problemId: string,
    q: ListProblemReportsQuery,
  ): Promise<ReportPage> {
    if (!(await findPlanProblem(this.db, problemId, problemScope(ctx.actor))))
      throw notFound('Problem')
    return this.page({ problem: problemId, status: q.status }, 'desc', q)
  }

  /**
   * Accepts or returns a report. Accepting sets the measure's percent (done at 100), the
   * problem's reported progress (the weighted mean over its measures, or the report's percent
   * when it has none), rates a long-term problem's period, and recomputes the light.
   */
  async review(
    ctx: Ctx,
    id: string,
    version: number,
    body: ReviewReportBody,
  ): Promise<ProgressReport> {
    const { actor } = ctx
    return this.db.transaction(async (tx) => {
      const found = await repo.findById(
        tx,
        id,
        problemScope(actor, sql`${progressReports.problemId}`),
      )
      if (!found) throw notFound('Report')
      const problemId = found.report.problemId
      await lockPlanProblem(tx, problemId)
      const report = (await repo.lockById(tx, id))!
      const problem = (await findPlanProblem(tx, problemId))!
      if (isOwnUnit(actor, report.unitId)) throw forbidden('A unit never reviews its own report')
      if (!actsAsOffice(actor)) {
        if (!leadsProblem(actor, problem.leadUnitPath))
          throw forbidden(
            'Reports are reviewed by the office, or by the lead unit for its co-responsible units',
          )
        if (report.unitId === problem.leadUnitId)
          throw forbidden("The lead unit's own reports are reviewed by the office")
      }
      if (report.version !== version) throw new AppError('precondition_failed')
      if (report.status !== 'submitted')
        throw new AppError('conflict', `The report was already ${report.status}`)
      if (problem.status === 'closed') throw new AppError('conflict', 'The problem is closed')
      const errors: FieldError[] = []
      if (body.decision === 'return' && !body.note?.trim())
        errors.push({ path: '/note', message: 'say why the report is returned' })
      if (body.rating && problem.mode !== 'long_term')
        errors.push({ path: '/rating', message: 'only long-term problems are rated per period' })
      if (errors.length) throw invalid(errors)

      const before = await this.load(tx, id)
      const events: AuditEvent[] = []
      let rating: Rating | null = null
      if (body.decision === 'accept') {
        const effect = await applyAcceptance(tx, report, problem, body.rating, this.settings)
        events.push(...effect.events)
        rating = effect.rating
      }
      await repo.update(tx, id, {
        status: body.decision === 'accept' ? 'accepted' : 'returned',
        reviewNote: body.note?.trim() ?? null,
        reviewedBy: actor.id,
        reviewedAt: new Date(),
        rating,
      })
      const after = await this.load(tx, id)
      await emitEvent(tx, {
        type: 'report.reviewed',
        entityType: 'report',
        entityId: id,
        unitId: report.unitId,
        data: {
          reportId: id,
          problemId,
          decision: body.decision,
          status: after.status,
          percent: after.percent,
          rating: after.rating,
          unit: after.unit.name,
          period: after.period,
        },
      })
      await recordAudit(
        tx,
        ctx,
        {
          action: body.decision === 'accept' ? 'report.accepted' : 'report.returned',
          entityType: 'report',
          entityId: id,
          unitId: report.unitId,
          before: { status: before.status, problemId },
          after: {
            status: after.status,
            reviewNote: after.reviewNote,
            rating: after.rating,
            percent: after.percent,
            measureId: after.measureId,
            problemId,
          },
        },
        ...events,
      )
      return after
    })
  }

  private async page(
    filter: ReportFilter,
    order: 'asc' | 'desc',
    q: { limit?: number | undefined; cursor?: string | undefined },
  ): Promise<ReportPage> {
    const limit = q.limit ?? 50
    const after = decodeCursor(q.cursor, 1)
    const [rows, total] = await Promise.all([
      repo.list(this.db, filter, order, limit + 1, after?.[0] ?? null),
      repo.count(this.db, filter),
    ])
    const page = rows.slice(0, limit)
    const evidence = await filesOf(
      this.db,
      'report',
      page.map((r) => r.report.id),
    )
    return {
      items: page.map((r) =>
        toReport(
          r,
          evidence.filter((f) => f.ownerId === r.report.id),
        ),
      ),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.report.id]) : null,
      total,
    }
  }

  private load(db: DbOrTx, id: string): Promise<ProgressReport> {
    return loadReport(db, id)
  }
}
