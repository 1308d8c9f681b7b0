import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  accountabilityProblems,
  accountabilityRecords,
  files,
  problems,
  units,
} from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'

export type AccountabilityRow = typeof accountabilityRecords.$inferSelect
export type AccountabilityChanges = Partial<typeof accountabilityRecords.$inferInsert>

export interface AccountabilityFilter {
  form?: string | undefined
  subjectKind?: string | undefined
  unitPath?: string | undefined
  from?: string | undefined
  to?: string | undefined
  problem?: string | undefined
  scope: SQL | undefined
}

function where(f: AccountabilityFilter) {
  return and(
    f.scope,
    f.form ? eq(accountabilityRecords.form, f.form) : undefined,
    f.subjectKind ? eq(accountabilityRecords.subjectKind, f.subjectKind) : undefined,
    f.unitPath
      ? sql`exists (select 1 from ${units} fu where fu.id = ${accountabilityRecords.unitId}
          and fu.path like ${`${likeEscape(f.unitPath)}%`})`
      : undefined,
    f.from ? sql`${accountabilityRecords.decisionDate} >= ${f.from}` : undefined,
    f.to ? sql`${accountabilityRecords.decisionDate} <= ${f.to}` : undefined,
    f.problem
      ? sql`exists (select 1 from ${accountabilityProblems} ap where ap.record_id = ${accountabilityRecords.id}
          and ap.problem_id = ${f.problem})`
      : undefined,
  )
}

/** Accountability records and the problems that caused them. SQL only. */
export const accountabilityRepository = {
  insert(db: DbOrTx, values: typeof accountabilityRecords.$inferInsert) {
    return db.insert(accountabilityRecords).values(values)
  },

  findById(db: DbOrTx, id: string, scope: SQL | undefined) {
    return db
      .select()
      .from(accountabilityRecords)
      .where(and(eq(accountabilityRecords.id, id), scope))
      .then((r) => r[0])
  },

  lockById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(accountabilityRecords)
      .where(eq(accountabilityRecords.id, id))
      .for('update')
      .then((r) => r[0])
  },

  /** Latest decisions first: `limit` rows after the cursor (decision date, id). */
  list(db: DbOrTx, f: AccountabilityFilter, limit: number, after: [string, string] | null) {
    return db
      .select()
      .from(accountabilityRecords)
      .where(
        and(
          where(f),
          after
            ? sql`(${accountabilityRecords.decisionDate}, ${accountabilityRecords.id}) < (${after[0]}::date, ${after[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(accountabilityRecords.decisionDate), desc(accountabilityRecords.id))
      .limit(limit)
  },

  count(db: DbOrTx, f: AccountabilityFilter) {
    return db
      .select({ n: count() })
      .from(accountabilityRecords)
      .where(where(f))
      .then((r) => r[0]?.n ?? 0)
  },

  /** Records per (form, subject kind) under the filter. */
  countBy(db: DbOrTx, f: AccountabilityFilter) {
    return db
      .select({
        form: accountabilityRecords.form,
        subjectKind: accountabilityRecords.subjectKind,
        n: count(),
      })
      .from(accountabilityRecords)
      .where(where(f))
      .groupBy(accountabilityRecords.form, accountabilityRecords.subjectKind)
  },

  /** Records per (unit, form) under the filter, units in path order (the counts export). */
  countByUnit(db: DbOrTx, f: AccountabilityFilter) {
    return db
      .select({
        unitId: units.id,
        unitName: units.name,
        form: accountabilityRecords.form,
        n: count(),
      })
      .from(accountabilityRecords)
      .innerJoin(units, eq(units.id, accountabilityRecords.unitId))
      .where(where(f))
      .groupBy(units.id, units.name, units.path, accountabilityRecords.form)
      .orderBy(asc(units.path))
  },

  /** Bumps the version with the change. */
  update(db: DbOrTx, id: string, set: AccountabilityChanges) {
    return db
      .update(accountabilityRecords)
      .set({ ...set, updatedAt: new Date(), version: sql`${accountabilityRecords.version} + 1` })
      .where(eq(accountabilityRecords.id, id))
  },

  async setProblems(db: DbOrTx, id: string, problemIds: readonly string[]) {
    await db.delete(accountabilityProblems).where(eq(accountabilityProblems.recordId, id))
    if (problemIds.length)
      await db
        .insert(accountabilityProblems)
        .values(problemIds.map((problemId) => ({ recordId: id, problemId })))
  },

  /** The problems of the records, with code and title. */
  problems(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({
        recordId: accountabilityProblems.recordId,
        id: problems.id,
        code: problems.code,
        title: problems.title,
      })
      .from(accountabilityProblems)
      .innerJoin(problems, eq(problems.id, accountabilityProblems.problemId))
      .where(inArray(accountabilityProblems.recordId, [...ids]))
      .orderBy(asc(problems.codeKey))
  },

  /** Which of the named problems exist. */
  existingProblems(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([] as string[])
    return db
      .select({ id: problems.id })
      .from(problems)
      .where(inArray(problems.id, [...ids]))
      .then((r) => r.map((x) => x.id))
  },

  files(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([] as (typeof files.$inferSelect)[])
    return db
      .select()
      .from(files)
      .where(and(eq(files.ownerType, 'accountability'), inArray(files.ownerId, [...ids])))
      .orderBy(asc(files.id))
  },

  /** The records of a problem the scope lets through, oldest decision first (the dossier). */
  ofProblem(db: DbOrTx, problemId: string, scope: SQL | undefined) {
    return db
      .select({
        record: accountabilityRecords,
        unitName: units.name,
      })
      .from(accountabilityRecords)
      .innerJoin(units, eq(units.id, accountabilityRecords.unitId))
      .where(and(where({ problem: problemId, scope })))
      .orderBy(asc(accountabilityRecords.decisionDate), asc(accountabilityRecords.id))
  },
}
