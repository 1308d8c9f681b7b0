import { and, asc, count, eq, inArray, max, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  extensions,
  measures,
  milestones,
  problems,
  progressReports,
  units,
} from '../../db/schema/index.js'

export type MeasureRow = typeof measures.$inferSelect
export type MilestoneRow = typeof milestones.$inferSelect
/** A measure with its unit's code and name. */
export type MeasureWithUnit = { measure: MeasureRow; unitCode: string; unitName: string }

/** What the plan and progress rules need to know about a problem. */
const problemColumns = {
  id: problems.id,
  status: problems.status,
  mode: problems.mode,
  deadline: problems.deadline,
  leadUnitId: problems.leadUnitId,
  reportedProgress: problems.reportedProgress,
  leadUnitPath: units.path,
}
export type PlanProblem = {
  id: string
  status: string
  mode: string
  deadline: string
  leadUnitId: string
  reportedProgress: number
  leadUnitPath: string
}

export const measuresRepository = {
  /** The problem if `scope` lets the actor see it. */
  findProblem(db: DbOrTx, id: string, scope?: SQL): Promise<PlanProblem | undefined> {
    return db
      .select(problemColumns)
      .from(problems)
      .innerJoin(units, eq(units.id, problems.leadUnitId))
      .where(and(eq(problems.id, id), scope))
      .then((r) => r[0])
  },

  /** Locks the problem row for the rest of the transaction (serialises with transitions). */
  lockProblem(db: DbOrTx, id: string) {
    return db
      .select({ id: problems.id })
      .from(problems)
      .where(eq(problems.id, id))
      .for('update')
      .then((r) => r[0])
  },

  setReportedProgress(db: DbOrTx, id: string, reportedProgress: number) {
    return db.update(problems).set({ reportedProgress }).where(eq(problems.id, id))
  },

  /** A problem's measures in plan order, with their units. */
  listByProblem(db: DbOrTx, problemId: string): Promise<MeasureWithUnit[]> {
    return db
      .select({ measure: measures, unitCode: units.code, unitName: units.name })
      .from(measures)
      .innerJoin(units, eq(units.id, measures.unitId))
      .where(eq(measures.problemId, problemId))
      .orderBy(asc(measures.seq))
  },

  findWithUnit(db: DbOrTx, id: string): Promise<MeasureWithUnit | undefined> {
    return db
      .select({ measure: measures, unitCode: units.code, unitName: units.name })
      .from(measures)
      .innerJoin(units, eq(units.id, measures.unitId))
      .where(eq(measures.id, id))
      .then((r) => r[0])
  },

  findById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(measures)
      .where(eq(measures.id, id))
      .then((r) => r[0])
  },

  lockById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(measures)
      .where(eq(measures.id, id))
      .for('update')
      .then((r) => r[0])
  },

  milestonesOf(db: DbOrTx, measureIds: string[]): Promise<MilestoneRow[]> {
    if (!measureIds.length) return Promise.resolve([])
    return db
      .select()
      .from(milestones)
      .where(inArray(milestones.measureId, measureIds))
      .orderBy(asc(milestones.measureId), asc(milestones.seq))
  },

  nextSeq(db: DbOrTx, problemId: string): Promise<number> {
    return db
      .select({ n: max(measures.seq) })
      .from(measures)
      .where(eq(measures.problemId, problemId))
      .then((r) => (r[0]?.n ?? 0) + 1)
  },

  insert(db: DbOrTx, values: typeof measures.$inferInsert) {
    return db
      .insert(measures)
      .values(values)
      .returning()
      .then((r) => r[0]!)
  },

  update(db: DbOrTx, id: string, set: Partial<typeof measures.$inferInsert>) {
    return db
      .update(measures)
      .set({ ...set, updatedAt: new Date(), version: sql`${measures.version} + 1` })
      .where(eq(measures.id, id))
      .returning()
      .then((r) => r[0]!)
  },

  /** Replaces a measure's milestones with `rows` (in order). */
  async replaceMilestones(
    db: DbOrTx,
    measureId: string,
    rows: Omit<typeof milestones.$inferInsert, 'measureId' | 'seq'>[],
  ) {
    await db.delete(milestones).where(eq(milestones.measureId, measureId))
    if (rows.length)
      await db.insert(milestones).values(rows.map((r, i) => ({ ...r, measureId, seq: i + 1 })))
  },

  async remove(db: DbOrTx, id: string) {
    await db.delete(milestones).where(eq(milestones.measureId, id))
    await db.delete(measures).where(eq(measures.id, id))
  },

  /** Reports and extension requests that point at the measure (which then cannot be deleted). */
  async countReferences(db: DbOrTx, id: string): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(progressReports)
      .where(eq(progressReports.measureId, id))
    const [e] = await db.select({ n: count() }).from(extensions).where(eq(extensions.measureId, id))
    return (r?.n ?? 0) + (e?.n ?? 0)
  },
}
