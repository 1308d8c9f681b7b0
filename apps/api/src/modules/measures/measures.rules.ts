import type { MilestoneInput } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import type { FieldError } from '../../errors.js'
import { dayNumber } from '../../lib/dates.js'
import { findUnit } from '../units/index.js'
import type { PlanProblem } from './measures.repository.js'

// The rules a plan obeys; each check returns field errors (none when the input passes).

/** Edits the lead unit may still make once the plan is approved: tick milestones and measures off. */
export const PROGRESS_FIELDS: ReadonlySet<string> = new Set(['status', 'doneDate', 'milestones'])
/** Statuses in which the plan is still a draft; after approval deadlines move only by extension. */
export const PLANNING: ReadonlySet<string> = new Set(['draft', 'plan_review'])

/** The same milestones (names, due dates, weights) in the same order: only done dates may differ. */
export function sameSchedule(next: MilestoneInput[], current: MilestoneInput[]): boolean {
  return (
    next.length === current.length &&
    next.every((x, i) => {
      const c = current[i]!
      return (
        x.name === c.name && x.dueDate === c.dueDate && (x.weight ?? null) === (c.weight ?? null)
      )
    })
  )
}

export async function checkUnit(db: DbOrTx, unitId: string): Promise<FieldError[]> {
  const unit = await findUnit(db, unitId)
  if (!unit) return [{ path: '/unitId', message: 'no such unit' }]
  if (!unit.active) return [{ path: '/unitId', message: 'the unit is deactivated' }]
  return []
}

/**
 * The dates of a measure: start ≤ deadline ≤ the problem's deadline, milestones due within
 * start..deadline, and milestone weights either all absent or all given and adding up to 100.
 */
export function checkDates(
  problem: PlanProblem,
  startDate: string,
  deadline: string,
  milestones: MilestoneInput[],
): FieldError[] {
  const errors: FieldError[] = []
  const start = dayNumber(startDate)
  const end = dayNumber(deadline)
  if (start > end) errors.push({ path: '/deadline', message: 'must not be before the start date' })
  if (end > dayNumber(problem.deadline))
    errors.push({
      path: '/deadline',
      message: `must not be after the problem's deadline (${problem.deadline})`,
    })
  milestones.forEach((x, i) => {
    const due = dayNumber(x.dueDate)
    if (due < start || due > end)
      errors.push({
        path: `/milestones/${i}/dueDate`,
        message: `must lie within ${startDate}..${deadline}`,
      })
  })
  const weighted = milestones.filter((x) => x.weight !== undefined && x.weight !== null)
  if (weighted.length && weighted.length < milestones.length) {
    milestones.forEach((x, i) => {
      if (x.weight === undefined || x.weight === null)
        errors.push({
          path: `/milestones/${i}/weight`,
          message: 'give every milestone a weight, or none',
        })
    })
  } else if (weighted.length) {
    const sum = weighted.reduce((s, x) => s + x.weight!, 0)
    if (Math.abs(sum - 100) > 0.01)
      errors.push({
        path: '/milestones',
        message: `weights must add up to 100 (they add up to ${Math.round(sum * 100) / 100})`,
      })
  }
  return errors
}

/** Milestones are ticked off on a day that has come. */
export function checkDone(milestones: MilestoneInput[], today: string): FieldError[] {
  const limit = dayNumber(today)
  const errors: FieldError[] = []
  milestones.forEach((x, i) => {
    if (x.doneDate && dayNumber(x.doneDate) > limit)
      errors.push({ path: `/milestones/${i}/doneDate`, message: 'cannot be in the future' })
  })
  return errors
}
