import type {
  CloseProblemBody,
  Closeout,
  OpenPublicityBody,
  Publicity,
  ReboundReview,
  RecordReboundReviewBody,
} from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { addDays, shanghaiDate } from '../../lib/dates.js'
import { uuidv7 } from '../../lib/ids.js'
import { nextWorkingDay, periodEnd, type WorkCalendar } from '../../lib/workdays.js'
import { recordAudit } from '../audit/index.js'
import { lockProblem, moveProblem } from '../problems/index.js'
import { findRound } from '../rounds/index.js'
import { roundSettings } from '../rounds/index.js'
import { findSubject, officeMay, type Subject } from './acceptance.access.js'
import { acceptanceRepository } from './acceptance.repository.js'
import { loadPublicities, loadRebounds, toCloseout } from './acceptance.view.js'
import { type ServiceDeps } from './applications.service.js'
import { closeoutRepository as repo } from './closeout.repository.js'
import { actorName } from '../users/index.js'
import { attachFiles, attachableFiles } from '../files/index.js'

/** The calendar exceptions from `from` on, enough for any publicity period (≤ 60 working days). */
export async function workCalendar(db: DbOrTx, from: string): Promise<WorkCalendar> {
  const rows = await repo.calendarBetween(db, from, addDays(from, 400))
  return new Map(rows.map((r) => [r.date, r.kind as 'holiday' | 'workday']))
}

/**
 * Reopens a close-out whose problem goes back to rectification (a failed rebound review, a
 * repeat complaint): marks it reopened and cancels its scheduled rebound reviews except `keep`
 * (the failed review, if any), in the caller's transaction; returns the cancelled reviews' ids.
 */
export async function reopenCloseout(tx: DbOrTx, closeoutId: string, at: Date, keep?: string) {
  await repo.markReopened(tx, closeoutId, at)
  // A nil id excepts none of the close-out's scheduled reviews.
  return repo.cancelOtherRebounds(tx, closeoutId, keep ?? '00000000-0000-0000-0000-000000000000')
}

/** `date` plus `months` calendar months, on the last day of the month when it is shorter. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`
}

/**
 * Publicity (公示), close-out (销号) and rebound reviews (回头看): the office's steps after the
 * last acceptance level, each in one transaction that moves the problem through lifecycle.ts.
 */
export class CloseoutService {
  constructor(private readonly d: ServiceDeps) {}

  /** Locks and loads the problem for an office step: 404 hidden, 412 stale, 409 status, 403 not the office. */
  private async officeStep(tx: DbOrTx, ctx: Ctx, id: string, version: number, status: string) {
    const locked = await lockProblem(tx, id)
    const s = locked && (await findSubject(tx, id, ctx.actor))
    if (!s) throw notFound('Problem')
    if (locked.version !== version) throw new AppError('precondition_failed')
    if (s.row.status !== status)
      throw new AppError('conflict', `The problem is in ${s.row.status}, not ${status}`)
    if (!officeMay(ctx.actor, s.row.leadUnitId))
      throw forbidden('Only the office, and never for its own unit, may do this')
    return s
  }

  async openPublicity(
    ctx: Ctx,
    problemId: string,
    version: number,
    body: OpenPublicityBody,
  ): Promise<Publicity> {
    const at = this.d.clock()
    const today = shanghaiDate(at)
    return this.d.db.transaction(async (tx) => {
      const s = await this.officeStep(tx, ctx, problemId, version, 'acceptance')
      const latest = await acceptanceRepository.latest(tx, problemId)
      if (latest?.status !== 'passed')
        throw new AppError('conflict', 'The last level of acceptance has not passed yet')
      if (body.startDate && body.startDate < today)
        throw invalid([{ path: '/startDate', message: 'is in the past' }])
      const days = body.days ?? (await this.settingsOf(tx, s)).publicityDays
      const calendar = await workCalendar(tx, body.startDate ?? today)
      const startDate = body.startDate ?? nextWorkingDay(today, calendar)
      const endDate = periodEnd(startDate, days, calendar)
      const id = uuidv7()
      const record = {
        id,
        problemId,
        acceptanceId: latest.id,
        notice: body.notice,
        days,
        startDate,
        endDate,
        openedBy: ctx.actor.id,
        openedByName: await actorName(tx, ctx.actor),
        createdAt: at,
      }
      await repo.insertPublicity(tx, record)
      await moveProblem(tx, ctx, this.d.settings, {
        problemId,
        action: 'open_publicity',
        details: { publicityId: id, startDate, endDate },
      })
      const [publicity] = await loadPublicities(tx, [(await repo.findPublicity(tx, id))!], today)
      await recordAudit(tx, ctx, {
        action: 'publicity.opened',
        entityType: 'publicity',
        entityId: id,
        unitId: s.row.leadUnitId,
        after: {
          problemId,
          acceptanceId: latest.id,
          notice: body.notice,
          days,
          startDate,
          endDate,
        },
      })
      return publicity!
    })
  }

