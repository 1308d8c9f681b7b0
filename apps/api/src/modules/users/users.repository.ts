import { and, count, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { loginThrottle, units, users } from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'

export interface UserFilter {
  scope?: SQL | undefined
  /** Path of a unit whose subtree to list. */
  unitPath?: string | undefined
  role?: string | undefined
  status?: string | undefined
  q?: string | undefined
}

/** A user row with its unit and any running lock. */
const columns = {
  user: users,
  unitCode: units.code,
  unitName: units.name,
  unitPath: units.path,
  lockedUntil:
    sql<Date | null>`case when ${loginThrottle.lockedUntil} > now() then ${loginThrottle.lockedUntil} end`.mapWith(
      (v: string | Date | null) => (v ? new Date(v) : null),
    ),
}

function where(f: UserFilter): SQL | undefined {
  return and(
    f.scope,
    f.unitPath ? sql`${units.path} like ${`${likeEscape(f.unitPath)}%`}` : undefined,
    f.role ? sql`${users.roles} @> array[${f.role}]::text[]` : undefined,
    f.status ? eq(users.status, f.status) : undefined,
    f.q
      ? or(
          ilike(users.username, `%${likeEscape(f.q)}%`),
          ilike(users.displayName, `%${likeEscape(f.q)}%`),
        )
      : undefined,
  )
}

function base(db: DbOrTx) {
  return db
    .select(columns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .leftJoin(loginThrottle, eq(loginThrottle.usernameKey, sql`lower(${users.username})`))
}

export type UserWithUnit = Awaited<ReturnType<typeof base>>[number]

export const usersRepository = {
  /** Display names of the named users (who created or changed a record). */
  displayNames(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, [...ids]))
  },

  /** One user's display name (undefined for an unknown id). */
  displayName(db: DbOrTx, id: string) {
    return db
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.id, id))
      .then((r) => r[0]?.name)
  },

  /** Newest first (ids are UUIDv7), after the cursor's id. */
  list(db: DbOrTx, f: UserFilter, limit: number, beforeId: string | null) {
    return base(db)
      .where(and(where(f), beforeId ? lt(users.id, beforeId) : undefined))
      .orderBy(desc(users.id))
      .limit(limit)
  },

  count(db: DbOrTx, f: UserFilter) {
    return db
      .select({ n: count() })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(where(f))
      .then((r) => r[0]?.n ?? 0)
  },

  findById(db: DbOrTx, id: string, scope?: SQL) {
    return base(db)
      .where(and(eq(users.id, id), scope))
      .then((r) => r[0])
  },

  lockById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(users)
      .where(eq(users.id, id))
      .for('update')
      .then((r) => r[0])
  },

  usernameTaken(db: DbOrTx, username: string) {
    return db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`)
      .then((r) => r.length > 0)
  },

  insert(db: DbOrTx, values: typeof users.$inferInsert) {
    return db.insert(users).values(values)
  },

  update(db: DbOrTx, id: string, set: Partial<typeof users.$inferInsert>) {
    return db
      .update(users)
      .set({ ...set, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, id))
  },
}
