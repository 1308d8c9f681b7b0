import type {
  Acceptance,
  AcceptanceLevel,
  AcceptancePage,
  AcceptanceSnapshot,
  ApplyAcceptanceBody,
  ListAcceptancesQuery,
  ReviewAcceptanceBody,
} from '@rectify/schemas'
import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid, type FieldError } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { encodeCursor } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { acceptances } from '../../db/schema/index.js'
import { recordAudit } from '../audit/index.js'
import { lockProblem, moveProblem, problemScope, readProblems } from '../problems/index.js'
import type { LightSettings } from '../problems/index.js'
import { findRound } from '../rounds/index.js'
import { roundSettings } from '../rounds/index.js'
import { applyRefusal, awaitingSql, findSubject, mayReviewLevel } from './acceptance.access.js'
import { acceptanceRepository as repo } from './acceptance.repository.js'
import { loadAcceptance, loadAcceptances } from './acceptance.view.js'
import { idCursor } from '../../lib/cursors.js'
import { freezeSnapshot } from './snapshot.js'
import { actorName } from '../users/index.js'
import { attachFiles, attachableFiles } from '../files/index.js'

/** What every close-out service runs with. */
export interface ServiceDeps {
  db: Db
  settings: LightSettings
  /** The clock: the demo seed runs the lifecycle at past dates. */
  clock: () => Date
}

/**
 * Acceptance applications (验收申请) and their level reviews: the lead unit applies with its
 * self-check and materials; each level is reviewed against the round's checklist; a pass
 * freezes what was accepted, a return sends the problem back to work.
 */
export class ApplicationsService {
  constructor(private readonly d: ServiceDeps) {}

  /** 404 hidden, 412 stale problem version, 409 wrong status or one in review, 403 not the lead unit, 422 files. */
  async apply(
    ctx: Ctx,
    problemId: string,
    version: number,
    body: ApplyAcceptanceBody,
  ): Promise<Acceptance> {
    const { actor } = ctx
    const at = this.d.clock()
    return this.d.db.transaction(async (tx) => {
      const locked = await lockProblem(tx, problemId)
      const s = locked && (await findSubject(tx, problemId, actor))
      if (!s) throw notFound('Problem')
      if (locked.version !== version) throw new AppError('precondition_failed')
      const refused = applyRefusal(actor, s, await repo.latest(tx, problemId))
      if (refused) throw refused
      const fileIds = body.fileIds ?? []
      await attachableFiles(tx, actor, fileIds, '/fileIds')

      const round = await findRound(tx, s.row.roundId)
      const settings = roundSettings(round?.settings)
      const id = uuidv7()
      const seq = (await repo.maxSeq(tx, problemId)) + 1
      await repo.insert(tx, {
        id,
        problemId,
        seq,
        selfCheck: body.selfCheck,
        levels: settings.acceptanceLevels,
        criteria: settings.criteria,
        currentLevel: 0,
        appliedBy: actor.id,
        appliedByName: await actorName(tx, actor),
        appliedUnitId: actor.unitId,
        createdAt: at,
        updatedAt: at,
      })
      const owner = { ownerType: 'acceptance', ownerId: id, problemId }
      const attached = await attachFiles(tx, fileIds, owner)
      await moveProblem(tx, ctx, this.d.settings, {
        problemId,
        action: 'apply',
        details: { acceptanceId: id, seq },
      })
      const acceptance = await loadAcceptance(tx, id)
      await recordAudit(
        tx,
        ctx,
        {
          action: 'acceptance.applied',
          entityType: 'acceptance',
          entityId: id,
          unitId: s.row.leadUnitId,
          after: { problemId, seq, selfCheck: body.selfCheck, levels: acceptance.levels, fileIds },
        },
        ...attached,
      )
      return acceptance
    })
  }

