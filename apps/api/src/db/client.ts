import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import pg from 'pg'
import * as schema from './schema/index.js'

/** The drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>
/** A transaction handle; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export interface Database {
  db: Db
  kind: 'postgres' | 'pglite'
  /** Runs raw SQL (used by readiness checks, the bench and maintenance commands). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  close(): Promise<void>
  /** The underlying PGlite instance when embedded (for data-directory backups). */
  pglite?: PGlite
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined
  /** PGlite data directory (ignored with a database URL); `memory://` for an in-memory one. */
  dataDir?: string
  /** A PGlite data-directory dump to start from (tests restore a migrated snapshot). */
  loadDataDir?: Blob
  poolSize?: number
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite data directory. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 })
    pool.on('error', () => {
      /* an idle client died; the pool replaces it */
    })
    const db = drizzlePg(pool, { schema }) as unknown as Db
    return {
      db,
      kind: 'postgres',
      query: async (text, params) => (await pool.query(text, params)).rows,
      close: () => pool.end(),
    }
  }
  const dataDir = opts.dataDir ?? 'memory://'
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
  const client = await PGlite.create(dataDir, {
    // pg_trgm: the petition repeat check (trigram similarity); PostgreSQL ships it in contrib.
    extensions: { pg_trgm },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  })
  const db = drizzlePglite(client, { schema }) as unknown as Db
  return {
    db,
    kind: 'pglite',
    pglite: client,
    query: async (text, params) => (await client.query(text, params)).rows as never,
    close: () => client.close(),
  }
}
