import type {
  CreateMeasureBody,
  Measure,
  MeasureList,
  MilestoneInput,
  ScheduleProposal,
  ScheduleQuery,
  UpdateMeasureBody,
} from '@rectify/schemas'
import type { Config } from '../../config.js'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid, type FieldError } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { dayNumber, shanghaiDate } from '../../lib/dates.js'
import { uuidv7 } from '../../lib/ids.js'
import { changedFields, recordAudit } from '../audit/index.js'
import type { LightSettings } from '../problems/index.js'
import { problemScope, refreshDerived, syncProblemUnits } from '../problems/index.js'
import { actsAsOffice, leadsProblem } from '../problems/index.js'
import { measuresRepository as repo, type PlanProblem } from './measures.repository.js'
import {
  PLANNING,
  PROGRESS_FIELDS,
  checkDates,
  checkDone,
  checkUnit,
  sameSchedule,
} from './measures.rules.js'
import { auditView, lightSettings, loadMeasures, toMeasure } from './measures.view.js'
import { reverseSchedule } from './schedule.js'

type Access = { problem: PlanProblem; mode: 'full' | 'progress' }

/**
 * Measures (整改措施) and their milestones (节点): the plan of a problem. The lead unit drafts it,
 * the office may amend it until close-out; once the problem is in progress the lead unit only
 * ticks milestones and measures off, and deadlines move only through an extension.
 */
export class MeasuresService {
  private readonly settings: LightSettings

  constructor(
    private readonly db: Db,
    config: Config,
  ) {
    this.settings = lightSettings(config)
  }

  async list(ctx: Ctx, problemId: string): Promise<MeasureList> {
    if (!(await repo.findProblem(this.db, problemId, problemScope(ctx.actor))))
      throw notFound('Problem')
    return { items: await loadMeasures(this.db, problemId, shanghaiDate(), this.settings) }
  }

  /** Reverse-scheduling proposal (倒排工期); the user edits it before saving. */
  schedule(q: ScheduleQuery): ScheduleProposal {
    if (dayNumber(q.startDate) > dayNumber(q.deadline))
      throw invalid([{ path: '/deadline', message: 'must not be before the start date' }])
    return reverseSchedule(q.startDate, q.deadline, q.template)
  }

  async create(ctx: Ctx, problemId: string, body: CreateMeasureBody): Promise<Measure> {
    return this.db.transaction(async (tx) => {
      const { problem, mode } = await this.access(tx, ctx, problemId)
      if (mode !== 'full') throw progressOnly()
      const milestones = body.milestones ?? []
      const errors = [
        ...(await checkUnit(tx, body.unitId)),
        ...checkDates(problem, body.startDate, body.deadline, milestones),
        ...checkDone(milestones, shanghaiDate()),
      ]
      if (errors.length) throw invalid(errors)
      const id = uuidv7()
      await repo.insert(tx, {
        id,
        problemId,
        seq: await repo.nextSeq(tx, problemId),
        content: body.content,
        unitId: body.unitId,
        personName: body.personName ?? '',
        startDate: body.startDate,
        deadline: body.deadline,
        weight: body.weight ?? 1,
      })
      await repo.replaceMilestones(tx, id, milestoneRows(milestones))
      await syncProblemUnits(tx, problemId)
      await refreshDerived(tx, [problemId], shanghaiDate(), this.settings)
      const measure = await this.loadOne(tx, id)
      await recordAudit(tx, ctx, {
        action: 'measure.created',
        entityType: 'measure',
        entityId: id,
        unitId: body.unitId,
        after: auditView(measure),
      })
      return measure
    })
  }

