import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../../db/client.js'
import { problems, sweepFindings, sweepUnits, sweeps, units } from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'

/** Target units are joined as `tu`: the scope condition (sweeps.access.ts) names `tu.path`. */
const tu = alias(units, 'tu')

export type SweepRow = typeof sweeps.$inferSelect

export interface SweepFilter {
  /** The object scope: a target unit's path must satisfy it (null: city-wide, no condition). */
  targetPath: SQL | undefined
  problem?: string | undefined
  status?: string | undefined
  /** Path of a unit whose subtree must hold a target. */
  unitPath?: string | undefined
  /** Open, with a pending target within the scope. */
  awaitingMe?: boolean | undefined
  /** Sweeps whose findings opened this problem. */
  child?: string | undefined
}

/** A target row of `sweeps.id` whose unit (alias `tu`) satisfies `cond`. */
function hasTarget(cond: SQL | undefined, pendingOnly = false): SQL {
  return sql`exists (select 1 from ${sweepUnits} su join ${units} tu on tu.id = su.unit_id
    where su.sweep_id = ${sweeps.id}${pendingOnly ? sql` and su.status = 'pending'` : sql``}${
      cond ? sql` and ${cond}` : sql``
    })`
}

function where(f: SweepFilter): SQL | undefined {
  return and(
    f.targetPath ? hasTarget(f.targetPath) : undefined,
    f.problem ? eq(sweeps.problemId, f.problem) : undefined,
    f.status ? eq(sweeps.status, f.status) : undefined,
    f.unitPath !== undefined
      ? hasTarget(sql`tu.path like ${`${likeEscape(f.unitPath)}%`}`)
      : undefined,
    f.awaitingMe ? and(eq(sweeps.status, 'open'), hasTarget(f.targetPath, true)) : undefined,
    f.child
      ? sql`exists (select 1 from ${sweepFindings} sf where sf.sweep_id = ${sweeps.id}
          and sf.problem_id = ${f.child})`
      : undefined,
  )
}

/** Sweeps, their target units and the child problems their findings opened. SQL only. */
export const sweepsRepository = {
  insert(db: DbOrTx, values: typeof sweeps.$inferInsert) {
    return db.insert(sweeps).values(values)
  },

  insertUnits(db: DbOrTx, sweepId: string, unitIds: readonly string[]) {
    return db.insert(sweepUnits).values(unitIds.map((unitId) => ({ sweepId, unitId })))
  },

  findById(db: DbOrTx, id: string, targetPath: SQL | undefined) {
    return db
      .select()
      .from(sweeps)
      .where(and(eq(sweeps.id, id), targetPath ? hasTarget(targetPath) : undefined))
      .then((r) => r[0])
  },

  lockById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(sweeps)
      .where(eq(sweeps.id, id))
      .for('update')
      .then((r) => r[0])
  },

  /** Latest launched first (ids are UUIDv7): `limit` rows after the cursor id. */
  list(db: DbOrTx, f: SweepFilter, limit: number, afterId: string | null) {
    return db
      .select()
      .from(sweeps)
      .where(and(where(f), afterId ? lt(sweeps.id, afterId) : undefined))
      .orderBy(desc(sweeps.id))
      .limit(limit)
  },

  count(db: DbOrTx, f: SweepFilter) {
    return db
      .select({ n: count() })
      .from(sweeps)
      .where(where(f))
      .then((r) => r[0]?.n ?? 0)
  },

  /** The target rows of the sweeps whose unit satisfies `targetPath`, by unit code. */
  targets(db: DbOrTx, sweepIds: readonly string[], targetPath: SQL | undefined) {
    if (!sweepIds.length) return Promise.resolve([])
    return db
      .select({
        sweepId: sweepUnits.sweepId,
        unitId: sweepUnits.unitId,
        unitCode: tu.code,
        unitName: tu.name,
        unitPath: tu.path,
        status: sweepUnits.status,
        statement: sweepUnits.statement,
        signedBy: sweepUnits.signedBy,
        reportedAt: sweepUnits.reportedAt,
        reportedBy: sweepUnits.reportedBy,
        reportedByName: sweepUnits.reportedByName,
      })
      .from(sweepUnits)
      .innerJoin(tu, eq(tu.id, sweepUnits.unitId))
      .where(and(inArray(sweepUnits.sweepId, [...sweepIds]), targetPath))
      .orderBy(asc(tu.code))
  },

  /** Locks one target row for the rest of the transaction. */
  lockTarget(db: DbOrTx, sweepId: string, unitId: string) {
    return db
      .select()
      .from(sweepUnits)
      .where(and(eq(sweepUnits.sweepId, sweepId), eq(sweepUnits.unitId, unitId)))
      .for('update')
      .then((r) => r[0])
  },

  setReport(
    db: DbOrTx,
    sweepId: string,
    unitId: string,
    set: Partial<typeof sweepUnits.$inferInsert>,
  ) {
    return db
      .update(sweepUnits)
      .set(set)
      .where(and(eq(sweepUnits.sweepId, sweepId), eq(sweepUnits.unitId, unitId)))
  },

  /** Bumps the version with the change. */
  update(db: DbOrTx, id: string, set: Partial<typeof sweeps.$inferInsert>) {
    return db
      .update(sweeps)
      .set({ ...set, version: sql`${sweeps.version} + 1` })
      .where(eq(sweeps.id, id))
  },

  pendingCount(db: DbOrTx, sweepId: string) {
    return db
      .select({ n: count() })
      .from(sweepUnits)
      .where(and(eq(sweepUnits.sweepId, sweepId), eq(sweepUnits.status, 'pending')))
      .then((r) => r[0]?.n ?? 0)
  },

  insertFinding(db: DbOrTx, values: typeof sweepFindings.$inferInsert) {
    return db.insert(sweepFindings).values(values)
  },

  /** The child problems the sweeps' findings opened, with the reporting unit, by code. */
  findings(db: DbOrTx, sweepIds: readonly string[]) {
    if (!sweepIds.length) return Promise.resolve([])
    return db
      .select({
        sweepId: sweepFindings.sweepId,
        unitId: sweepFindings.unitId,
        id: problems.id,
        code: problems.code,
        title: problems.title,
        status: problems.status,
      })
      .from(sweepFindings)
      .innerJoin(problems, eq(problems.id, sweepFindings.problemId))
      .where(inArray(sweepFindings.sweepId, [...sweepIds]))
      .orderBy(asc(problems.codeKey))
  },

  /** How many problems name `parentId` as their parent (to number a new child). */
  childCount(db: DbOrTx, parentId: string) {
    return db
      .select({ n: count() })
      .from(problems)
      .where(eq(problems.parentId, parentId))
      .then((r) => r[0]?.n ?? 0)
  },

  /** The parent problems of the sweeps (code, title, status). */
  problems(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({
        id: problems.id,
        code: problems.code,
        title: problems.title,
        status: problems.status,
      })
      .from(problems)
      .where(inArray(problems.id, [...ids]))
  },
}
