import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import { API_DIR } from '../config.js'
import type { Database } from './client.js'

/** apps/api/drizzle, from the sources and from the build alike (API_DIR). */
export const MIGRATIONS_FOLDER = join(API_DIR, 'drizzle')

/** The names of the migrations this build ships, in order (drizzle's journal tags). */
export function migrationNames(): string[] {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[]
  }
  return journal.entries.map((e) => e.tag)
}

/** How many migrations this build ships. */
export function expectedMigrations(): number {
  return migrationNames().length
}

/**
 * Applies every pending migration and returns the names of those it applied (in order; empty
 * when the schema was current). The one function used by the CLI, the start path and the tests.
 */
export async function runMigrations(database: Database): Promise<string[]> {
  const before = await appliedMigrations(database)
  const config = { migrationsFolder: MIGRATIONS_FOLDER }
  if (database.kind === 'postgres') await migratePg(database.db as never, config)
  else {
    // PGlite's driver only where PGlite runs (client.ts says why).
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator')
    await migratePglite(database.db as never, config)
  }
  return migrationNames().slice(before, await appliedMigrations(database))
}

/** How many migrations the database has applied (0 when it has never been migrated). */
export async function appliedMigrations(database: Database): Promise<number> {
  const rows = await database.query<{ n: string | number }>(
    `select count(*) as n from information_schema.tables
      where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`,
  )
  if (Number(rows[0]?.n ?? 0) === 0) return 0
  const applied = await database.query<{ n: string | number }>(
    'select count(*) as n from drizzle.__drizzle_migrations',
  )
  return Number(applied[0]?.n ?? 0)
}