  /**
   * Closes the problem once its publicity period is over with no objection pending (409
   * otherwise), with an outcome; `not_rectified` needs a reason. Schedules the round's
   * rebound reviews.
   */
  async close(
    ctx: Ctx,
    problemId: string,
    version: number,
    body: CloseProblemBody,
  ): Promise<Closeout> {
    const at = this.d.clock()
    const today = shanghaiDate(at)
    return this.d.db.transaction(async (tx) => {
      const s = await this.officeStep(tx, ctx, problemId, version, 'publicity')
      const reason = body.reason?.trim() || null
      if (body.outcome === 'not_rectified' && !reason)
        throw invalid([{ path: '/reason', message: 'say why the problem is closed not rectified' }])
      const open = await repo.lockOpenPublicity(tx, problemId)
      if (!open) throw new AppError('conflict', 'The problem has no publicity open')
      if (today <= open.endDate)
        throw new AppError('conflict', `The publicity period runs until ${open.endDate}`)
      if ((await repo.pendingObjections(tx, open.id)) > 0)
        throw new AppError('conflict', 'An objection awaits a ruling')
      await repo.endPublicity(tx, open.id, at)
      const closeout = await repo.insertCloseout(tx, {
        id: uuidv7(),
        problemId,
        publicityId: open.id,
        outcome: body.outcome,
        reason,
        closedOn: today,
        closedBy: ctx.actor.id,
        closedByName: await actorName(tx, ctx.actor),
        createdAt: at,
      })
      const months = (await this.settingsOf(tx, s)).reboundMonths
      const scheduled = await repo.insertRebound(
        tx,
        months.map((m) => ({
          id: uuidv7(),
          problemId,
          closeoutId: closeout.id,
          months: m,
          dueDate: addMonths(today, m),
          createdAt: at,
        })),
      )
      await moveProblem(tx, ctx, this.d.settings, {
        problemId,
        action: 'close',
        reason,
        set: { outcome: body.outcome, closedOn: today },
        details: { closeoutId: closeout.id, publicityId: open.id },
      })
      const result = toCloseout(closeout)
      await recordAudit(tx, ctx, {
        action: 'closeout.created',
        entityType: 'closeout',
        entityId: closeout.id,
        unitId: s.row.leadUnitId,
        after: {
          ...result,
          reboundReviews: scheduled.map((r) => ({
            id: r.id,
            months: r.months,
            dueDate: r.dueDate,
          })),
        },
      })
      return result
    })
  }

  /**
   * Records a rebound review (回头看). `fail` reopens the problem as a rebound: back to
   * in_progress without outcome, the close-out marked reopened, its other scheduled reviews
   * cancelled; all earlier records stay.
   */
  async recordRebound(
    ctx: Ctx,
    id: string,
    version: number,
    body: RecordReboundReviewBody,
  ): Promise<ReboundReview> {
    const { actor } = ctx
    const at = this.d.clock()
    const today = shanghaiDate(at)
    return this.d.db.transaction(async (tx) => {
      const found = await repo.findRebound(tx, id)
      const locked = found && (await lockProblem(tx, found.problemId))
      const s = locked && (await findSubject(tx, found.problemId, actor))
      if (!found || !s) throw notFound('Rebound review')
      const review = (await repo.lockRebound(tx, id))!
      if (review.version !== version) throw new AppError('precondition_failed')
      if (review.status !== 'scheduled' || s.row.status !== 'closed')
        throw new AppError(
          'conflict',
          `The review is ${review.status} and the problem ${s.row.status}`,
        )
      if (!officeMay(actor, s.row.leadUnitId))
        throw forbidden('Only the office, and never for its own unit, reviews a closed problem')
      if (body.checkDate > today)
        throw invalid([{ path: '/checkDate', message: 'is in the future' }])
      const fileIds = body.fileIds ?? []
      await attachableFiles(tx, actor, fileIds, '/fileIds')
      const failed = body.result === 'fail'
      await repo.updateRebound(tx, id, {
        status: failed ? 'failed' : 'passed',
        source: body.source,
        checkDate: body.checkDate,
        findings: body.findings,
        reviewerId: actor.id,
        reviewerName: await actorName(tx, actor),
        reviewedAt: at,
      })
      const owner = { ownerType: 'rebound_review', ownerId: id, problemId: review.problemId }
      const attached = await attachFiles(tx, fileIds, owner)
      let cancelled: string[] = []
      if (failed) {
        cancelled = await reopenCloseout(tx, review.closeoutId, at, id)
        await moveProblem(tx, ctx, this.d.settings, {
          problemId: review.problemId,
          action: 'fail_rebound',
          reason: body.findings,
          set: { rebound: true, outcome: null, closedOn: null },
          details: { reboundReviewId: id, closeoutId: review.closeoutId, cancelled },
        })
      }
      const [result] = await loadRebounds(tx, [(await repo.findRebound(tx, id))!])
      await recordAudit(
        tx,
        ctx,
        {
          action: failed ? 'rebound_review.failed' : 'rebound_review.passed',
          entityType: 'rebound_review',
          entityId: id,
          unitId: s.row.leadUnitId,
          before: { status: review.status },
          after: { problemId: review.problemId, ...body, fileIds, cancelled },
        },
        ...attached,
      )
      return result!
    })
  }

  private async settingsOf(db: DbOrTx, s: Subject) {
    return roundSettings((await findRound(db, s.row.roundId))?.settings)
  }
}
