import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { Database } from './client.js'

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url))

/** The migrations this build ships, from drizzle's journal. */
export function expectedMigrations(): number {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[]
  }
  return journal.entries.length
}

/** Applies every pending migration. The one function used by the CLI, the start path and the tests. */
export async function runMigrations(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER }
  if (database.kind === 'postgres') await migratePg(database.db as never, config)
  else await migratePglite(database.db as never, config)
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
