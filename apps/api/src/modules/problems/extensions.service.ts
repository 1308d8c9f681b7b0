import type {
  CreateExtensionBody,
  DecideExtensionBody,
  Extension,
  ExtensionEffect,
  ExtensionList,
} from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid } from '../../errors.js'
import type { Actor, Ctx } from '../../lib/context.js'
import { addDays, daysBetween, shanghaiDate } from '../../lib/dates.js'
import { uuidv7 } from '../../lib/ids.js'
import { recordAudit, type AuditEvent } from '../audit/index.js'
import type { LightSettings } from './lights.js'
import { actsAsOffice, actsAsUnit, isOwnUnit } from './problems.access.js'
import { problemScope, refreshDerived } from './problems.derived.js'
import { problemsRepository as problemsRepo } from './problems.repository.js'
import { extensionsRepository as repo, type ExtensionRow } from './extensions.repository.js'
import { unitRefs } from '../units/index.js'

export function toExtension(r: ExtensionRow): Extension {
  return {
    id: r.id,
    problemId: r.problemId,
    measureId: r.measureId,
    currentDeadline: r.currentDeadline,
    requestedDeadline: r.requestedDeadline,
    reason: r.reason,
    status: r.status as Extension['status'],
    decisionReason: r.decisionReason,
    requestedBy: r.requestedByName,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  }
}

/**
 * Who may ask to move which deadline: the whole problem's only its lead unit (a person of the
 * lead unit or of a unit above it); a measure's the lead unit or the measure's own unit (or one
 * above it) — a co-responsible unit asks for its own measures, never for the problem or another
 * unit's measure. Null when the actor may; else the 403 to throw.
 */
export async function requestRefusal(
  db: DbOrTx,
  actor: Actor,
  leadUnitId: string,
  measureUnitId: string | undefined,
): Promise<AppError | null> {
  const refs = await unitRefs(db, measureUnitId ? [leadUnitId, measureUnitId] : [leadUnitId])
  const covers = (id: string) => {
    const path = refs.find((u) => u.id === id)?.path
    return !!path && !!actor.unitPath && path.startsWith(actor.unitPath)
  }
  if (covers(leadUnitId)) return null
  if (!measureUnitId)
    return new AppError(
      'not_lead_unit',
      'Only the lead unit asks to extend the whole problem; a co-responsible unit asks for its own measures',
    )
  if (covers(measureUnitId)) return null
  return forbidden('A co-responsible unit asks to extend its own measures only')
}

/**
 * Extension requests (申请延期): a responsible unit asks to move the problem's or a measure's
 * deadline; the office grants or denies, never for its own unit. A grant moves the deadline and
 * keeps the first one in `original_deadline` forever; the status of the problem never changes.
 */
export class ExtensionsService {
  constructor(
    private readonly db: Db,
    private readonly settings: LightSettings,
  ) {}

  async list(ctx: Ctx, problemId: string): Promise<ExtensionList> {
    if (!(await problemsRepo.findById(this.db, problemId, problemScope(ctx.actor))))
      throw notFound('Problem')
    return { items: (await repo.listByProblem(this.db, problemId)).map(toExtension) }
  }

  async request(ctx: Ctx, problemId: string, body: CreateExtensionBody): Promise<Extension> {
    return this.db.transaction(async (tx) => {
      const locked = await problemsRepo.lockById(tx, problemId)
      const problem =
        locked && (await problemsRepo.findById(tx, problemId, problemScope(ctx.actor)))
      if (!locked || !problem) throw notFound('Problem')
      if (!actsAsUnit(ctx.actor)) throw forbidden('Only a responsible unit asks for an extension')
      if (problem.status !== 'in_progress')
        throw new AppError('conflict', 'Extensions are asked for while the problem is in progress')
      const measureId = body.measureId ?? null
      const measure = measureId ? await repo.lockMeasure(tx, problemId, measureId) : null
      if (measureId && !measure) throw invalid('/measureId', 'is not a measure of this problem')
      const refused = await requestRefusal(tx, ctx.actor, problem.leadUnitId, measure?.unitId)
      if (refused) throw refused
      const currentDeadline = measure?.deadline ?? problem.deadline
      if (body.requestedDeadline <= currentDeadline)
        throw invalid('/requestedDeadline', `must be after the current deadline ${currentDeadline}`)
      if (await repo.findPending(tx, problemId, measureId))
        throw new AppError(
          'conflict',
          'An extension of this deadline is already awaiting a decision',
        )
      const row = await repo.insert(tx, {
        id: uuidv7(),
        problemId,
        measureId,
        currentDeadline,
        requestedDeadline: body.requestedDeadline,
        reason: body.reason,
        requestedBy: ctx.actor.id,
        requestedByName: ctx.actor.name,
        requestedByUnitId: ctx.actor.unitId,
      })
      const extension = toExtension(row)
      await recordAudit(tx, ctx, {
        action: 'extension.requested',
        entityType: 'extension',
        entityId: row.id,
        after: {
          problemId,
          measureId,
          currentDeadline,
          requestedDeadline: body.requestedDeadline,
          reason: body.reason,
        },
      })
      return extension
    })
  }

