/**
 * When a signed-in session must end: after `idleTimeoutSeconds` without user activity, or at
 * the absolute `expiresAt` the server announced, whichever comes first. A warning is due one
 * minute before the idle limit so the user can stay by moving the mouse or pressing a key.
 */
export const IDLE_WARNING_MS = 60_000

export type SessionVerdict = 'ok' | 'warn' | 'idle' | 'expired'

export interface SessionClock {
  now: number
  lastActivity: number
  idleTimeoutSeconds: number
  /** RFC 3339 timestamp, or null when the server set no absolute limit. */
  expiresAt: string | null
}

export function sessionVerdict(clock: SessionClock): SessionVerdict {
  const expiresAt = clock.expiresAt ? Date.parse(clock.expiresAt) : Number.NaN
  if (!Number.isNaN(expiresAt) && clock.now >= expiresAt) return 'expired'
  const idleMs = clock.idleTimeoutSeconds * 1000
  if (idleMs <= 0) return 'ok'
  const idleFor = clock.now - clock.lastActivity
  if (idleFor >= idleMs) return 'idle'
  if (idleFor >= idleMs - Math.min(IDLE_WARNING_MS, idleMs / 2)) return 'warn'
  return 'ok'
}
