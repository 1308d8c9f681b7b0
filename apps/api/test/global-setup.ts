import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../src/db/client.js'
import { runMigrations } from '../src/db/migrate.js'
import { TEMPLATE_DB, withDatabase } from './database.js'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string
  }
}

/**
 * Migrates once for the whole run: on PostgreSQL into a template database that every test file
 * copies; on PGlite into a data-directory dump that every test file restores.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`)
    await admin.query(`create database ${TEMPLATE_DB}`)
    await admin.end()
    const database = await openDatabase({
      databaseUrl: withDatabase(url, TEMPLATE_DB),
      poolSize: 1,
    })
    await runMigrations(database)
    await database.close()
    project.provide('pgliteSnapshot', '')
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'rectify-test-'))
  const database = await openDatabase({ dataDir: 'memory://' })
  await runMigrations(database)
  const dump = await database.pglite!.dumpDataDir('none')
  await database.close()
  const file = join(dir, 'migrated.tar')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteSnapshot', file)
  return () => rmSync(dir, { recursive: true, force: true })
}
