import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  lt,
  ne,
  sql,
  type SQL,
} from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  dispatchPeriods,
  measures,
  problems,
  progressReports,
  rounds,
  units,
} from '../../db/schema/index.js'
import { overdueSql } from '../problems/index.js'

export type DispatchPeriodRow = typeof dispatchPeriods.$inferSelect & { roundName: string }

const periodColumns = {
  id: dispatchPeriods.id,
  roundId: dispatchPeriods.roundId,
  period: dispatchPeriods.period,
  title: dispatchPeriods.title,
  dueDate: dispatchPeriods.dueDate,
  status: dispatchPeriods.status,
  summary: dispatchPeriods.summary,
  openedBy: dispatchPeriods.openedBy,
  bulletinRequirements: dispatchPeriods.bulletinRequirements,
  closedAt: dispatchPeriods.closedAt,
  version: dispatchPeriods.version,
  createdAt: dispatchPeriods.createdAt,
  roundName: rounds.name,
}

const lead = aliasedTable(units, 'lead_unit')

/** SQL of dispatch periods and of the facts their board and summary are computed from. */
export const dispatchRepository = {
  /** Newest first (UUIDv7 ids are creation order). */
  list(db: DbOrTx, where: SQL | undefined, limit: number, beforeId: string | null) {
    return db
      .select(periodColumns)
      .from(dispatchPeriods)
      .innerJoin(rounds, eq(rounds.id, dispatchPeriods.roundId))
      .where(and(where, beforeId ? lt(dispatchPeriods.id, beforeId) : undefined))
      .orderBy(desc(dispatchPeriods.id))
      .limit(limit)
  },

  count(db: DbOrTx, where: SQL | undefined) {
    return db
      .select({ n: count() })
      .from(dispatchPeriods)
      .where(where)
      .then((r) => r[0]?.n ?? 0)
  },

  filter(round?: string, status?: string): SQL | undefined {
    return and(
      round ? eq(dispatchPeriods.roundId, round) : undefined,
      status ? eq(dispatchPeriods.status, status) : undefined,
    )
  },

  findById(db: DbOrTx, id: string, lock = false) {
    const q = db
      .select(periodColumns)
      .from(dispatchPeriods)
      .innerJoin(rounds, eq(rounds.id, dispatchPeriods.roundId))
      .where(eq(dispatchPeriods.id, id))
    return (lock ? q.for('update', { of: dispatchPeriods }) : q).then((r) => r[0])
  },

  exists(db: DbOrTx, roundId: string, period: string) {
    return db
      .select({ id: dispatchPeriods.id })
      .from(dispatchPeriods)
      .where(and(eq(dispatchPeriods.roundId, roundId), eq(dispatchPeriods.period, period)))
      .then((r) => r.length > 0)
  },

  insert(db: DbOrTx, values: typeof dispatchPeriods.$inferInsert) {
    return db.insert(dispatchPeriods).values(values).onConflictDoNothing().returning()
  },

  close(db: DbOrTx, id: string, summary: unknown, at: Date) {
    return db
      .update(dispatchPeriods)
      .set({
        status: 'closed',
        summary,
        closedAt: at,
        version: sql`${dispatchPeriods.version} + 1`,
      })
      .where(and(eq(dispatchPeriods.id, id), ne(dispatchPeriods.status, 'closed')))
      .returning({ id: dispatchPeriods.id })
  },

  /** Problems of a round (optionally only some statuses) with their lead unit and overdue flag. */
  roundProblems(
    db: DbOrTx,
    roundId: string,
    today: string,
    scope: SQL | undefined,
    statuses?: string[],
  ) {
    return db
      .select({
        id: problems.id,
        code: problems.code,
        title: problems.title,
        status: problems.status,
        light: problems.light,
        outcome: problems.outcome,
        deadline: problems.deadline,
        leadUnitId: problems.leadUnitId,
        leadUnitName: lead.name,
        overdue: sql<boolean>`${overdueSql(today)}`,
      })
      .from(problems)
      .innerJoin(lead, eq(lead.id, problems.leadUnitId))
      .where(
        and(
          eq(problems.roundId, roundId),
          scope,
          statuses ? inArray(problems.status, statuses) : undefined,
        ),
      )
      .orderBy(asc(problems.codeKey), asc(problems.id))
  },

  /** The distinct units of the measures of `problemIds`, with their names and paths. */
  measureUnits(db: DbOrTx, problemIds: string[]) {
    if (!problemIds.length) return Promise.resolve([])
    return db
      .selectDistinct({
        problemId: measures.problemId,
        unitId: units.id,
        unitName: units.name,
        path: units.path,
      })
      .from(measures)
      .innerJoin(units, eq(units.id, measures.unitId))
      .where(inArray(measures.problemId, problemIds))
  },

  unitsByIds(db: DbOrTx, ids: string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({ id: units.id, name: units.name, path: units.path })
      .from(units)
      .where(inArray(units.id, ids))
  },

  /** (problem, unit) pairs with a live report (submitted or accepted) for `period`. */
  liveReports(db: DbOrTx, problemIds: string[], period: string) {
    if (!problemIds.length) return Promise.resolve([])
    return db
      .selectDistinct({ problemId: progressReports.problemId, unitId: progressReports.unitId })
      .from(progressReports)
      .where(
        and(
          inArray(progressReports.problemId, problemIds),
          eq(progressReports.period, period),
          ne(progressReports.status, 'returned'),
        ),
      )
  },
}
