import type { FieldCipher } from '../../lib/crypto/field-cipher.js'
import type {
  ListPublicReportsQuery,
  PublicReport,
  PublicReportPage,
  RuleObjectionBody,
  TriagePublicReportBody,
} from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid } from '../../errors.js'
import type { Actor, Ctx } from '../../lib/context.js'
import { decodeCursor, encodeCursor } from '../../lib/http.js'
import { objectionRefusal, rulesObjections } from '../../lib/publicity.js'
import { recordAudit } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import { hotlineEvents } from './hotline.events.js'
import { findProblem, lockProblem, overturnPublicity } from '../problems/index.js'
import type { LightSettings } from '../problems/index.js'
import type { ProblemsService } from '../problems/index.js'
import {
  publicReportsRepository as repo,
  type PublicReportChanges,
  type PublicReportRow,
} from './public-reports.repository.js'
import { auditView, toPublicReport, toPublicReports } from './public-reports.view.js'

type Action = TriagePublicReportBody['action']

/** The statuses each triage step starts from; anything else is a 409. */
const FROM: Record<Action, readonly string[]> = {
  reply: ['new', 'replied', 'linked', 'converted'],
  link: ['new', 'replied'],
  open_problem: ['new', 'replied'],
  mark_objection: ['new', 'replied', 'linked'],
}

const TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** City-wide readers: the office, leaders, auditors, unscoped clients with the read scope. */
function reads(actor: Actor): boolean {
  return actor.cityWide && actor.type !== 'anonymous'
}

/** The office's part (triage, rulings): office users, or a city-wide client with the write scope. */
function triages(actor: Actor): boolean {
  if (actor.type === 'client')
    return actor.cityWide && actor.scopes.includes('public_reports:write')
  return actor.type === 'user' && actor.roles.includes('office')
}

/**
 * The office's side of public reports: the triage queue, the four triage steps (reply, link to
 * a problem, open a new problem, mark as an objection) and objection rulings. An upheld
 * objection overturns the close-out notice and sends the problem back to in_progress
 * (problems/lifecycle.ts). One transaction per step, audited last.
 */
export class PublicReportsService {
  constructor(
    private readonly db: Db,
    private readonly problems: ProblemsService,
    private readonly settings: LightSettings,
    private readonly cipher: FieldCipher,
  ) {}

