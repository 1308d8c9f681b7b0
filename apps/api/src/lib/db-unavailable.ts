/**
 * Errors that mean "the database cannot be reached right now", as opposed to a query it
 * refused: the server is down, restarting or shutting down, the connection dropped, or no
 * connection could be had in time. Requests that meet one answer 503 with Retry-After, and
 * background jobs back off; nothing about the request itself was wrong.
 */

/** Node socket errors of a connection that could not be made or was lost. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/** PostgreSQL SQLSTATEs of a server going away or refusing connections for now. */
const PG_STATES = new Set([
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
])

/** Messages node-postgres, pg-pool and PGlite use for a lost or unobtainable connection (no code). */
const MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Connection ended unexpectedly/,
  // The embedded database closed or closing: at shutdown, or while it reopens after it stopped.
  /^PGlite is clos(ed|ing)$/,
]

/**
 * A read replica (hot standby) cancelled a read that conflicted with the changes it replays
 * (rows a vacuum on the primary removed, a lock the primary took): SQLSTATE 40001 or 40P01, like
 * a serialization failure, but nothing about the request was wrong and a retry will do. Told
 * apart by the raising routine (ProcessInterrupts / ProcessRecoveryConflictInterrupt), whose
 * name is never translated, or by the message when the server sends it in English.
 */
function recoveryConflict(code: string, message: unknown, routine: unknown): boolean {
  if (code !== '40001' && code !== '40P01') return false
  return (
    (typeof routine === 'string' && /^Process\w*Interrupts?$/.test(routine)) ||
    (typeof message === 'string' && /conflict with recovery/.test(message))
  )
}

/** True when `err` (or an error it wraps) says the database is unreachable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const { code, message, routine } = e as { code?: unknown; message?: unknown; routine?: unknown }
    if (typeof code === 'string') {
      if (SOCKET_CODES.has(code) || PG_STATES.has(code) || code.startsWith('08')) return true
      if (recoveryConflict(code, message, routine)) return true
    }
    if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true
    // net.connect to several addresses (localhost: ::1 and 127.0.0.1) fails with an AggregateError.
    if (e instanceof AggregateError && e.errors.some((x) => isDatabaseUnavailable(x))) return true
  }
  return false
}

/** Seconds a client is told to wait (Retry-After) while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5
