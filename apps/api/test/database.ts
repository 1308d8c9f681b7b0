import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase, type Database } from '../src/db/client.js'

export const TEMPLATE_DB = 'rectify_test_template'

export function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

/**
 * A fresh, migrated database for one test file: a copy of the template on PostgreSQL
 * (TEST_DATABASE_URL), or the migrated snapshot restored into an in-memory PGlite.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const name = `rectify_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`)
    await admin.end()
    const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 10 })
    const close = database.close
    database.close = async () => {
      await close()
      const a = new pg.Client({ connectionString: url })
      await a.connect()
      await a.query(`drop database if exists ${name} with (force)`)
      await a.end()
    }
    return database
  }
  const snapshot = readFileSync(inject('pgliteSnapshot'))
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([snapshot]) })
}