  async list(ctx: Ctx, q: ListPublicReportsQuery): Promise<PublicReportPage> {
    if (!reads(ctx.actor)) throw forbidden('Public reports are read city-wide')
    const limit = q.limit ?? 50
    const cursor = decodeCursor(q.cursor, 2)
    if (cursor && (!TS.test(cursor[0]!) || !UUID.test(cursor[1]!)))
      throw new AppError('bad_request', 'Invalid cursor', {
        errors: [{ path: '/cursor', message: 'is not a cursor this API issued' }],
      })
    const filter = { status: q.status, ruling: q.ruling, problem: q.problem, q: q.q }
    const [rows, total] = await Promise.all([
      repo.list(this.db, filter, limit + 1, cursor as [string, string] | null),
      repo.count(this.db, filter),
    ])
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return {
      items: await toPublicReports(this.db, this.cipher, page, ctx.actor),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdKey, last.id]) : null,
      total,
    }
  }

  async get(ctx: Ctx, id: string): Promise<PublicReport> {
    if (!reads(ctx.actor)) throw forbidden('Public reports are read city-wide')
    const row = await repo.findById(this.db, id)
    if (!row) throw notFound('Public report')
    return toPublicReport(this.db, this.cipher, row, ctx.actor)
  }

  /** One triage step against the report's `version` (If-Match). */
  async triage(
    ctx: Ctx,
    id: string,
    version: number,
    body: TriagePublicReportBody,
  ): Promise<PublicReport> {
    if (!triages(ctx.actor)) throw forbidden('Public reports are triaged by the office')
    return this.db.transaction(async (tx) => {
      // Lock order as everywhere: the problem, then what hangs off it.
      const named = 'problemId' in body ? body.problemId : null
      if (named && !(await lockProblem(tx, named))) throw invalid('/problemId', 'no such problem')
      const row = await this.lock(tx, id, version)
      if (!FROM[body.action].includes(row.status))
        throw new AppError('conflict', `A report that is ${row.status} cannot take ${body.action}`)
      const replied =
        'reply' in body && body.reply ? { reply: body.reply, repliedAt: new Date() } : {}
      let set: PublicReportChanges
      switch (body.action) {
        case 'reply':
          set = { ...replied, status: row.status === 'new' ? 'replied' : row.status }
          break
        case 'link':
          set = { ...replied, status: 'linked', problemId: body.problemId }
          break
        case 'open_problem': {
          const problem = await this.problems.createIn(tx, ctx, {
            ...body.problem,
            source: 'public_report',
          })
          set = {
            ...replied,
            status: 'converted',
            createdProblemId: problem.id,
            // A report about nothing in particular now concerns the problem it opened.
            problemId: row.problemId ?? problem.id,
          }
          break
        }
        case 'mark_objection': {
          const [problem] = await repo.problems(tx, [body.problemId])
          const open =
            problem?.status === 'publicity' ? await repo.openPublicity(tx, body.problemId) : null
          if (!open) throw invalid('/problemId', 'has no close-out notice open for objections')
          // What counts is when the report came in: one sent outside the period is no objection.
          const refusal = objectionRefusal(open, row.createdAt)
          if (refusal) throw refusal
          set = {
            status: 'objection',
            ruling: 'pending',
            problemId: body.problemId,
            publicityId: open.id,
          }
          break
        }
      }
      return this.save(tx, ctx, row, set, `public_report.${body.action}`)
    })
  }

  /**
   * Rules a pending objection. Upheld: the close-out notice it was made against must still be
   * open; it ends `overturned` and the problem returns to in_progress. Rejected: nothing moves.
   */
  async rule(
    ctx: Ctx,
    id: string,
    version: number,
    body: RuleObjectionBody,
  ): Promise<PublicReport> {
    if (!rulesObjections(ctx.actor)) throw forbidden('Objections are ruled by the office')
    return this.db.transaction(async (tx) => {
      const found = await repo.findById(tx, id)
      if (!found) throw notFound('Public report')
      if (found.problemId) await lockProblem(tx, found.problemId)
      const problem = found.problemId && (await findProblem(tx, found.problemId))
      if (problem && !rulesObjections(ctx.actor, problem.leadUnitId))
        throw forbidden('Objections to a close-out are not ruled by the unit whose work it is')
      const row = await this.lock(tx, id, version)
      if (row.status !== 'objection' || row.ruling !== 'pending' || !row.problemId)
        throw new AppError('conflict', 'Only a pending objection can be ruled')
      const set: PublicReportChanges = {
        ruling: body.ruling,
        rulingReason: body.reason,
        ruledBy: ctx.actor.id,
        ruledAt: new Date(),
        ...(body.reply ? { reply: body.reply, repliedAt: new Date() } : {}),
      }
      if (body.ruling === 'upheld') {
        if ((await repo.openPublicity(tx, row.problemId))?.id !== row.publicityId)
          throw new AppError('conflict', 'The close-out notice objected to is no longer open')
        await repo.update(tx, id, set)
        await overturnPublicity(tx, ctx, this.settings, row.problemId, body.reason, {
          publicReportId: id,
        })
        return this.save(tx, ctx, row, {}, 'public_report.ruled')
      }
      return this.save(tx, ctx, row, set, 'public_report.ruled')
    })
  }

  /** The report locked, at the version the caller read (412 otherwise). */
  private async lock(tx: DbOrTx, id: string, version: number): Promise<PublicReportRow> {
    const row = await repo.lockById(tx, id)
    if (!row) throw notFound('Public report')
    if (row.version !== version) throw new AppError('precondition_failed')
    return row
  }

  /** Applies `set` (if anything), writes the audit entry last and answers the report. */
  private async save(
    tx: DbOrTx,
    ctx: Ctx,
    before: PublicReportRow,
    set: PublicReportChanges,
    action: string,
  ): Promise<PublicReport> {
    if (Object.keys(set).length) await repo.update(tx, before.id, set)
    const after = (await repo.findById(tx, before.id))!
    await emitEvent(tx, ...hotlineEvents(before, after))
    await recordAudit(tx, ctx, {
      action,
      entityType: 'public_report',
      entityId: before.id,
      unitId: null,
      before: auditView(before),
      after: auditView(after),
    })
    return toPublicReport(tx, this.cipher, after, ctx.actor)
  }
}
