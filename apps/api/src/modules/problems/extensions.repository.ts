import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { extensions, measures, milestones } from '../../db/schema/index.js'

export type ExtensionRow = typeof extensions.$inferSelect

/** Deadline extension requests, and the deadlines (of a problem's measures) they move. */
export const extensionsRepository = {
  listByProblem(db: DbOrTx, problemId: string) {
    return db
      .select()
      .from(extensions)
      .where(eq(extensions.problemId, problemId))
      .orderBy(asc(extensions.id))
  },

  findById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(extensions)
      .where(eq(extensions.id, id))
      .then((r) => r[0])
  },

  lockById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(extensions)
      .where(eq(extensions.id, id))
      .for('update')
      .then((r) => r[0])
  },

  /** The open request for the same deadline (the problem's, or one measure's), if any. */
  findPending(db: DbOrTx, problemId: string, measureId: string | null) {
    return db
      .select({ id: extensions.id })
      .from(extensions)
      .where(
        and(
          eq(extensions.problemId, problemId),
          measureId ? eq(extensions.measureId, measureId) : isNull(extensions.measureId),
          eq(extensions.status, 'requested'),
        ),
      )
      .then((r) => r[0])
  },

  insert(db: DbOrTx, values: typeof extensions.$inferInsert) {
    return db
      .insert(extensions)
      .values(values)
      .returning()
      .then((r) => r[0]!)
  },

  decide(
    db: DbOrTx,
    id: string,
    set: Pick<
      typeof extensions.$inferInsert,
      'status' | 'decisionReason' | 'decidedBy' | 'decidedAt'
    >,
  ) {
    return db
      .update(extensions)
      .set({ ...set, version: sql`${extensions.version} + 1` })
      .where(eq(extensions.id, id))
      .returning()
      .then((r) => r[0]!)
  },

  /** A measure of the problem, locked (its deadline may move). */
  lockMeasure(db: DbOrTx, problemId: string, measureId: string) {
    return db
      .select({
        id: measures.id,
        deadline: measures.deadline,
        originalDeadline: measures.originalDeadline,
        unitId: measures.unitId,
      })
      .from(measures)
      .where(and(eq(measures.id, measureId), eq(measures.problemId, problemId)))
      .for('update')
      .then((r) => r[0])
  },

  /** The problem's measures due on or after `date`, locked: they move with a problem-level grant. */
  lockMeasuresDueFrom(db: DbOrTx, problemId: string, date: string) {
    return db
      .select({
        id: measures.id,
        deadline: measures.deadline,
        originalDeadline: measures.originalDeadline,
        unitId: measures.unitId,
      })
      .from(measures)
      .where(and(eq(measures.problemId, problemId), gte(measures.deadline, date)))
      .orderBy(asc(measures.seq))
      .for('update')
  },

  /** The measures a grant would move (see lockMeasuresDueFrom) with their open milestones, read only. */
  async moving(db: DbOrTx, problemId: string, measureId: string | null, date: string) {
    const ms = await db
      .select({
        id: measures.id,
        seq: measures.seq,
        content: measures.content,
        deadline: measures.deadline,
      })
      .from(measures)
      .where(
        and(
          eq(measures.problemId, problemId),
          measureId ? eq(measures.id, measureId) : gte(measures.deadline, date),
        ),
      )
      .orderBy(asc(measures.seq))
    const stones = ms.length
      ? await db
          .select({
            id: milestones.id,
            measureId: milestones.measureId,
            name: milestones.name,
            dueDate: milestones.dueDate,
          })
          .from(milestones)
          .where(
            and(
              inArray(
                milestones.measureId,
                ms.map((m) => m.id),
              ),
              isNull(milestones.doneDate),
            ),
          )
          .orderBy(asc(milestones.seq))
      : []
    return ms.map((m) => ({ ...m, milestones: stones.filter((x) => x.measureId === m.id) }))
  },

  /** Shifts a measure's milestones not yet done by `days` (its reverse timetable moves with it). */
  shiftOpenMilestones(db: DbOrTx, measureId: string, days: number) {
    return db
      .update(milestones)
      .set({ dueDate: sql`${milestones.dueDate} + ${days}::int` })
      .where(and(eq(milestones.measureId, measureId), isNull(milestones.doneDate)))
      .returning({ id: milestones.id, dueDate: milestones.dueDate })
  },

  /** Moves a measure's deadline, keeping the first deadline it ever had. */
  extendMeasure(db: DbOrTx, measureId: string, deadline: string, originalDeadline: string) {
    return db
      .update(measures)
      .set({
        deadline,
        originalDeadline,
        updatedAt: new Date(),
        version: sql`${measures.version} + 1`,
      })
      .where(eq(measures.id, measureId))
  },
}
