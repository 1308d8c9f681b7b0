import type {
  LifecycleAction,
  Problem,
  ProblemAction,
  ProblemStatus,
  TransitionBody,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid } from '../../errors.js'
import type { Actor, Ctx } from '../../lib/context.js'
import type { FieldCipher } from '../../lib/crypto/field-cipher.js'
import { shanghaiDate } from '../../lib/dates.js'
import { recordAudit } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import type { LightSettings } from './lights.js'
import { actsAsOffice, isOwnUnit, leadsProblem } from './problems.access.js'
import { problemScope, refreshDerived } from './problems.derived.js'
import { problemsRepository as repo } from './problems.repository.js'
import { readProblem } from './problems.view.js'
import { unitRefs } from '../units/index.js'

/**
 * Who takes a step: the office (never on its own unit's problem), the problem's lead unit, or
 * the reviewer of the acceptance level under way (see modules/acceptance).
 */
export type TransitionActor = 'office' | 'lead_unit' | 'reviewer'

export interface Transition {
  action: LifecycleAction
  from: ProblemStatus
  to: ProblemStatus
  by: TransitionActor
  /** Only problems of these modes (omitted: all). */
  modes?: readonly Problem['mode'][]
  /** A reason must be given (it is recorded and shown to the unit). */
  reasonRequired?: boolean
  /** The plan must hold at least one measure. */
  needsMeasure?: boolean
}

/**
 * A problem's whole life as one table (DOMAIN.md, "The problem's life"). The plan steps are
 * taken through `POST /problems/{id}/transitions`; the close-out steps through their own routes
 * (modules/acceptance, modules/public-reports), which carry the records each step creates and
 * move the problem with lifecycle.ts.
 */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: 'draft', to: 'plan_review', by: 'lead_unit' },
  { action: 'approve', from: 'plan_review', to: 'in_progress', by: 'office', needsMeasure: true },
  { action: 'return', from: 'plan_review', to: 'draft', by: 'office', reasonRequired: true },
  { action: 'apply', from: 'in_progress', to: 'acceptance', by: 'lead_unit' },
  // 立行立改: a problem fixed on the spot goes to acceptance without a plan review.
  { action: 'apply', from: 'draft', to: 'acceptance', by: 'lead_unit', modes: ['immediate'] },
  // A level passes: the next level reviews, or (last level) the office may open publicity.
  { action: 'review_pass', from: 'acceptance', to: 'acceptance', by: 'reviewer' },
  {
    action: 'review_return',
    from: 'acceptance',
    to: 'in_progress',
    by: 'reviewer',
    reasonRequired: true,
  },
  { action: 'open_publicity', from: 'acceptance', to: 'publicity', by: 'office' },
  {
    action: 'uphold_objection',
    from: 'publicity',
    to: 'in_progress',
    by: 'office',
    reasonRequired: true,
  },
  { action: 'close', from: 'publicity', to: 'closed', by: 'office' },
  { action: 'fail_rebound', from: 'closed', to: 'in_progress', by: 'office' },
]

/** The plan steps, the only ones `POST /problems/{id}/transitions` takes. */
export const PLAN_ACTIONS: ReadonlySet<LifecycleAction> = new Set<ProblemAction>([
  'submit',
  'approve',
  'return',
])

/** The steps a problem in `status` and `mode` can take, whoever takes them. */
export function transitionsFrom(status: ProblemStatus, mode: Problem['mode']): Transition[] {
  return TRANSITIONS.filter((t) => t.from === status && (!t.modes || t.modes.includes(mode)))
}

/** The facts about a problem that decide whether an actor may take a step. */
export interface TransitionSubject {
  leadUnitId: string
  leadUnitPath: string
}

/** True when `actor` may take step `t` on the problem. */
export function mayTake(actor: Actor, t: Transition, p: TransitionSubject): boolean {
  if (t.by === 'office') return actsAsOffice(actor) && !isOwnUnit(actor, p.leadUnitId)
  if (t.by === 'lead_unit') return leadsProblem(actor, p.leadUnitPath)
  // Reviewers are decided per level by modules/acceptance, never by this table alone.
  return false
}

/** The actions `actor` may take now on a problem in `status`/`mode`. */
export function allowedActions(
  actor: Actor,
  status: ProblemStatus,
  mode: Problem['mode'],
  p: TransitionSubject,
): LifecycleAction[] {
  return [
    ...new Set(
      transitionsFrom(status, mode)
        .filter((t) => mayTake(actor, t, p))
        .map((t) => t.action),
    ),
  ]
}

/** Moves problems through the plan workflow, one audited transaction per step. */
export class TransitionsService {
  constructor(
    private readonly db: Db,
    private readonly settings: LightSettings,
    /** Opens the responsible persons' phones: the answer replaces the problem's own view. */
    private readonly cipher: FieldCipher,
  ) {}

  /**
   * 404 when the actor cannot see the problem, 412 on a stale version, 409 (with the actions
   * allowed now) when the action does not apply to the status, 403 when it is not the actor's,
   * 422 when a rule of the step is not met.
   */
  async transition(ctx: Ctx, id: string, version: number, body: TransitionBody): Promise<Problem> {
    const today = shanghaiDate()
    return this.db.transaction(async (tx) => {
      const locked = await repo.lockById(tx, id)
      const current = locked && (await repo.findById(tx, id, problemScope(ctx.actor)))
      if (!locked || !current) throw notFound('Problem')
      if (locked.version !== version) throw new AppError('precondition_failed')
      const status = current.status as ProblemStatus
      const mode = current.mode as Problem['mode']
      const [lead] = await unitRefs(tx, [current.leadUnitId])
      const subject = { leadUnitId: current.leadUnitId, leadUnitPath: lead?.path ?? '' }
      const step = transitionsFrom(status, mode).find(
        (t) => t.action === body.action && PLAN_ACTIONS.has(t.action),
      )
      if (!step)
        throw new AppError('conflict', `A problem in ${status} cannot ${body.action}`, {
          allowed: allowedActions(ctx.actor, status, mode, subject),
        })
      if (!mayTake(ctx.actor, step, subject))
        throw forbidden(
          step.by === 'office'
            ? 'Only the office, and never for its own unit, may do this'
            : 'Only the lead unit may do this',
        )
      const reason = body.reason?.trim() || null
      if (step.reasonRequired && !reason) throw invalid('/reason', `is required to ${body.action}`)
      if (step.needsMeasure && (await repo.countMeasures(tx, id)) === 0)
        throw invalid('/action', 'needs a plan with at least one measure')
      await repo.update(tx, id, { status: step.to })
      await refreshDerived(tx, [id], today, this.settings)
      const problem = await readProblem(tx, id, today, this.settings, this.cipher)
      await emitEvent(tx, {
        type: 'problem.status_changed',
        entityType: 'problem',
        entityId: id,
        unitId: current.leadUnitId,
        data: {
          problemId: id,
          code: problem.code,
          title: problem.title,
          action: body.action,
          from: status,
          to: step.to,
          reason,
        },
      })
      await recordAudit(tx, ctx, {
        action: `problem.${body.action}`,
        entityType: 'problem',
        entityId: id,
        unitId: current.leadUnitId,
        before: { status },
        after: { status: step.to, reason },
      })
      return problem
    })
  }
}
