import { and, asc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  cards,
  dispatchPeriods,
  notices,
  petitionBatches,
  petitions,
  units,
} from '../../db/schema/index.js'

/** SQL of the dispatch bulletin: its editable text and the facts of the period it reports. */
export const bulletinRepository = {
  /** Saves the requirements when the version still matches; bumps it. Empty: stale or gone. */
  saveRequirements(db: DbOrTx, id: string, version: number, requirements: string) {
    return db
      .update(dispatchPeriods)
      .set({ bulletinRequirements: requirements, version: sql`${dispatchPeriods.version} + 1` })
      .where(and(eq(dispatchPeriods.id, id), eq(dispatchPeriods.version, version)))
      .returning({ version: dispatchPeriods.version })
  },

  /** Notices issued between `from` and `to` (dates, inclusive), in number order. */
  noticesIssued(db: DbOrTx, from: string, to: string) {
    return db
      .select({
        year: notices.year,
        seq: notices.seq,
        level: notices.level,
        title: notices.title,
        unitName: units.name,
      })
      .from(notices)
      .innerJoin(units, eq(units.id, notices.unitId))
      .where(sql`${notices.issuedOn} between ${from} and ${to}`)
      .orderBy(asc(notices.year), asc(notices.seq))
  },

  /** Cards issued between `from` and `to` (dates, inclusive), oldest first. */
  cardsIssued(db: DbOrTx, from: string, to: string) {
    return db
      .select({
        color: cards.color,
        reason: cards.reason,
        issuedOn: cards.issuedOn,
        unitName: units.name,
      })
      .from(cards)
      .innerJoin(units, eq(units.id, cards.unitId))
      .where(sql`${cards.issuedOn} between ${from} and ${to}`)
      .orderBy(asc(cards.issuedOn), asc(cards.id))
  },

  /** The condition "a case handed over in a batch of the round" on the petitions table. */
  ofRound(roundId: string) {
    return sql`exists (select 1 from ${petitionBatches} rb where rb.id = ${petitions.batchId} and rb.round_id = ${roundId})`
  },
}
