import { mkdirSync } from 'node:fs'
import type { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import pg from 'pg'
import * as schema from './schema/index.js'
import { guardEmbeddedDatabase } from './pglite-guard.js'
import { templateFor } from './pglite-template.js'
import { withCommitHooks } from '../lib/commit-hooks.js'
import { settleWithin } from '../lib/settle-within.js'

/** The drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>
/** A transaction handle; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export interface Database {
  /** The primary: every write, and every read that must see the latest writes. */
  db: Db
  /**
   * Reads that may lag the primary by seconds (dashboards, exports, the public board, rankings):
   * the DATABASE_READ_URL pool — a streaming replica — when one is open, else `db` itself. Its
   * sessions are read-only, so a write sent here by mistake fails instead of landing on a
   * replica-shaped primary. A service takes it explicitly, never by default (db/README.md).
   */
  readDb: Db
  /** Where readDb goes: `replica` with DATABASE_READ_URL, `primary` without (and on PGlite). */
  reads: 'primary' | 'replica'
  kind: 'postgres' | 'pglite'
  /** Runs raw SQL (used by readiness checks, the bench and maintenance commands). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  /** Runs raw SQL where readDb reads (the replica's pool, else as `query`): readiness checks. */
  readQuery<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  close(): Promise<void>
  /** The underlying PGlite instance when embedded (for data-directory backups). */
  pglite?: PGlite
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined
  /**
   * PostgreSQL: a read replica's URL (DATABASE_READ_URL). A second pool opens on it for
   * `readDb`, its sessions read-only; absent, `readDb` is the primary's `db`. Needs databaseUrl.
   */
  readUrl?: string | undefined
  /** PGlite data directory (ignored with a database URL); `memory://` for an in-memory one. */
  dataDir?: string
  /** A PGlite data-directory dump to start from (tests restore a migrated snapshot). */
  loadDataDir?: Blob
  poolSize?: number
  /**
   * PostgreSQL: the server cancels any statement of this pool that runs longer (SQLSTATE 57014,
   * answered 503 by the error handler). 0 or absent: no limit. PGlite runs a statement to its end
   * in this very process and cannot interrupt it, so it has no equivalent.
   */
  statementTimeoutMs?: number
  /**
   * Told about every error of a pooled connection outside a query (PostgreSQL restarted or a
   * connection dropped). Such an error is not thrown anywhere: the failing query, if any, throws
   * its own, and the pool replaces the connection. Default: ignored.
   */
  onConnectionError?: (err: Error) => void
}

