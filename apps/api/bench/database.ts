/**
 * Every bench run starts from a fresh copy of one seeded database, so runs do not grow the data
 * they measure (the import and export benches write tens of thousands of rows per run):
 *
 * - PostgreSQL (BENCH_DATABASE_URL): a template database next to the given one,
 *   `<db>_bench_<profile>`, migrated and seeded once (marked ready by its comment), then
 *   `CREATE DATABASE <db>_bench_run_<pid> TEMPLATE …` per run, dropped when the run ends;
 * - PGlite: a seeded data directory kept under apps/api/.bench/ (gitignored), copied into the
 *   run's temporary directory.
 *
 * The copy is migrated before use (a no-op unless a migration landed since the seed).
 * BENCH_RESEED=1 drops the kept template and seeds it again (e.g. to move its dates to today).
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { openDatabase, type Database } from '../src/db/client.js'
import { runMigrations } from '../src/db/migrate.js'
import { seedDemo } from '../src/seed/demo.js'
import { openFieldCipher } from '../src/lib/crypto/data-keys.js'
import { PROVINCE_DEFAULTS, seedProvince } from '../src/seed/province.js'

export interface BenchDatabaseOptions {
  /** 'province' adds the province-sized ledger to the demo city. */
  profile: 'demo' | 'province'
  /** Problems in the province profile. */
  problems: number
  /** The run's temporary directory (PGlite's copy goes there). */
  runDir: string
}

const READY = 'rectify bench template: seeded'
/**
 * The bench's key-encryption key: fixed, because the seeded template is kept between runs and
 * its data keys must unwrap on the next run too. Bench data only, never a real key.
 */
export const BENCH_DATA_KEY = Buffer.alloc(32, 7).toString('base64')
const KEPT = join(dirname(fileURLToPath(import.meta.url)), '../.bench')

/** The profile's name in database and directory names: `demo`, `province_50000`. */
export function profileKey(o: Pick<BenchDatabaseOptions, 'profile' | 'problems'>): string {
  return o.profile === 'province' ? `province_${o.problems}` : 'demo'
}

async function seed(database: Database, o: BenchDatabaseOptions): Promise<void> {
  await runMigrations(database)
  const { cipher } = await openFieldCipher(
    database,
    { CRYPTO_SUITE: 'intl', DATA_KEY: BENCH_DATA_KEY },
    KEPT,
  )
  await seedDemo(database.db, null, cipher)
  if (o.profile !== 'province') return
  const started = Date.now()
  await seedProvince(database, {
    ...PROVINCE_DEFAULTS,
    problems: o.problems,
    onProgress: (phase, done, total) => {
      if (done === total) console.error(`seeded ${phase}: ${total}`)
    },
  })
  console.error(`province profile seeded in ${Math.round((Date.now() - started) / 1000)} s`)
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

/** The name of this run's copy in PostgreSQL, next to the database of `url`. */
function runDatabaseName(url: string): string {
  const base = new URL(url).pathname.slice(1) || 'postgres'
  return `${base}_bench_run_${process.pid}`.slice(0, 63)
}

/**
 * The URL of this run's copy of the bench database (PostgreSQL), for a server the bench starts in
 * a process of its own (bench/server-memory.ts); null under PGlite.
 */
export function benchRunDatabaseUrl(): string | null {
  const url = process.env.BENCH_DATABASE_URL
  return url ? withDatabase(url, runDatabaseName(url)) : null
}

async function openPostgresCopy(url: string, o: BenchDatabaseOptions): Promise<Database> {
  const base = new URL(url).pathname.slice(1) || 'postgres'
  const template = `${base}_bench_${profileKey(o)}`.slice(0, 63)
  const run = runDatabaseName(url)
  const ready = await admin(url, async (c) => {
    const r = await c.query<{ comment: string | null }>(
      'select shobj_description(oid, $2) as comment from pg_database where datname = $1',
      [template, 'pg_database'],
    )
    const ok = r.rows[0]?.comment === READY && process.env.BENCH_RESEED !== '1'
    if (!ok) {
      await c.query(`drop database if exists "${template}" with (force)`)
      await c.query(`create database "${template}"`)
    }
    return ok
  })
  if (!ready) {
    console.error(`seeding the bench template ${template} (once; later runs copy it)`)
    const database = await openDatabase({ databaseUrl: withDatabase(url, template) })
    try {
      await seed(database, o)
    } finally {
      await database.close()
    }
    await admin(url, (c) => c.query(`comment on database "${template}" is '${READY}'`))
  }
  await admin(url, async (c) => {
    await c.query(`drop database if exists "${run}" with (force)`)
    await c.query(`create database "${run}" template "${template}"`)
  })
  const database = await openDatabase({ databaseUrl: withDatabase(url, run) })
  const close = database.close
  database.close = async () => {
    await close()
    await admin(url, (c) => c.query(`drop database if exists "${run}" with (force)`))
  }
  await runMigrations(database)
  return database
}

async function openPgliteCopy(o: BenchDatabaseOptions): Promise<Database> {
  const template = join(KEPT, `pglite-${profileKey(o)}`)
  const marker = join(template, '.rectify-bench-ready')
  if (!existsSync(marker) || process.env.BENCH_RESEED === '1') {
    rmSync(template, { recursive: true, force: true })
    mkdirSync(template, { recursive: true })
    console.error(`seeding the bench template ${template} (once; later runs copy it)`)
    const database = await openDatabase({ dataDir: template })
    try {
      await seed(database, o)
    } finally {
      await database.close()
    }
    writeFileSync(marker, `${new Date().toISOString()}\n`)
  }
  const copy = join(o.runDir, 'pglite')
  cpSync(template, copy, { recursive: true })
  const database = await openDatabase({ dataDir: copy })
  await runMigrations(database)
  return database
}

/** A fresh copy of the seeded bench database for this run (dropped/removed when closed). */
export function openBenchDatabase(o: BenchDatabaseOptions): Promise<Database> {
  const url = process.env.BENCH_DATABASE_URL
  return url ? openPostgresCopy(url, o) : openPgliteCopy(o)
}
