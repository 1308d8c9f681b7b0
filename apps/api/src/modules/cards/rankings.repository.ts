import { and, count, eq, lt, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { cards, notices, problems, units } from '../../db/schema/index.js'
import { overdueSql } from '../problems/index.js'

/** The facts a year's ranking is computed from, a few grouped queries. */
export const rankingsRepository = {
  /** Problems whose deadline falls within [from, to], with their lead unit and overdue flag. */
  problemsDue(db: DbOrTx, from: string, to: string, today: string) {
    return db
      .select({
        id: problems.id,
        code: problems.code,
        title: problems.title,
        status: problems.status,
        light: problems.light,
        outcome: problems.outcome,
        leadUnitId: problems.leadUnitId,
        leadUnitName: units.name,
        overdue: sql<boolean>`${overdueSql(today)}`,
      })
      .from(problems)
      .innerJoin(units, eq(units.id, problems.leadUnitId))
      .where(sql`${problems.deadline} between ${from} and ${to}`)
  },

  /** Cards issued in [from, to], counted by unit and colour. */
  cardCounts(db: DbOrTx, from: string, to: string) {
    return db
      .select({ unitId: cards.unitId, unitName: units.name, color: cards.color, n: count() })
      .from(cards)
      .innerJoin(units, eq(units.id, cards.unitId))
      .where(sql`${cards.issuedOn} between ${from} and ${to}`)
      .groupBy(cards.unitId, units.name, cards.color)
  },

  /** Notices of `year` still awaiting a reply after their reply date, counted by unit. */
  overdueReplies(db: DbOrTx, year: number, today: string) {
    return db
      .select({ unitId: notices.unitId, unitName: units.name, n: count() })
      .from(notices)
      .innerJoin(units, eq(units.id, notices.unitId))
      .where(and(eq(notices.year, year), eq(notices.status, 'issued'), lt(notices.replyDue, today)))
      .groupBy(notices.unitId, units.name)
  },
}