  async update(ctx: Ctx, id: string, version: number, body: UpdateMeasureBody): Promise<Measure> {
    return this.db.transaction(async (tx) => {
      const found = await repo.findById(tx, id)
      if (!found) throw notFound('Measure')
      const { problem, mode } = await this.access(tx, ctx, found.problemId, 'Measure')
      const current = (await repo.lockById(tx, id))!
      if (current.version !== version) throw new AppError('precondition_failed')
      const before = await this.loadOne(tx, id)
      const today = shanghaiDate()

      if (mode === 'progress') {
        const extra = Object.keys(body).filter((k) => !PROGRESS_FIELDS.has(k))
        if (extra.length || (body.milestones && !sameSchedule(body.milestones, before.milestones)))
          throw progressOnly()
      }

      const startDate = body.startDate ?? current.startDate
      const deadline = body.deadline ?? current.deadline
      const milestones: MilestoneInput[] = body.milestones ?? before.milestones
      const errors: FieldError[] = []
      if (body.unitId !== undefined && body.unitId !== current.unitId)
        errors.push(...(await checkUnit(tx, body.unitId)))
      if (
        body.deadline !== undefined &&
        body.deadline !== current.deadline &&
        !PLANNING.has(problem.status)
      )
        errors.push({
          path: '/deadline',
          message: 'once the plan is approved a deadline moves only through an extension request',
        })
      if (
        mode === 'full' &&
        (body.startDate !== undefined ||
          body.deadline !== undefined ||
          body.milestones !== undefined)
      )
        errors.push(...checkDates(problem, startDate, deadline, milestones))
      if (body.milestones) errors.push(...checkDone(body.milestones, today))

      // A measure is done on a date; any other status has none.
      const status = body.status ?? current.status
      let doneDate =
        body.doneDate !== undefined
          ? body.doneDate
          : body.status !== undefined && body.status !== 'done'
            ? null
            : current.doneDate
      if (status === 'done') doneDate ??= today
      else if (doneDate)
        errors.push({ path: '/doneDate', message: 'only a done measure has a done date' })
      if (doneDate && dayNumber(doneDate) > dayNumber(today))
        errors.push({ path: '/doneDate', message: 'cannot be in the future' })
      if (errors.length) throw invalid(errors)

      const set: Parameters<typeof repo.update>[2] = { status, doneDate }
      if (body.content !== undefined) set.content = body.content
      if (body.unitId !== undefined) set.unitId = body.unitId
      if (body.personName !== undefined) set.personName = body.personName
      if (body.startDate !== undefined) set.startDate = body.startDate
      if (body.deadline !== undefined) set.deadline = body.deadline
      if (body.weight !== undefined) set.weight = body.weight
      await repo.update(tx, id, set)
      if (body.milestones) await repo.replaceMilestones(tx, id, milestoneRows(body.milestones))
      if (set.unitId !== undefined && set.unitId !== current.unitId)
        await syncProblemUnits(tx, current.problemId)
      await refreshDerived(tx, [current.problemId], today, this.settings)
      const after = await this.loadOne(tx, id)
      const diff = changedFields(auditView(before), auditView(after))
      await recordAudit(tx, ctx, {
        action: 'measure.updated',
        entityType: 'measure',
        entityId: id,
        unitId: after.unit.id,
        before: { ...diff.before, problemId: current.problemId },
        after: { ...diff.after, problemId: current.problemId },
      })
      return after
    })
  }

  /** Deletes a measure with its milestones; only while the plan is a draft. */
  async remove(ctx: Ctx, id: string, version: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      const found = await repo.findById(tx, id)
      if (!found) throw notFound('Measure')
      const { problem, mode } = await this.access(tx, ctx, found.problemId, 'Measure')
      if (mode !== 'full') throw progressOnly()
      const current = (await repo.lockById(tx, id))!
      if (current.version !== version) throw new AppError('precondition_failed')
      if (problem.status !== 'draft')
        throw new AppError('conflict', 'Measures can be deleted only while the plan is a draft')
      if ((await repo.countReferences(tx, id)) > 0)
        throw new AppError('conflict', 'Reports or extension requests refer to this measure')
      const before = await this.loadOne(tx, id)
      await repo.remove(tx, id)
      await syncProblemUnits(tx, current.problemId)
      await refreshDerived(tx, [current.problemId], shanghaiDate(), this.settings)
      await recordAudit(tx, ctx, {
        action: 'measure.deleted',
        entityType: 'measure',
        entityId: id,
        unitId: current.unitId,
        before: auditView(before),
        after: { problemId: current.problemId },
      })
    })
  }

  /**
   * Locks the problem and decides what the actor may do with its plan: hidden → 404; the office
   * edits until close-out; the lead unit edits the draft and, once in progress, ticks things off.
   */
  private async access(tx: DbOrTx, ctx: Ctx, problemId: string, what = 'Problem'): Promise<Access> {
    await repo.lockProblem(tx, problemId)
    const problem = await repo.findProblem(tx, problemId, problemScope(ctx.actor))
    if (!problem) throw notFound(what)
    if (actsAsOffice(ctx.actor)) {
      if (problem.status === 'closed')
        throw new AppError('conflict', 'The problem is closed: its plan can no longer change')
      return { problem, mode: 'full' }
    }
    if (leadsProblem(ctx.actor, problem.leadUnitPath)) {
      if (problem.status === 'draft') return { problem, mode: 'full' }
      if (problem.status === 'in_progress') return { problem, mode: 'progress' }
      throw forbidden('The lead unit edits the plan only while it is drafted')
    }
    throw forbidden("Only the office or the problem's lead unit may change its plan")
  }

  private async loadOne(db: DbOrTx, id: string): Promise<Measure> {
    const row = (await repo.findWithUnit(db, id))!
    return toMeasure(row, await repo.milestonesOf(db, [id]), shanghaiDate(), this.settings)
  }
}

function progressOnly() {
  return forbidden(
    'While the problem is in progress the lead unit may only mark milestones and measures done',
  )
}

function milestoneRows(list: MilestoneInput[]) {
  return list.map((x) => ({
    id: uuidv7(),
    name: x.name,
    dueDate: x.dueDate,
    weight: x.weight ?? null,
    doneDate: x.doneDate ?? null,
  }))
}
