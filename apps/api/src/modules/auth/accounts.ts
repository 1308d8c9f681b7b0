import type { DbOrTx } from '../../db/client.js'
import { authRepository as repo } from './auth.repository.js'

// What other code does to an account's sign-in (the users module's admin actions, the CLI's
// recovery), in the caller's transaction; the caller audits. Sessions, the login throttle and
// password hashes are otherwise this module's own tables.

/** The account signed in as `username` (case-insensitively), if any. */
export async function findAccount(db: DbOrTx, username: string) {
  const user = await repo.findUserByUsername(db, username)
  return user && { id: user.id, username: user.username }
}

/** Ends every live session of an account; returns how many. */
export function endSessions(tx: DbOrTx, userId: string, reason: string, now: Date) {
  return repo.revokeUserSessions(tx, userId, reason, now)
}

/**
 * Replaces an account's password by someone else (an admin, the CLI): the new hash, any login
 * lock lifted, every session ended; returns how many sessions ended.
 */
export async function replacePassword(
  tx: DbOrTx,
  user: { id: string; username: string },
  passwordHash: string,
  now: Date,
): Promise<number> {
  await repo.setPassword(tx, user.id, passwordHash, now)
  await repo.clearThrottle(tx, user.username.toLowerCase())
  return repo.revokeUserSessions(tx, user.id, 'password_reset', now)
}