  /** What granting request `id` would move, from → to (the office, before it decides). */
  async effect(ctx: Ctx, id: string): Promise<ExtensionEffect> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('Only the office decides on extensions')
    const found = await repo.findById(this.db, id)
    const problem =
      found && (await problemsRepo.findById(this.db, found.problemId, problemScope(ctx.actor)))
    if (!found || !problem) throw notFound('Extension')
    const to = found.requestedDeadline
    const moving = await repo.moving(this.db, problem.id, found.measureId, problem.deadline)
    return {
      problem: found.measureId ? null : { from: problem.deadline, to },
      measures: moving.map((m) => {
        const days = daysBetween(m.deadline, to)
        return {
          id: m.id,
          seq: m.seq,
          content: m.content,
          from: m.deadline,
          to,
          milestones: m.milestones.map((x) => ({
            id: x.id,
            name: x.name,
            from: x.dueDate,
            to: addDays(x.dueDate, days),
          })),
        }
      }),
    }
  }

  async decide(
    ctx: Ctx,
    id: string,
    version: number,
    body: DecideExtensionBody,
  ): Promise<Extension> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('Only the office decides on extensions')
    const today = shanghaiDate()
    return this.db.transaction(async (tx) => {
      const found = await repo.findById(tx, id)
      // Lock the problem before the request, in the order every ledger write takes.
      const problem =
        found &&
        (await problemsRepo.lockById(tx, found.problemId)) &&
        (await problemsRepo.findById(tx, found.problemId, problemScope(ctx.actor)))
      const ext = problem && (await repo.lockById(tx, id))
      if (!problem || !ext) throw notFound('Extension')
      if (ext.version !== version) throw new AppError('precondition_failed')
      if (ext.status !== 'requested')
        throw new AppError('conflict', `The request was already ${ext.status}`)
      if (isOwnUnit(ctx.actor, ext.requestedByUnitId) || isOwnUnit(ctx.actor, problem.leadUnitId))
        throw forbidden('A unit never decides on its own extension')
      const reason = body.reason.trim()
      if (!reason) throw invalid('/reason', 'is required')
      const events: AuditEvent[] = []
      if (body.decision === 'grant') {
        if (problem.status !== 'in_progress')
          throw new AppError('conflict', 'The problem is no longer in progress')
        const measure = ext.measureId ? await repo.lockMeasure(tx, problem.id, ext.measureId) : null
        const from = measure?.deadline ?? problem.deadline
        if (ext.requestedDeadline <= from)
          throw invalid('/decision', `the deadline has meanwhile moved to ${from}`)
        const original = (measure ? measure.originalDeadline : problem.originalDeadline) ?? from
        // A problem-level grant carries the measures due with the problem (on or after its old
        // deadline) to the new one, and their open milestones by as many days: otherwise the
        // problem would still turn red on the old date although the extension was granted.
        const moving = measure ? [measure] : await repo.lockMeasuresDueFrom(tx, problem.id, from)
        if (!measure)
          await problemsRepo.update(tx, problem.id, {
            deadline: ext.requestedDeadline,
            originalDeadline: original,
          })
        for (const m of moving) {
          const days = daysBetween(m.deadline, ext.requestedDeadline)
          await repo.extendMeasure(
            tx,
            m.id,
            ext.requestedDeadline,
            m.originalDeadline ?? m.deadline,
          )
          const shifted = await repo.shiftOpenMilestones(tx, m.id, days)
          if (m !== measure)
            events.push({
              action: 'measure.deadline_extended',
              entityType: 'measure',
              entityId: m.id,
              unitId: m.unitId,
              before: { deadline: m.deadline },
              after: {
                problemId: problem.id,
                deadline: ext.requestedDeadline,
                originalDeadline: m.originalDeadline ?? m.deadline,
                extensionId: ext.id,
                milestonesShiftedDays: shifted.length ? days : 0,
              },
            })
        }
        await refreshDerived(tx, [problem.id], today, this.settings)
        events.push({
          action: measure ? 'measure.deadline_extended' : 'problem.deadline_extended',
          entityType: measure ? 'measure' : 'problem',
          entityId: measure?.id ?? problem.id,
          unitId: problem.leadUnitId,
          before: { deadline: from },
          after: {
            problemId: problem.id,
            deadline: ext.requestedDeadline,
            originalDeadline: original,
            extensionId: ext.id,
          },
        })
      }
      const row = await repo.decide(tx, id, {
        status: body.decision === 'grant' ? 'granted' : 'denied',
        decisionReason: reason,
        decidedBy: ctx.actor.id,
        decidedAt: new Date(),
      })
      events.unshift({
        action: `extension.${row.status}`,
        entityType: 'extension',
        entityId: id,
        unitId: problem.leadUnitId,
        before: { status: ext.status },
        after: {
          problemId: problem.id,
          measureId: ext.measureId,
          status: row.status,
          requestedDeadline: ext.requestedDeadline,
          reason,
        },
      })
      await recordAudit(tx, ctx, ...events)
      return toExtension(row)
    })
  }
}