  /**
   * Reviews the level awaiting review. 404 hidden, 412 stale application version, 409 not
   * under review, 403 not this level's reviewer (or the reviewer's own unit's work), 422 a
   * checklist that does not match, a pass with an unmet criterion, a return without a reason,
   * or a check date in the future or before the application.
   */
  async review(
    ctx: Ctx,
    acceptanceId: string,
    version: number,
    body: ReviewAcceptanceBody,
  ): Promise<Acceptance> {
    const { actor } = ctx
    const at = this.d.clock()
    const today = shanghaiDate(at)
    return this.d.db.transaction(async (tx) => {
      const found = await repo.findById(tx, acceptanceId)
      const locked = found && (await lockProblem(tx, found.problemId))
      const s = locked && (await findSubject(tx, found.problemId, actor))
      if (!found || !s) throw notFound('Acceptance')
      const a = (await repo.lockById(tx, acceptanceId))!
      if (a.version !== version) throw new AppError('precondition_failed')
      if (a.status !== 'in_review' || a.currentLevel === null)
        throw new AppError('conflict', `The application was already ${a.status}`)
      const levels = a.levels as AcceptanceLevel[]
      const level = a.currentLevel
      const kind = levels[level]!
      if (!mayReviewLevel(actor, kind, s, a.appliedUnitId))
        throw forbidden(
          kind === 'city'
            ? 'The city review is the office’s, never for its own unit'
            : 'The county acceptance is the office’s or the county’s, never the lead unit’s own',
        )
      checkReview(body, a.criteria as string[], shanghaiDate(a.createdAt), today)

      const pass = body.decision === 'pass'
      const last = level === levels.length - 1
      const frozen = pass ? await freezeSnapshot(tx, a.problemId, today, this.d.settings) : null
      const reviewId = uuidv7()
      const reason = pass ? null : body.reason!.trim()
      await repo.insertReview(tx, {
        id: reviewId,
        acceptanceId,
        problemId: a.problemId,
        level,
        levelKind: kind,
        reviewerId: actor.id,
        reviewerName: await actorName(tx, actor),
        reviewerUnitId: actor.unitId,
        checkDate: body.checkDate,
        checklist: body.checklist,
        opinion: body.opinion,
        decision: body.decision,
        reason,
        snapshot: frozen?.content ?? null,
        snapshotSha256: frozen?.sha256 ?? null,
        createdAt: at,
      })
      const status = !pass ? 'returned' : last ? 'passed' : 'in_review'
      await repo.update(
        tx,
        acceptanceId,
        { status, currentLevel: status === 'in_review' ? level + 1 : null },
        at,
      )
      const details = { acceptanceId, reviewId, level, levelKind: kind }
      await moveProblem(tx, ctx, this.d.settings, {
        problemId: a.problemId,
        action: pass ? 'review_pass' : 'review_return',
        reason,
        details,
      })
      const acceptance = await loadAcceptance(tx, acceptanceId)
      await recordAudit(tx, ctx, {
        action: pass ? 'acceptance.passed_level' : 'acceptance.returned',
        entityType: 'acceptance',
        entityId: acceptanceId,
        unitId: s.row.leadUnitId,
        before: { status: a.status, currentLevel: level },
        after: {
          problemId: a.problemId,
          ...details,
          status,
          currentLevel: acceptance.currentLevel,
          decision: body.decision,
          checkDate: body.checkDate,
          checklist: body.checklist,
          opinion: body.opinion,
          reason,
          snapshotSha256: frozen?.sha256 ?? null,
        },
      })
      return acceptance
    })
  }

  /** Applications the caller may see; `awaitingMe` keeps those whose current level is the caller's. */
  async list(ctx: Ctx, q: ListAcceptancesQuery): Promise<AcceptancePage> {
    const { db } = this.d
    const limit = q.limit ?? 50
    const after = idCursor(q.cursor)
    const filter = {
      scope: problemScope(ctx.actor, sql`${acceptances.problemId}`),
      status: q.status,
      round: q.round,
      awaiting: q.awaitingMe ? awaitingSql(ctx.actor) : undefined,
    }
    // The review queue oldest first; everything else newest first.
    const order = q.awaitingMe || q.status === 'in_review' ? 'asc' : 'desc'
    const [rows, total] = await Promise.all([
      repo.list(db, filter, order, limit + 1, after),
      repo.count(db, filter),
    ])
    const page = rows.slice(0, limit)
    const today = shanghaiDate(this.d.clock())
    const [items, views] = await Promise.all([
      loadAcceptances(db, page),
      readProblems(db, [...new Set(page.map((a) => a.problemId))], today, this.d.settings, null),
    ])
    return {
      items: items.map((acceptance) => ({
        acceptance,
        problem: views.find((p) => p.id === acceptance.problemId)!,
      })),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.id]) : null,
      total,
    }
  }

  /** The frozen snapshot of a passing review; 404 for a return or a problem the caller cannot see. */
  async snapshot(ctx: Ctx, reviewId: string): Promise<AcceptanceSnapshot> {
    const r = await repo.findReview(this.d.db, reviewId)
    if (!r?.snapshot || !r.snapshotSha256) throw notFound('Snapshot')
    if (!(await findSubject(this.d.db, r.problemId, ctx.actor))) throw notFound('Snapshot')
    return {
      reviewId: r.id,
      takenAt: r.createdAt.toISOString(),
      sha256: r.snapshotSha256,
      content: r.snapshot as AcceptanceSnapshot['content'],
    }
  }
}

/** The rules of a review body against the application (422 naming every broken field). */
function checkReview(
  body: ReviewAcceptanceBody,
  criteria: string[],
  appliedOn: string,
  today: string,
) {
  const errors: FieldError[] = []
  if (body.checklist.length !== criteria.length)
    errors.push({
      path: '/checklist',
      message: `must tick each of the ${criteria.length} criteria of the application, in order`,
    })
  body.checklist.forEach((c, i) => {
    if (i < criteria.length && c.criterion !== criteria[i])
      errors.push({ path: `/checklist/${i}/criterion`, message: `must be “${criteria[i]}”` })
    if (body.decision === 'pass' && !c.met)
      errors.push({ path: `/checklist/${i}/met`, message: 'every criterion must be met to pass' })
  })
  if (body.decision === 'return' && !body.reason?.trim())
    errors.push({ path: '/reason', message: 'say why the application is returned' })
  if (body.checkDate > today) errors.push({ path: '/checkDate', message: 'is in the future' })
  else if (body.checkDate < appliedOn)
    errors.push({ path: '/checkDate', message: 'is before the application' })
  if (errors.length) throw invalid(errors)
}
