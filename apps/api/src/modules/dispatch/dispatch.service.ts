import type {
  CreateDispatchPeriodBody,
  DispatchPeriod,
  DispatchPeriodDetail,
  DispatchPeriodPage,
  DispatchSummary,
  ListDispatchPeriodsQuery,
  RemindResult,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { AppError, forbidden, notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { encodeCursor } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { idCursor } from '../../lib/cursors.js'
import { recordAudit } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import { notifyUnit } from '../inbox/index.js'
import { actsAsOffice } from '../problems/index.js'
import { findRound } from '../rounds/index.js'
import { computeBoard, computeSummary } from './dispatch.board.js'
import { dispatchRepository as repo, type DispatchPeriodRow } from './dispatch.repository.js'

export interface DispatchDeps {
  db: Db
  /** The clock (default: now); the demo seed closes a period as of last month. */
  clock?: () => Date
}

function toPeriod(r: DispatchPeriodRow): DispatchPeriod {
  return {
    id: r.id,
    roundId: r.roundId,
    roundName: r.roundName,
    period: r.period,
    title: r.title,
    dueDate: r.dueDate,
    status: r.status as DispatchPeriod['status'],
    summary: (r.summary as DispatchSummary | null) ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  }
}

function invalid(path: string, message: string) {
  return new AppError('validation', `${path} ${message}`, { errors: [{ path, message }] })
}

/**
 * Dispatch periods (定期调度): the office opens one per round and period, watches who has not
 * reported, reminds them, and closes it — freezing the figures reported upward for good.
 */
export class DispatchService {
  private readonly clock: () => Date
  constructor(private readonly d: DispatchDeps) {
    this.clock = d.clock ?? (() => new Date())
  }

  /** Periods are city-wide records: every reader lists them (the board is scoped). */
  async list(_ctx: Ctx, q: ListDispatchPeriodsQuery): Promise<DispatchPeriodPage> {
    const limit = q.limit ?? 50
    const where = repo.filter(q.round, q.status)
    const [rows, total] = await Promise.all([
      repo.list(this.d.db, where, limit + 1, idCursor(q.cursor)),
      repo.count(this.d.db, where),
    ])
    const page = rows.slice(0, limit)
    return {
      items: page.map(toPeriod),
      nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.id]) : null,
      total,
    }
  }

  /** 403 not the office, 422 unknown round, 409 the round already has this period. */
  async create(ctx: Ctx, body: CreateDispatchPeriodBody): Promise<DispatchPeriod> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('Only the office opens dispatch periods')
    return this.d.db.transaction(async (tx) => {
      if (!(await findRound(tx, body.roundId))) throw invalid('/roundId', 'names no round')
      const id = uuidv7()
      const [row] = await repo.insert(tx, {
        id,
        roundId: body.roundId,
        period: body.period,
        title: body.title,
        dueDate: body.dueDate,
        openedBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
        createdAt: this.clock(),
      })
      if (!row) throw new AppError('duplicate', `The round already has period ${body.period}`)
      await recordAudit(tx, ctx, {
        action: 'dispatch.opened',
        entityType: 'dispatch_period',
        entityId: id,
        unitId: null,
        after: { ...body },
      })
      return toPeriod((await repo.findById(tx, id))!)
    })
  }

  /** The period and, while open, its live board within the caller's scope. */
  async get(ctx: Ctx, id: string): Promise<DispatchPeriodDetail> {
    const row = await repo.findById(this.d.db, id)
    if (!row) throw notFound('Dispatch period')
    const period = toPeriod(row)
    if (row.status === 'closed') return { period, board: null }
    const today = shanghaiDate(this.clock())
    const board = await computeBoard(this.d.db, ctx.actor, row.roundId, row.period, today)
    return { period, board }
  }

  /** One inbox message to every unit that has not reported, once per unit per call. 409 closed. */
  async remind(ctx: Ctx, id: string): Promise<RemindResult> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('Only the office sends reminders')
    return this.d.db.transaction(async (tx) => {
      const row = await repo.findById(tx, id)
      if (!row) throw notFound('Dispatch period')
      if (row.status === 'closed') throw new AppError('conflict', 'The period is closed')
      const today = shanghaiDate(this.clock())
      const board = await computeBoard(tx, ctx.actor, row.roundId, row.period, today)
      let messages = 0
      for (const u of board.notReportedUnits)
        messages += await notifyUnit(tx, u.unitId, {
          kind: 'report',
          title: `请报送${row.title}整改进展`,
          body: `你单位尚有 ${u.problems} 个问题未报送${row.period}进展，报送截止日期为${row.dueDate}。`,
          link: '/',
          entityType: 'dispatch_period',
          entityId: row.id,
        })
      const result = { units: board.notReportedUnits.length, messages }
      await recordAudit(tx, ctx, {
        action: 'dispatch.reminded',
        entityType: 'dispatch_period',
        entityId: row.id,
        unitId: null,
        after: { ...result, unitIds: board.notReportedUnits.map((u) => u.unitId) },
      })
      return result
    })
  }

  /** Freezes the summary: 404, 412 stale, 409 already closed, 403 not the office. */
  async close(ctx: Ctx, id: string, version: number): Promise<DispatchPeriod> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('Only the office closes dispatch periods')
    const at = this.clock()
    return this.d.db.transaction(async (tx) => {
      const row = await repo.findById(tx, id, true)
      if (!row) throw notFound('Dispatch period')
      if (row.version !== version) throw new AppError('precondition_failed')
      if (row.status === 'closed') throw new AppError('conflict', 'The period is already closed')
      const today = shanghaiDate(at)
      const summary = await computeSummary(tx, ctx.actor, row.roundId, row.period, today)
      await repo.close(tx, id, summary, at)
      const counts = {
        completed: summary.completed,
        onSchedule: summary.onSchedule,
        behind: summary.behind,
        overdue: summary.overdue,
        notReported: summary.notReported,
        closedNotRectified: summary.closedNotRectified,
      }
      await emitEvent(tx, {
        type: 'dispatch.closed',
        entityType: 'dispatch_period',
        entityId: id,
        data: { id, roundId: row.roundId, period: row.period, title: row.title, ...counts },
      })
      await recordAudit(tx, ctx, {
        action: 'dispatch.closed',
        entityType: 'dispatch_period',
        entityId: id,
        unitId: null,
        before: { status: 'open' },
        after: { status: 'closed', asOf: today, ...counts },
      })
      return toPeriod((await repo.findById(tx, id))!)
    })
  }
}
