import type { SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { ProblemFilter } from './problems.filter.js'
import { problemsRepository as repo, type ProblemRow } from './problems.repository.js'
import type { sortSpec } from './problems.sort.js'

// What the modules built on the ledger read of it and the one write an import makes, in the
// caller's transaction: they check, lock and page problems; every other change to a problem
// goes through this module's services (problems.service.ts, transitions.ts, lifecycle.ts).

/** A problem, if it exists and `scope` (problemScope) lets the actor see it. */
export function findProblem(db: DbOrTx, id: string, scope?: SQL): Promise<ProblemRow | undefined> {
  return repo.findById(db, id, scope)
}

/** Problems by id within an optional scope, in no particular order. */
export function findProblems(db: DbOrTx, ids: string[], scope?: SQL): Promise<ProblemRow[]> {
  return repo.findMany(db, ids, scope)
}

/**
 * Locks a problem's row for the rest of the transaction, first of all (the lock order: the
 * problem, then what hangs off it); undefined when there is no such problem.
 */
export function lockProblem(tx: DbOrTx, id: string) {
  return repo.lockById(tx, id)
}

/** The problem of the round that has this code, if any. */
export function problemCodeTaken(db: DbOrTx, roundId: string, code: string) {
  return repo.codeTaken(db, roundId, code)
}

/** A page of the ledger as GET /problems reads it: `limit` rows after the cursor position. */
export function listProblems(
  db: DbOrTx,
  filter: ProblemFilter,
  sort: ReturnType<typeof sortSpec>,
  limit: number,
  after: string[] | null,
): Promise<ProblemRow[]> {
  return repo.list(db, filter, sort, limit, after)
}

/** How many problems match, as GET /problems counts them. */
export function countProblems(db: DbOrTx, filter: ProblemFilter): Promise<number> {
  return repo.count(db, filter)
}

/**
 * Overwrites a problem's fields and co-responsible units (a task table imported again); the
 * caller syncs its units, refreshes what is derived and audits.
 */
export async function reviseProblem(
  tx: DbOrTx,
  id: string,
  set: Parameters<typeof repo.update>[2],
  coUnitIds: readonly string[],
) {
  await repo.update(tx, id, set)
  await repo.setCoUnits(tx, id, coUnitIds)
}
