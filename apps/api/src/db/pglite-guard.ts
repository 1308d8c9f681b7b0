import type { PGlite } from '@electric-sql/pglite'

/** The embedded PostgreSQL stopped (exited or trapped): every query after it fails with this. */
export class EmbeddedDatabaseStopped extends Error {
  /** crash_shutdown: what the error handler and the jobs read as "the database is unavailable". */
  readonly code = '57P02'
  constructor(readonly reason: unknown) {
    super(`the embedded database (PGlite) stopped: ${describe(reason)}`, {
      cause: reason,
    })
    this.name = 'EmbeddedDatabaseStopped'
  }
}

/** The wasm module's entry points the guard wraps. */
interface MainLoop {
  _PostgresMainLoopOnce: () => unknown
  _PostgresMainLongJmp: () => unknown
}

/**
 * Makes a PGlite whose PostgreSQL stops (exits or traps) answer each query with
 * EmbeddedDatabaseStopped instead of spinning forever, and tells `onStop`.
 *
 * PGlite 0.5 runs PostgreSQL's main loop synchronously (execProtocolRawSync) and swallows every
 * exception the loop throws except the longjmp of an ordinary ERROR (emscripten's ExitStatus
 * with PGlite's POSTGRES_MAIN_LONGJMP status), then calls the loop again. After an exit (a FATAL
 * ends in proc_exit) it calls the dead backend again and again at 100 % CPU, synchronously, so no
 * timer of the process ever fires again (electric-sql/pglite#1058, fixed upstream by a pull
 * request not yet released). After a trap (seen: `RuntimeError: null function or function
 * signature mismatch` inside pg_trgm, now and then, in the browser tests' petition pages and
 * test/petitions-repeats) the backend is left half-way through a statement, and the next calls
 * hang or spin the same way. Either way this backend is done for, as a PostgreSQL backend that
 * crashed is.
 *
 * The guard wraps the two entry points that loop calls. The first exception that is not the
 * ERROR longjmp marks the backend stopped and is turned into that longjmp, so the loop's catch
 * calls the recovery entry point, which now throws the recorded error out of the loop: the query
 * rejects, PGlite's query lock is released, and every later query on this instance rejects the
 * same way at once. db/client.ts then opens the data directory again (`onStop`), as PostgreSQL's
 * postmaster restarts after a backend crash. It checks the internals it relies on when installed
 * and refuses a PGlite that lacks them.
 */
export function guardEmbeddedDatabase(
  client: PGlite,
  onStop: (stopped: EmbeddedDatabaseStopped) => void = () => undefined,
): void {
  // Both are internals (`mod` is protected in PGlite's types), hence the checks below.
  const internals = client as unknown as {
    mod?: Partial<MainLoop>
    POSTGRES_MAIN_LONGJMP?: unknown
  }
  const mod = internals.mod
  const longJmp = internals.POSTGRES_MAIN_LONGJMP
  const loopOnce = mod?._PostgresMainLoopOnce
  const recover = mod?._PostgresMainLongJmp
  if (!mod || typeof loopOnce !== 'function' || typeof recover !== 'function')
    throw new Error('PGlite has changed its main loop: review db/pglite-guard.ts for this version')
  if (typeof longJmp !== 'number')
    throw new Error('PGlite has changed its error longjmp: review db/pglite-guard.ts')
  const jump = { status: longJmp }
  let stopped: EmbeddedDatabaseStopped | undefined
  mod._PostgresMainLoopOnce = () => {
    if (stopped) throw jump
    try {
      return loopOnce()
    } catch (error) {
      if ((error as { status?: unknown } | null)?.status === longJmp) throw error
      stopped = new EmbeddedDatabaseStopped(error)
      // Nothing else reports it: the query's own error may be lost to PGlite's clean-up.
      process.stderr.write(`${stopped.message}\n${(error as Error | null)?.stack ?? ''}\n`)
      const told = stopped
      queueMicrotask(() => onStop(told))
      throw jump
    }
  }
  mod._PostgresMainLongJmp = () => {
    if (stopped) throw stopped
    return recover()
  }
}

/** An Error, or emscripten's ExitStatus (a plain object: name, message, status). */
function describe(reason: unknown): string {
  const { name, message, status } = (reason ?? {}) as Record<string, unknown>
  if (typeof message === 'string') return `${typeof name === 'string' ? name : 'Error'}: ${message}`
  if (status !== undefined) return `exit status ${String(status)}`
  return String(reason)
}
