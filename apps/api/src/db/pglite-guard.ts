import type { PGlite } from '@electric-sql/pglite'

/** The embedded PostgreSQL stopped (exited or trapped): every query after it fails with this. */
export class EmbeddedDatabaseStopped extends Error {
  /** crash_shutdown: what the error handler and the jobs read as "the database is unavailable". */
  readonly code = '57P02'
  constructor(readonly reason: unknown) {
    super(`the embedded database (PGlite) stopped: ${describe(reason)}; restart the API`, {
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
 * Non-exit exceptions in a row (no iteration of the loop ending normally in between) after which
 * the backend counts as stopped all the same: a loop that only ever throws is spinning.
 */
const MAX_THROWS_IN_A_ROW = 1000

/**
 * Makes a PGlite whose PostgreSQL exits answer each query with EmbeddedDatabaseStopped instead
 * of spinning forever.
 *
 * PGlite 0.5 runs PostgreSQL's main loop synchronously (execProtocolRawSync) and swallows every
 * exception the loop throws except the longjmp of an ordinary ERROR (emscripten's ExitStatus
 * with PGlite's POSTGRES_MAIN_LONGJMP status). When the backend exits (a FATAL ends in
 * proc_exit: ExitStatus with another status), the loop calls the dead backend again and again at
 * 100 % CPU, synchronously, so no timer of the process ever fires again: an embedded API stops
 * answering for good, and a test's worker runs until it is killed (electric-sql/pglite#1058,
 * fixed upstream by a pull request not yet released; the test suite met it now and then in
 * test/petitions-repeats.test.ts).
 *
 * The guard wraps the two entry points that loop calls. An exit marks the backend dead and is
 * turned into that longjmp, so the loop's catch calls the recovery entry point, which now throws
 * the recorded error out of the loop: the query rejects, PGlite's query lock is released, and
 * every later query rejects the same way at once. Any other exception (one a JavaScript callback
 * threw inside the loop, a native stack overflow) goes to stderr and on to PGlite, which goes on
 * as it always has; only MAX_THROWS_IN_A_ROW of them with nothing else between count as a stop.
 * It checks the internals it relies on when installed and refuses a PGlite that lacks them.
 */
export function guardEmbeddedDatabase(client: PGlite): void {
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
  let throwsInARow = 0
  const stop = (reason: unknown): never => {
    stopped = new EmbeddedDatabaseStopped(reason)
    // Nothing else reports it: the query's own error may be lost to PGlite's clean-up.
    process.stderr.write(`${stopped.message}\n`)
    throw jump
  }
  mod._PostgresMainLoopOnce = () => {
    if (stopped) throw jump
    try {
      const result = loopOnce()
      throwsInARow = 0
      return result
    } catch (error) {
      const { name, status } = (error ?? {}) as { name?: unknown; status?: unknown }
      if (status === longJmp) {
        throwsInARow = 0
        throw error
      }
      if (name === 'ExitStatus' || ++throwsInARow >= MAX_THROWS_IN_A_ROW) return stop(error)
      if (throwsInARow === 1)
        process.stderr.write(
          `the embedded database (PGlite) met an exception inside PostgreSQL's main loop and goes on: ${describe(error)}\n${(error as Error | null)?.stack ?? ''}\n`,
        )
      throw error
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
