import type {
  CreateProblemBody,
  CreateSweepBody,
  ListSweepsQuery,
  Sweep,
  SweepFindingInput,
  SweepPage,
  SweepReportBody,
} from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid, type FieldError } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { encodeCursor } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { idCursor } from '../../lib/cursors.js'
import { recordAudit } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import { notifyEach, notifyUsers, unitRecipients } from '../inbox/index.js'
import type { LightSettings } from '../problems/index.js'
import {
  findProblem,
  lockProblem,
  problemCodeTaken,
  problemScope,
  type ProblemsService,
} from '../problems/index.js'
import { userDisplayNames } from '../users/index.js'
import { launchesSweeps, reportsFor, sweepTargetScope } from './sweeps.access.js'
import { sweepsRepository as repo, type SweepRow } from './sweeps.repository.js'
import { auditView, toSweeps } from './sweeps.view.js'
import { findUnitPath, unitRefs } from '../units/index.js'

/** The longest problem code (CreateProblemBodySchema): a child's code is cut to fit. */
const CODE_MAX = 64

/**
 * Sweeps (举一反三排查): the office launches one from a common problem across target units; each
 * target reports once — findings, each opened as a child problem through ProblemsService, or a
 * signed statement that it found none; the office closes it once every target has reported.
 * A unit reads the sweeps that target its subtree, and in them only its subtree's targets
 * (sweepTargetScope): detail, list, roll-up and light alike.
 */
export class SweepsService {
  constructor(
    private readonly db: Db,
    private readonly problems: ProblemsService,
    private readonly settings: LightSettings,
  ) {}

  async list(ctx: Ctx, q: ListSweepsQuery): Promise<SweepPage> {
    const limit = q.limit ?? 50
    const after = idCursor(q.cursor)
    const targetPath = sweepTargetScope(ctx.actor)
    const unitPath = q.unit ? ((await findUnitPath(this.db, q.unit)) ?? '/nowhere/') : undefined
    const filter = { ...q, unitPath, targetPath }
    const [rows, total] = await Promise.all([
      repo.list(this.db, filter, limit + 1, after),
      repo.count(this.db, filter),
    ])
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return {
      items: await this.view(this.db, ctx, page),
      nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
      total,
    }
  }

  async get(ctx: Ctx, id: string): Promise<Sweep> {
    const row = await repo.findById(this.db, id, sweepTargetScope(ctx.actor))
    if (!row) throw notFound('Sweep')
    return (await this.view(this.db, ctx, [row]))[0]!
  }

  /** Launches a sweep from a visible common problem; messages every target unit. */
  async launch(ctx: Ctx, problemId: string, body: CreateSweepBody): Promise<Sweep> {
    if (!launchesSweeps(ctx.actor)) throw forbidden('Sweeps are launched by the office')
    return this.db.transaction(async (tx) => {
      const problem = await findProblem(tx, problemId, problemScope(ctx.actor))
      if (!problem) throw notFound('Problem')
      if (problem.nature !== 'common')
        throw new AppError(
          'unprocessable',
          'A sweep (举一反三排查) is launched from a common problem (共性问题) only',
          { errors: [{ path: '', message: 'the problem is not common' }] },
        )
      const errors: FieldError[] = []
      if (body.dueDate < shanghaiDate())
        errors.push({ path: '/dueDate', message: 'is before today' })
      const found = new Map((await unitRefs(tx, body.unitIds)).map((u) => [u.id, u]))
      body.unitIds.forEach((u, i) => {
        if (!found.get(u)?.active)
          errors.push({ path: `/unitIds/${i}`, message: 'is not an active unit' })
      })
      if (errors.length)
        throw new AppError(
          'unprocessable',
          errors.map((e) => `${e.path} ${e.message}`).join('; '),
          {
            errors,
          },
        )
      const id = uuidv7()
      await repo.insert(tx, {
        id,
        problemId,
        title: body.title,
        instructions: body.instructions,
        dueDate: body.dueDate,
        createdBy: ctx.actor.id,
        createdByName: await actorName(tx, ctx),
      })
      await repo.insertUnits(tx, id, body.unitIds)
      const row = (await repo.findById(tx, id, undefined))!
      const message = {
        kind: 'sweep',
        title: `举一反三排查：${body.title}`,
        body: `请于${body.dueDate}前报送排查情况（发现的问题或未发现问题的说明）。`,
        link: `/sweeps/${id}`,
        entityType: 'sweep',
        entityId: id,
      }
      await notifyEach(
        tx,
        await Promise.all(
          body.unitIds.map(async (u) => ({ userIds: await unitRecipients(tx, u), message })),
        ),
      )
      // One event per target, so a unit-scoped subscriber learns of the sweeps it must answer.
      await emitEvent(
        tx,
        ...body.unitIds.map((unitId) => ({
          type: 'sweep.launched' as const,
          entityType: 'sweep',
          entityId: id,
          unitId,
          data: { sweepId: id, problemId, unitId, title: body.title, dueDate: body.dueDate },
        })),
      )
      await recordAudit(tx, ctx, {
        action: 'sweep.launched',
        entityType: 'sweep',
        entityId: id,
        unitId: problem.leadUnitId,
        after: auditView(row, body.unitIds),
      })
      return (await this.view(tx, ctx, [row]))[0]!
    })
  }

