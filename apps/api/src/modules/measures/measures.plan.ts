import type { SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { measuresRepository as repo, type PlanProblem } from './measures.repository.js'

// What the modules built on the plan (progress reports) read and write of it, in their own
// transaction; they audit. Editing the plan itself is this module's own (measures.service.ts).

/** The problem as the plan and progress rules see it, if `scope` lets the actor see it. */
export function findPlanProblem(
  db: DbOrTx,
  id: string,
  scope?: SQL,
): Promise<PlanProblem | undefined> {
  return repo.findProblem(db, id, scope)
}

/** Locks the problem row for the rest of the transaction (serialises with transitions). */
export function lockPlanProblem(tx: DbOrTx, id: string) {
  return repo.lockProblem(tx, id)
}

/** A measure by id. */
export function findMeasure(db: DbOrTx, id: string) {
  return repo.findById(db, id)
}

/**
 * An accepted progress report moves its measure: the percent, done (with `today`, or the date
 * it was done before) at 100, in progress below. Returns the measure as it was and what was set.
 */
export async function moveMeasureProgress(
  tx: DbOrTx,
  measureId: string,
  percent: number,
  today: string,
) {
  const before = (await repo.lockById(tx, measureId))!
  const done = percent >= 100
  const set = {
    percent,
    status: done ? 'done' : 'in_progress',
    doneDate: done ? (before.doneDate ?? today) : null,
  }
  await repo.update(tx, measureId, set)
  return { before, set }
}

/** Sets a problem's reported progress (the latest accepted report's, or its measures' mean). */
export function setReportedProgress(tx: DbOrTx, problemId: string, reportedProgress: number) {
  return repo.setReportedProgress(tx, problemId, reportedProgress)
}
