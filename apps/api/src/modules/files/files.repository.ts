import { and, asc, eq, inArray, isNull, lt, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { files, problems } from '../../db/schema/index.js'

export type FileRow = typeof files.$inferSelect

export const filesRepository = {
  insert(db: DbOrTx, values: typeof files.$inferInsert) {
    return db
      .insert(files)
      .values(values)
      .returning()
      .then((r) => r[0]!)
  },

  findById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(files)
      .where(eq(files.id, id))
      .then((r) => r[0])
  },

  /** True when the problem exists and `scope` lets the actor see it. */
  problemVisible(db: DbOrTx, problemId: string, scope: SQL | undefined) {
    return db
      .select({ id: problems.id })
      .from(problems)
      .where(and(eq(problems.id, problemId), scope))
      .then((r) => r.length > 0)
  },

  /** The given files, locked, that `uploadedBy` uploaded and that are not attached to anything yet. */
  lockAttachable(db: DbOrTx, ids: string[], uploadedBy: string) {
    if (!ids.length) return Promise.resolve([] as FileRow[])
    return db
      .select()
      .from(files)
      .where(and(inArray(files.id, ids), eq(files.uploadedBy, uploadedBy), isNull(files.ownerType)))
      .for('update')
  },

  attach(
    db: DbOrTx,
    ids: string[],
    owner: { ownerType: string; ownerId: string; problemId: string | null },
  ) {
    if (!ids.length) return Promise.resolve()
    return db
      .update(files)
      .set(owner)
      .where(inArray(files.id, ids))
      .then(() => undefined)
  },

  listByOwners(db: DbOrTx, ownerType: string, ownerIds: string[]) {
    if (!ownerIds.length) return Promise.resolve([] as FileRow[])
    return db
      .select()
      .from(files)
      .where(and(eq(files.ownerType, ownerType), inArray(files.ownerId, ownerIds)))
      .orderBy(asc(files.id))
  },

  /** Deletes up to `limit` files never attached and uploaded before `before`; returns them. */
  deleteUnattached(db: DbOrTx, before: Date, limit: number) {
    const stale = db
      .select({ id: files.id })
      .from(files)
      .where(and(isNull(files.ownerType), lt(files.createdAt, before)))
      .orderBy(asc(files.id))
      .limit(limit)
    return db
      .delete(files)
      .where(and(inArray(files.id, stale), isNull(files.ownerType)))
      .returning()
  },
}