  /**
   * A target unit's one report: its findings become child problems (draft, led by the unit), or
   * it states, signed, that it found none. 404 sweep not visible, 422 not a target the caller
   * answers for, 409 closed or already reported.
   */
  async report(ctx: Ctx, id: string, body: SweepReportBody): Promise<Sweep> {
    return this.db.transaction(async (tx) => {
      const visible = await repo.findById(tx, id, sweepTargetScope(ctx.actor))
      if (!visible) throw notFound('Sweep')
      const [unit] = await unitRefs(tx, [body.unitId])
      const target = unit && (await repo.lockTarget(tx, id, body.unitId))
      if (!unit || !target || !reportsFor(ctx.actor, unit.path))
        throw invalid('/unitId', 'is not a target of this sweep you report for')
      const sweep = (await repo.lockById(tx, id))!
      if (sweep.status !== 'open') throw new AppError('conflict', 'The sweep is closed')
      if (target.status !== 'pending')
        throw new AppError('duplicate', `${unit.name} has already reported on this sweep`)
      const children =
        'findings' in body ? await this.openChildren(tx, ctx, sweep, unit, body.findings) : []
      await repo.setReport(tx, id, body.unitId, {
        status: 'none' in body ? 'none' : 'found',
        statement: 'none' in body ? body.statement : null,
        signedBy: 'none' in body ? body.signedBy : null,
        reportedAt: new Date(),
        reportedBy: ctx.actor.id,
        reportedByName: await actorName(tx, ctx),
      })
      await repo.update(tx, id, {})
      const after = {
        problemId: sweep.problemId,
        unitId: body.unitId,
        status: 'none' in body ? 'none' : 'found',
        statement: 'none' in body ? body.statement : null,
        signedBy: 'none' in body ? body.signedBy : null,
        childIds: children,
      }
      await emitEvent(tx, {
        type: 'sweep.reported',
        entityType: 'sweep',
        entityId: id,
        unitId: body.unitId,
        data: {
          sweepId: id,
          problemId: sweep.problemId,
          unitId: body.unitId,
          status: after.status,
          childIds: children,
        },
      })
      if (sweep.createdBy)
        await notifyUsers(tx, [sweep.createdBy], {
          kind: 'sweep',
          title: `${unit.name}已报送举一反三排查情况：${sweep.title}`,
          body: children.length ? `发现问题${children.length}个` : '未发现类似问题',
          link: `/sweeps/${id}`,
          entityType: 'sweep',
          entityId: id,
        })
      await recordAudit(tx, ctx, {
        action: 'sweep.reported',
        entityType: 'sweep',
        entityId: id,
        unitId: body.unitId,
        after,
      })
      return (await this.view(tx, ctx, [(await repo.findById(tx, id, undefined))!]))[0]!
    })
  }

