import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { sql } from 'drizzle-orm'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../src/db/client.js'
import { MIGRATIONS_FOLDER, migrationNames, runMigrations } from '../src/db/migrate.js'
import { seedDemo } from '../src/seed/demo.js'
import { openFieldCipher } from '../src/lib/crypto/data-keys.js'
import { verifyAuditChain } from '../src/modules/audit/audit.service.js'
import { openTestDatabase, withDatabase } from './database.js'

/**
 * An upgrade from the previous release: a database built with the previous release's migrations
 * (0000–0009, the release before issue 12–20's work) and holding the demo city's rows is migrated
 * to this build's schema. Every row of every table the old schema had must come through with its
 * old columns unchanged, and the audit chain must still verify.
 *
 * The old rows are the demo city as seeded today, copied column by column into the old schema (the
 * columns both schemas share), so they are realistic in shape and volume without needing the old
 * release's code. Migrations on main are never edited, so the first ten journal entries *are* the
 * previous release's migrations.
 */
const PREVIOUS_RELEASE_MIGRATIONS = 10
const TIMEOUT = 300_000
const pgUrl = process.env.TEST_DATABASE_URL
const oldName = `rectify_upgrade_${randomUUID().replace(/-/g, '').slice(0, 12)}`
const folder = mkdtempSync(join(tmpdir(), 'rectify-upgrade-'))

let current: Database
let old: Database

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: pgUrl })
  await c.connect()
  try {
    await c.query(statement)
  } finally {
    await c.end()
  }
}

/** The previous release's migrations: this build's folder with the journal cut after entry N. */
function previousReleaseFolder(): string {
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true })
  const file = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(file, 'utf8')) as { entries: unknown[] }
  journal.entries = journal.entries.slice(0, PREVIOUS_RELEASE_MIGRATIONS)
  writeFileSync(file, JSON.stringify(journal))
  return folder
}

/** The old schema's tables and their stored (non-generated) columns. */
async function oldTables(): Promise<Map<string, string[]>> {
  const rows = await old.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name
       from information_schema.columns c
       join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.is_generated = 'NEVER'
      order by c.table_name, c.ordinal_position`,
  )
  const tables = new Map<string, string[]>()
  for (const r of rows)
    tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name])
  return tables
}

const list = (columns: string[]) => columns.map((c) => `"${c}"`).join(', ')

/** Every row of a table, as canonical JSON text of the given columns, sorted. */
async function rowsOf(database: Database, table: string, columns: string[]): Promise<string[]> {
  const rows = await database.query<{ row: string }>(
    `select row_to_json(x)::text as row from (select ${list(columns)} from "${table}") x`,
  )
  return rows.map((r) => r.row).sort()
}

beforeAll(async () => {
  current = await openTestDatabase()
  const keys = await openFieldCipher(current, { CRYPTO_SUITE: 'intl' }, folder)
  await seedDemo(current.db, null, keys.cipher)
  if (pgUrl) {
    await admin(`create database ${oldName}`)
    old = await openDatabase({ databaseUrl: withDatabase(pgUrl, oldName), poolSize: 2 })
  } else old = await openDatabase({ dataDir: 'memory://' })
  const config = { migrationsFolder: previousReleaseFolder() }
  if (old.kind === 'postgres') await migratePg(old.db as never, config)
  else await migratePglite(old.db as never, config)

  // Copy the shared columns, table by table, with triggers and foreign keys off for the copy
  // (the rows are consistent as a whole; their order across tables is not). Needs a superuser,
  // as the suite's databases are.
  const tables = await oldTables()
  await old.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local session_replication_role = replica`))
    for (const [table, columns] of tables) {
      const rows = await current.query<{ rows: unknown }>(
        `select coalesce(json_agg(x), '[]'::json) as rows from (select ${list(columns)} from "${table}") x`,
      )
      const json = JSON.stringify(rows[0]?.rows ?? [])
      // Rows the old migrations laid down themselves (rules, calendar) are replaced by the city's.
      await tx.execute(sql.raw(`delete from "${table}"`))
      await tx.execute(
        sql`${sql.raw(`insert into "${table}" (${list(columns)}) select ${list(columns)} from json_populate_recordset(null::"${table}", `)}${json}::json)`,
      )
    }
  })
}, TIMEOUT)

afterAll(async () => {
  await old?.close()
  await current?.close()
  if (pgUrl) await admin(`drop database if exists ${oldName} with (force)`)
  rmSync(folder, { recursive: true, force: true })
})

describe('upgrade from the previous release', () => {
  it(
    'migrates to this build keeping every old row and column, and the audit chain verifies',
    { timeout: TIMEOUT },
    async () => {
      const tables = await oldTables()
      const before = new Map<string, string[]>()
      for (const [table, columns] of tables) before.set(table, await rowsOf(old, table, columns))
      // The copy is the demo city, not an empty schema.
      expect(before.get('problems')!.length).toBeGreaterThan(10)
      expect(before.get('audit_log')!.length).toBeGreaterThan(10)
      expect(before.get('petitions')!.length).toBeGreaterThan(0)

      const applied = await runMigrations(old)
      expect(applied).toEqual(migrationNames().slice(PREVIOUS_RELEASE_MIGRATIONS))
      expect(applied.length).toBeGreaterThan(0)

      for (const [table, columns] of tables) {
        const after = await rowsOf(old, table, columns)
        expect(after.length, `${table}: row count`).toBe(before.get(table)!.length)
        expect(after, `${table}: rows`).toEqual(before.get(table))
      }
      const verified = await verifyAuditChain(old)
      expect(verified, JSON.stringify(verified)).toMatchObject({ ok: true })
    },
  )
})
