import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  assessmentRules,
  cardSuggestions,
  cards,
  dispatchPeriods,
  problems,
  units,
} from '../../db/schema/index.js'

export type SuggestionRow = typeof cardSuggestions.$inferSelect
export type CardRow = typeof cards.$inferSelect

/** SQL of card suggestions, cards and the assessment rule table. */
export const cardsRepository = {
  listSuggestions(db: DbOrTx, where: SQL | undefined, limit: number, beforeId: string | null) {
    return db
      .select()
      .from(cardSuggestions)
      .where(and(where, beforeId ? lt(cardSuggestions.id, beforeId) : undefined))
      .orderBy(desc(cardSuggestions.id))
      .limit(limit)
  },

  countSuggestions(db: DbOrTx, where: SQL | undefined) {
    return db
      .select({ n: count() })
      .from(cardSuggestions)
      .where(where)
      .then((r) => r[0]?.n ?? 0)
  },

  findSuggestion(db: DbOrTx, id: string, lock = false) {
    const q = db.select().from(cardSuggestions).where(eq(cardSuggestions.id, id))
    return (lock ? q.for('update') : q).then((r) => r[0])
  },

  /** Inserts the suggestions whose key is new; returns those inserted. */
  insertSuggestions(db: DbOrTx, rows: (typeof cardSuggestions.$inferInsert)[]) {
    if (!rows.length) return Promise.resolve([] as SuggestionRow[])
    return db.insert(cardSuggestions).values(rows).onConflictDoNothing().returning()
  },

  decide(db: DbOrTx, id: string, set: Partial<typeof cardSuggestions.$inferInsert>) {
    return db
      .update(cardSuggestions)
      .set({ ...set, version: sql`${cardSuggestions.version} + 1` })
      .where(eq(cardSuggestions.id, id))
  },

  listCards(db: DbOrTx, where: SQL | undefined, limit: number, beforeId: string | null) {
    return db
      .select({ card: cards })
      .from(cards)
      .innerJoin(units, eq(units.id, cards.unitId))
      .where(and(where, beforeId ? lt(cards.id, beforeId) : undefined))
      .orderBy(desc(cards.id))
      .limit(limit)
      .then((r) => r.map((x) => x.card))
  },

  countCards(db: DbOrTx, where: SQL | undefined) {
    return db
      .select({ n: count() })
      .from(cards)
      .innerJoin(units, eq(units.id, cards.unitId))
      .where(where)
      .then((r) => r[0]?.n ?? 0)
  },

  findCard(db: DbOrTx, id: string) {
    return db
      .select()
      .from(cards)
      .where(eq(cards.id, id))
      .then((r) => r[0])
  },

  insertCard(db: DbOrTx, values: typeof cards.$inferInsert) {
    return db
      .insert(cards)
      .values(values)
      .returning()
      .then((r) => r[0]!)
  },

  unitsByIds(db: DbOrTx, ids: string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({ id: units.id, name: units.name, path: units.path })
      .from(units)
      .where(inArray(units.id, [...new Set(ids)]))
  },

  problemsByIds(db: DbOrTx, ids: string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({
        id: problems.id,
        code: problems.code,
        title: problems.title,
        leadUnitId: problems.leadUnitId,
      })
      .from(problems)
      .where(inArray(problems.id, [...new Set(ids)]))
  },

  // ── Facts the suggestion rules read

  /** Open problems whose light is `light`, with their lead unit and deadline. */
  problemsWithLight(db: DbOrTx, light: string) {
    return db
      .select({
        id: problems.id,
        code: problems.code,
        title: problems.title,
        leadUnitId: problems.leadUnitId,
        deadline: problems.deadline,
        lightReasons: problems.lightReasons,
      })
      .from(problems)
      .where(
        and(
          eq(problems.light, light),
          inArray(problems.status, ['draft', 'plan_review', 'in_progress']),
        ),
      )
  },

  /** Closed periods with their frozen summaries, by round, latest period first. */
  closedPeriods(db: DbOrTx) {
    return db
      .select({
        id: dispatchPeriods.id,
        roundId: dispatchPeriods.roundId,
        period: dispatchPeriods.period,
        summary: dispatchPeriods.summary,
      })
      .from(dispatchPeriods)
      .where(eq(dispatchPeriods.status, 'closed'))
      .orderBy(asc(dispatchPeriods.roundId), desc(dispatchPeriods.period))
  },

  cardsOfColor(db: DbOrTx, color: 'yellow' | 'red', from?: string, to?: string) {
    return db
      .select()
      .from(cards)
      .where(
        and(
          eq(cards.color, color),
          from ? sql`${cards.issuedOn} >= ${from}` : undefined,
          to ? sql`${cards.issuedOn} <= ${to}` : undefined,
        ),
      )
      .orderBy(asc(cards.issuedOn), asc(cards.id))
  },

  // ── Assessment rules

  rules(db: DbOrTx) {
    return db.select().from(assessmentRules).orderBy(asc(assessmentRules.code))
  },

  lockRule(db: DbOrTx, code: string) {
    return db
      .select()
      .from(assessmentRules)
      .where(eq(assessmentRules.code, code))
      .for('update')
      .then((r) => r[0])
  },

  updateRule(db: DbOrTx, code: string, set: { points?: number; description?: string }) {
    return db
      .update(assessmentRules)
      .set({ ...set, version: sql`${assessmentRules.version} + 1` })
      .where(eq(assessmentRules.code, code))
      .returning()
      .then((r) => r[0]!)
  },
}