  /** Closes a sweep once every target has reported (409 with the pending count otherwise). */
  async close(ctx: Ctx, id: string, version: number): Promise<Sweep> {
    if (!launchesSweeps(ctx.actor)) throw forbidden('Sweeps are closed by the office')
    return this.db.transaction(async (tx) => {
      const before = await repo.lockById(tx, id)
      if (!before) throw notFound('Sweep')
      if (before.version !== version) throw new AppError('precondition_failed')
      if (before.status !== 'open') throw new AppError('conflict', 'The sweep is already closed')
      const pending = await repo.pendingCount(tx, id)
      if (pending > 0)
        throw new AppError('conflict', `${pending} target unit(s) have not reported yet`)
      await repo.update(tx, id, { status: 'closed', closedAt: new Date() })
      const after = (await repo.findById(tx, id, undefined))!
      await recordAudit(tx, ctx, {
        action: 'sweep.closed',
        entityType: 'sweep',
        entityId: id,
        before: { problemId: before.problemId, status: before.status },
        after: { problemId: after.problemId, status: after.status },
      })
      return (await this.view(tx, ctx, [after]))[0]!
    })
  }

  /**
   * Opens one child problem per finding through ProblemsService.addIn (search tokens, unit
   * links, lights and its own audit entry): source `sweep`, nature individual, the parent's round,
   * domain and mode unless the finding says otherwise, led by the reporting unit, status draft.
   */
  private async openChildren(
    tx: DbOrTx,
    ctx: Ctx,
    sweep: SweepRow,
    unit: { id: string; kind: string },
    findings: readonly SweepFindingInput[],
  ): Promise<string[]> {
    const today = shanghaiDate()
    const errors: FieldError[] = []
    findings.forEach((f, i) => {
      if (f.deadline < today)
        errors.push({ path: `/findings/${i}/deadline`, message: 'is before today' })
    })
    if (errors.length)
      throw new AppError('unprocessable', errors.map((e) => `${e.path} ${e.message}`).join('; '), {
        errors,
      })
    // The parent is locked so that children of concurrent reports never race for a code.
    await lockProblem(tx, sweep.problemId)
    const parent = (await findProblem(tx, sweep.problemId))!
    let seq = await repo.childCount(tx, parent.id)
    const ids: string[] = []
    for (const [i, f] of findings.entries()) {
      let code: string
      do {
        const suffix = `-举一反三${++seq}`
        code = `${parent.code.slice(0, CODE_MAX - suffix.length)}${suffix}`
      } while (await problemCodeTaken(tx, parent.roundId, code))
      let child
      try {
        child = await this.problems.addIn(tx, ctx, {
          roundId: parent.roundId,
          code,
          title: f.title,
          description: f.description,
          source: 'sweep',
          nature: 'individual',
          domain: f.domain ?? (parent.domain as CreateProblemBody['domain']),
          mode: f.mode ?? (parent.mode as CreateProblemBody['mode']),
          regionId: f.regionId ?? (unit.kind === 'county' ? unit.id : null),
          deadline: f.deadline,
          leadUnitId: unit.id,
          parentId: parent.id,
        })
      } catch (e) {
        // The problem rules speak of the problem's fields; the caller sent findings.
        if (e instanceof AppError && e.code === 'unprocessable' && e.extra.errors)
          throw new AppError('unprocessable', e.message, {
            errors: e.extra.errors.map((x) => ({ ...x, path: `/findings/${i}${x.path}` })),
          })
        throw e
      }
      await repo.insertFinding(tx, { problemId: child.id, sweepId: sweep.id, unitId: unit.id })
      ids.push(child.id)
    }
    return ids
  }

  private view(db: DbOrTx, ctx: Ctx, rows: readonly SweepRow[]) {
    return toSweeps(db, rows, sweepTargetScope(ctx.actor), shanghaiDate(), this.settings.nearDays)
  }
}

/** The name a person is shown by (display name), else the actor's own (a client's name). */
async function actorName(tx: DbOrTx, ctx: Ctx): Promise<string | null> {
  if (ctx.actor.type !== 'user' || !ctx.actor.id) return ctx.actor.name
  const [u] = await userDisplayNames(tx, [ctx.actor.id])
  return u?.name ?? ctx.actor.name
}
