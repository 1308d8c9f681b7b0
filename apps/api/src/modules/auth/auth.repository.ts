import { and, eq, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  apiClients,
  loginThrottle,
  refreshTokens,
  sessions,
  units,
  users,
} from '../../db/schema/index.js'

/** SQL for sessions, refresh tokens, the login throttle and principal look-ups. No rules here. */
export const authRepository = {
  findUserByUsername(db: DbOrTx, username: string) {
    return db
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`)
      .limit(1)
      .then((r) => r[0])
  },

  throttle(db: DbOrTx, usernameKey: string) {
    return db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.usernameKey, usernameKey))
      .then((r) => r[0])
  },

  /** Counts one failure; returns the new count (the row is locked by the upsert). */
  async addFailure(
    db: DbOrTx,
    usernameKey: string,
    now: Date,
    maxFailures: number,
    lockUntil: Date,
  ) {
    const [row] = await db
      .insert(loginThrottle)
      .values({ usernameKey, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.usernameKey,
        set: {
          // A lock that has run out starts the count afresh.
          failures: sql`case when ${loginThrottle.lockedUntil} is not null and ${loginThrottle.lockedUntil} <= ${now} then 1 else ${loginThrottle.failures} + 1 end`,
          lockedUntil: sql`case when ${loginThrottle.lockedUntil} is not null and ${loginThrottle.lockedUntil} <= ${now} then null else ${loginThrottle.lockedUntil} end`,
          lastFailureAt: now,
        },
      })
      .returning()
    if (row && row.failures >= maxFailures && !row.lockedUntil) {
      await db
        .update(loginThrottle)
        .set({ lockedUntil: lockUntil })
        .where(eq(loginThrottle.usernameKey, usernameKey))
      return { failures: row.failures, locked: true }
    }
    return { failures: row?.failures ?? 1, locked: false }
  },

  clearThrottle(db: DbOrTx, usernameKey: string) {
    return db.delete(loginThrottle).where(eq(loginThrottle.usernameKey, usernameKey))
  },

  insertSession(db: DbOrTx, values: typeof sessions.$inferInsert) {
    return db.insert(sessions).values(values)
  },

  insertRefreshToken(db: DbOrTx, values: typeof refreshTokens.$inferInsert) {
    return db.insert(refreshTokens).values(values)
  },

  findRefreshToken(db: DbOrTx, tokenHash: string) {
    return db
      .select({ token: refreshTokens, session: sessions })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .limit(1)
      .then((r) => r[0])
  },

  /** Marks a refresh token used; false when somebody used it first (a reuse). */
  async markUsed(db: DbOrTx, id: string, now: Date): Promise<boolean> {
    const rows = await db
      .update(refreshTokens)
      .set({ usedAt: now })
      .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.usedAt)))
      .returning({ id: refreshTokens.id })
    return rows.length === 1
  },

  revokeSession(db: DbOrTx, id: string, reason: string, now: Date) {
    return db
      .update(sessions)
      .set({ revokedAt: now, revokedReason: reason })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id })
  },

  /** Revokes every live session of a user except `keep`; returns how many. */
  async revokeUserSessions(db: DbOrTx, userId: string, reason: string, now: Date, keep?: string) {
    const rows = await db
      .update(sessions)
      .set({ revokedAt: now, revokedReason: reason })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          keep ? sql`${sessions.id} <> ${keep}` : undefined,
        ),
      )
      .returning({ id: sessions.id })
    return rows.length
  },

  touchSession(db: DbOrTx, id: string, now: Date) {
    return db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id))
  },

  /** The user behind a session, with the unit path needed for scoping. */
  userPrincipal(db: DbOrTx, userId: string, sessionId: string) {
    return db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        roles: users.roles,
        status: users.status,
        unitId: users.unitId,
        unitPath: units.path,
        sessionRevokedAt: sessions.revokedAt,
        sessionExpiresAt: sessions.expiresAt,
        sessionLastSeenAt: sessions.lastSeenAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(units, eq(units.id, users.unitId))
      .where(and(eq(sessions.id, sessionId), eq(users.id, userId)))
      .limit(1)
      .then((r) => r[0])
  },

  clientPrincipal(db: DbOrTx, id: string) {
    return db
      .select({ client: apiClients, unitPath: units.path })
      .from(apiClients)
      .leftJoin(units, eq(units.id, apiClients.unitId))
      .where(eq(apiClients.id, id))
      .limit(1)
      .then((r) => r[0])
  },

  findClientByClientId(db: DbOrTx, clientId: string) {
    return db
      .select()
      .from(apiClients)
      .where(eq(apiClients.clientId, clientId))
      .limit(1)
      .then((r) => r[0])
  },

  setLastLogin(db: DbOrTx, userId: string, now: Date) {
    return db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId))
  },

  /** Sets a new password hash; bumps the version so open edit forms see the change. */
  setPassword(db: DbOrTx, userId: string, passwordHash: string, now: Date) {
    return db
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: now,
        updatedAt: now,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, userId))
  },

  /** A user with its unit and one of its sessions (GET /me). */
  me(db: DbOrTx, userId: string, sessionId: string) {
    return db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        roles: users.roles,
        passwordChangedAt: users.passwordChangedAt,
        unitId: units.id,
        unitCode: units.code,
        unitName: units.name,
        expiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(units, eq(units.id, users.unitId))
      .where(and(eq(sessions.id, sessionId), eq(users.id, userId)))
      .then((r) => r[0])
  },
}
