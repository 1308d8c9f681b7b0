import { and, eq, sql } from 'drizzle-orm'
import type { LifecycleAction, ProblemStatus } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { problems, publicities } from '../../db/schema/index.js'
import { AppError } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { recordAudit } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import type { LightSettings } from './lights.js'
import { refreshDerived } from './problems.derived.js'
import { problemsRepository as repo } from './problems.repository.js'
import { TRANSITIONS } from './transitions.js'

/** Extra columns a step sets on the problem besides its status (outcome, rebound flag ...). */
export type StepColumns = Partial<
  Pick<typeof problems.$inferInsert, 'outcome' | 'closedOn' | 'rebound'>
>

export interface Step {
  problemId: string
  action: LifecycleAction
  /** Recorded in the audit entry and shown on the timeline. */
  reason?: string | null
  set?: StepColumns
  /** More facts for the audit entry's `after` (ids of the records the step created). */
  details?: Record<string, unknown>
}

/**
 * Moves a problem one step of its life inside the caller's transaction: checks the step is in
 * the lifecycle table (transitions.ts) for the problem's current status and mode, sets the new
 * status (bumping version and updated_at), refreshes the derived light and writes the audit
 * entry. The caller has already locked the problem, checked its version and decided that the
 * actor may take the step. Returns the new status.
 */
export async function moveProblem(
  tx: DbOrTx,
  ctx: Ctx,
  settings: LightSettings,
  step: Step,
): Promise<ProblemStatus> {
  const [row] = await tx
    .select({
      status: problems.status,
      mode: problems.mode,
      leadUnitId: problems.leadUnitId,
      code: problems.code,
      title: problems.title,
    })
    .from(problems)
    .where(eq(problems.id, step.problemId))
  if (!row) throw new AppError('not_found', 'Problem not found')
  const from = row.status as ProblemStatus
  const t = TRANSITIONS.find(
    (x) =>
      x.action === step.action &&
      x.from === from &&
      (!x.modes || x.modes.includes(row.mode as never)),
  )
  if (!t) throw new AppError('conflict', `A problem in ${from} cannot ${step.action}`)
  await repo.update(tx, step.problemId, { status: t.to, ...step.set })
  await refreshDerived(tx, [step.problemId], shanghaiDate(), settings)
  await emitEvent(tx, {
    type: 'problem.status_changed',
    entityType: 'problem',
    entityId: step.problemId,
    unitId: row.leadUnitId,
    data: {
      problemId: step.problemId,
      code: row.code,
      title: row.title,
      action: step.action,
      from,
      to: t.to,
      reason: step.reason ?? null,
    },
  })
  await recordAudit(tx, ctx, {
    action: `problem.${step.action}`,
    entityType: 'problem',
    entityId: step.problemId,
    unitId: row.leadUnitId,
    before: { status: from },
    after: { status: t.to, reason: step.reason ?? null, ...step.set, ...step.details },
  })
  return t.to
}

/**
 * An upheld objection (异议成立): the open publicity of the problem ends as `overturned` and the
 * problem goes back to `in_progress`. Used by the objection ruling (modules/public-reports);
 * runs in the caller's transaction after it locked the problem.
 */
export async function overturnPublicity(
  tx: DbOrTx,
  ctx: Ctx,
  settings: LightSettings,
  problemId: string,
  reason: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  const ended = await tx
    .update(publicities)
    .set({ status: 'overturned', endedAt: new Date(), version: sqlIncrement() })
    .where(and(eq(publicities.problemId, problemId), eq(publicities.status, 'open')))
    .returning({ id: publicities.id })
  if (!ended.length) throw new AppError('conflict', 'The problem has no publicity open')
  await moveProblem(tx, ctx, settings, {
    problemId,
    action: 'uphold_objection',
    reason,
    details: { ...details, publicityId: ended[0]!.id },
  })
}

function sqlIncrement() {
  return sql`${publicities.version} + 1`
}
