import { and, asc, count, eq, gt, ilike, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { units, users } from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'

export type UnitRow = typeof units.$inferSelect

/** Advisory-lock key that serialises changes to the tree (the audit chain uses 7_263_000_001). */
const TREE_LOCK_KEY = 7_263_000_002

export interface UnitFilter {
  scope?: SQL | undefined
  parent?: string | undefined
  q?: string | undefined
  active?: boolean | undefined
}

function where(f: UnitFilter): SQL | undefined {
  return and(
    f.scope,
    f.parent ? eq(units.parentId, f.parent) : undefined,
    f.active === undefined ? undefined : eq(units.active, f.active),
    f.q
      ? or(ilike(units.name, `%${likeEscape(f.q)}%`), ilike(units.code, `%${likeEscape(f.q)}%`))
      : undefined,
  )
}

export const unitsRepository = {
  /**
   * A page in tree order (by materialised path), after the unit `afterId`. The cursor names the
   * unit rather than carrying its path: a path grows with depth and would outgrow the cursor limit.
   */
  list(db: DbOrTx, f: UnitFilter, limit: number, afterId: string | null) {
    return db
      .select()
      .from(units)
      .where(
        and(
          where(f),
          afterId
            ? gt(units.path, sql`(select c.path from ${units} c where c.id = ${afterId})`)
            : undefined,
        ),
      )
      .orderBy(asc(units.path))
      .limit(limit)
  },

  count(db: DbOrTx, f: UnitFilter) {
    return db
      .select({ n: count() })
      .from(units)
      .where(where(f))
      .then((r) => r[0]?.n ?? 0)
  },

  findById(db: DbOrTx, id: string, scope?: SQL) {
    return db
      .select()
      .from(units)
      .where(and(eq(units.id, id), scope))
      .then((r) => r[0])
  },

  findByCode(db: DbOrTx, code: string) {
    return db
      .select()
      .from(units)
      .where(eq(units.code, code))
      .then((r) => r[0])
  },

  /**
   * Locks the row for the rest of the transaction: `share` to rely on it (e.g. that it is
   * active) while another transaction may not change it, `update` to change it.
   */
  lockById(db: DbOrTx, id: string, strength: 'update' | 'share' = 'update') {
    return db
      .select()
      .from(units)
      .where(eq(units.id, id))
      .for(strength)
      .then((r) => r[0])
  },

  /**
   * Serialises writers of the tree until the transaction ends. Their rules read several rows
   * (not under its own subtree, no active sub-units, the parent's path and state), which a lock on
   * the unit alone does not protect: concurrent cross moves deadlocked or formed a cycle, a child
   * created under a unit being deactivated stayed active, a child created during a move kept the
   * old path.
   */
  lockTree(db: DbOrTx) {
    return db.execute(sql`select pg_advisory_xact_lock(${TREE_LOCK_KEY})`)
  },

  insert(db: DbOrTx, values: typeof units.$inferInsert) {
    return db
      .insert(units)
      .values(values)
      .returning()
      .then((r) => r[0]!)
  },

  update(db: DbOrTx, id: string, set: Partial<typeof units.$inferInsert>) {
    return db
      .update(units)
      .set({ ...set, updatedAt: new Date(), version: sql`${units.version} + 1` })
      .where(eq(units.id, id))
      .returning()
      .then((r) => r[0]!)
  },

  /** Rewrites the paths of a moved subtree (the unit itself included). */
  movePaths(db: DbOrTx, oldPath: string, newPath: string) {
    return db
      .update(units)
      .set({ path: sql`${newPath} || substr(${units.path}, ${oldPath.length + 1})` })
      .where(sql`${units.path} like ${`${likeEscape(oldPath)}%`}`)
  },

  countActiveChildren(db: DbOrTx, id: string) {
    return db
      .select({ n: count() })
      .from(units)
      .where(and(eq(units.parentId, id), eq(units.active, true)))
      .then((r) => r[0]?.n ?? 0)
  },

  countActiveUsers(db: DbOrTx, id: string) {
    return db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.unitId, id), eq(users.status, 'active')))
      .then((r) => r[0]?.n ?? 0)
  },

  /** True when `userId` is an active user of the unit itself (its contact or head candidates). */
  isUserOf(db: DbOrTx, userId: string, unitId: string) {
    return db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.unitId, unitId), eq(users.status, 'active')))
      .then((r) => r.length > 0)
  },

  roots(db: DbOrTx) {
    return db.select().from(units).where(isNull(units.parentId))
  },
}