/** How long a request waits for a new connection before it is answered 503, not hung. */
const CONNECT_TIMEOUT_MS = 5000

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite data directory. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const onError = opts.onConnectionError ?? (() => undefined)
    const pool = openPool(opts.databaseUrl, opts, onError, {
      max: opts.poolSize ?? 20,
      fallback_application_name: 'rectify',
    })
    const db = withCommitHooks(drizzlePg(pool, { schema }) as unknown as Db, { pipelined: true })
    const readPool = opts.readUrl
      ? openPool(opts.readUrl, opts, onError, {
          max: opts.poolSize ?? 20,
          fallback_application_name: 'rectify-read',
          // Read-only sessions: a write routed here by mistake fails (SQLSTATE 25006) even when
          // the URL names the primary itself, rather than writing outside the primary's pool.
          options: '-c default_transaction_read_only=on',
        })
      : undefined
    return {
      db,
      readDb: readPool
        ? withCommitHooks(drizzlePg(readPool, { schema }) as unknown as Db, { pipelined: true })
        : db,
      reads: readPool ? 'replica' : 'primary',
      kind: 'postgres',
      query: async (text, params) => (await pool.query(text, params)).rows,
      readQuery: async (text, params) => (await (readPool ?? pool).query(text, params)).rows,
      close: async () => {
        await Promise.all([pool.end(), readPool?.end()])
      },
    }
  }
  if (opts.readUrl) throw new Error('a read replica (DATABASE_READ_URL) needs DATABASE_URL')
  const dataDir = opts.dataDir ?? 'memory://'
  const inMemory = dataDir.startsWith('memory://')
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  // PGlite (and drizzle's driver for it) load only when the embedded database is opened: its
  // JavaScript alone is some 40 MB of a PostgreSQL-backed API's memory, for nothing.
  const [{ PGlite }, { pg_trgm }, { pgcrypto }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/pgcrypto'),
    import('drizzle-orm/pglite'),
  ])
  // A new data directory starts from the template cluster when there is one, not from an initdb
  // of its own (db/pglite-template.ts).
  const loadDataDir = opts.loadDataDir ?? (inMemory ? undefined : await templateFor(dataDir))
  const create = async (load?: Blob) => {
    const client = await PGlite.create(dataDir, {
      // pg_trgm: the petition repeat check (trigram similarity); pgcrypto: SM3 for the audit
      // chain when CRYPTO_SUITE=sm (migration 0024). PostgreSQL ships both in contrib.
      extensions: { pg_trgm, pgcrypto },
      ...(load ? { loadDataDir: load } : {}),
    })
    // A directory's PostgreSQL that stops is opened again; one in memory has nothing to reopen.
    guardEmbeddedDatabase(client, inMemory ? undefined : () => void reopen())
    return client
  }
  let current = await create(loadDataDir)
  let closed = false
  let reopening: Promise<void> | undefined
  /**
   * After the embedded PostgreSQL stopped (db/pglite-guard.ts): a new PGlite on the same data
   * directory, as PostgreSQL's postmaster starts a new backend after one crashed (it recovers
   * from the write-ahead log what the dead one left half-done). Queries meanwhile fail fast with
   * EmbeddedDatabaseStopped (503, retry shortly); the first after it reaches the new one.
   */
  const reopen = () =>
    (reopening ??= (async () => {
      try {
        // The dead instance's files closed first (its close skips the shutdown checkpoint, which
        // needs the backend), within 5 s: a close that never ended must not hold the reopen.
        await settleWithin(current.close(), 5_000)
        if (closed) return
        current = await create()
        process.stderr.write('the embedded database (PGlite) was opened again after it stopped\n')
      } catch (err) {
        process.stderr.write(
          `the embedded database (PGlite) could not be opened again: ${String(err)}\n`,
        )
      } finally {
        reopening = undefined
      }
    })())
  // What drizzle and every caller hold: the PGlite in service now (its methods bound to it, as
  // PGlite keeps its state in private fields), an instance of PGlite for drizzle's checks.
  const client = new Proxy(current, {
    get(_target, key) {
      const value: unknown = Reflect.get(current, key, current)
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(current)
        : value
    },
  })
  const db = withCommitHooks(drizzlePglite(client, { schema }) as unknown as Db)
  return {
    db,
    readDb: db,
    reads: 'primary',
    kind: 'pglite',
    get pglite() {
      return current
    },
    query: async (text, params) => (await current.query(text, params)).rows as never,
    readQuery: async (text, params) => (await current.query(text, params)).rows as never,
    close: async () => {
      closed = true
      await reopening
      await current.close()
    },
  }
}

/** A pool of the API's connections to `url`, with the settings every pool shares. */
function openPool(
  url: string,
  opts: OpenDatabaseOptions,
  onError: (err: Error) => void,
  extra: pg.PoolConfig,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A dead peer (a restarted server, a dropped NAT entry) is noticed, not waited on forever.
    keepAlive: true,
    // Queries sent on a connection while one is running go out at once and are answered in
    // order (pg's pipeline mode): a transaction's reads that Promise.all their parts, and the
    // statements lib/commit-hooks.ts `send` puts in front of COMMIT, cost one round trip, not one
    // each. Each query keeps its own Sync: outside a transaction a failure stays its own; inside
    // one, the statements after it fail as the aborted transaction refuses them.
    pipeline: true,
    ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
    ...extra,
  })
  // An idle connection that dies is reported here and dropped by the pool.
  pool.on('error', onError)
  // A connection checked out between two queries (inside a transaction, a streamed export)
  // emits 'error' on itself, where the pool has no listener: unhandled, that 'error' event
  // would end the process. The query in progress, or the next one, fails with its own error;
  // pg-pool drops the connection when it is released.
  pool.on('connect', (client) => client.on('error', onError))
  return pool
}
