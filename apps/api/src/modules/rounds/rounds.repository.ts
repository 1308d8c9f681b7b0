import { and, count, desc, eq, lt, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { rounds } from '../../db/schema/index.js'

export type RoundRow = typeof rounds.$inferSelect

export const roundsRepository = {
  /** Newest first: ids are UUIDv7, so id order is creation order. */
  list(db: DbOrTx, limit: number, beforeId: string | null) {
    return db
      .select()
      .from(rounds)
      .where(beforeId ? lt(rounds.id, beforeId) : undefined)
      .orderBy(desc(rounds.id))
      .limit(limit)
  },

  count(db: DbOrTx) {
    return db
      .select({ n: count() })
      .from(rounds)
      .then((r) => r[0]?.n ?? 0)
  },

  findById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(rounds)
      .where(eq(rounds.id, id))
      .then((r) => r[0])
  },

  /** Locks the row for the rest of the transaction. */
  lockById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(rounds)
      .where(eq(rounds.id, id))
      .for('update')
      .then((r) => r[0])
  },

  nameTaken(db: DbOrTx, name: string, exceptId?: string) {
    return db
      .select({ id: rounds.id })
      .from(rounds)
      .where(and(eq(rounds.name, name), exceptId ? ne(rounds.id, exceptId) : undefined))
      .then((r) => r.length > 0)
  },

  insert(db: DbOrTx, values: typeof rounds.$inferInsert) {
    return db
      .insert(rounds)
      .values(values)
      .returning()
      .then((r) => r[0]!)
  },

  update(db: DbOrTx, id: string, set: Partial<typeof rounds.$inferInsert>) {
    return db
      .update(rounds)
      .set({ ...set, updatedAt: new Date(), version: sql`${rounds.version} + 1` })
      .where(eq(rounds.id, id))
      .returning()
      .then((r) => r[0]!)
  },
}
