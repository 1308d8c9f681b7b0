/**
 * The app built only to read its OpenAPI document: on a migrated in-memory PGlite, in a
 * throwaway data directory, with every background job off. Nothing is served or kept.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { openDatabase } from '../src/db/client.js'
import { runMigrations } from '../src/db/migrate.js'

export async function createDocumentApp(): Promise<{ doc: unknown; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-openapi-'))
  const database = await openDatabase({ dataDir: 'memory://' })
  await runMigrations(database)
  const config = loadConfig(
    {},
    {
      LOG_LEVEL: 'silent',
      REMINDER_INTERVAL_SECONDS: 0,
      WEBHOOK_INTERVAL_MS: 0,
      HOUSEKEEPING_INTERVAL_MINUTES: 0,
      DATA_DIR: dir,
      // A key for this throwaway database only: the document carries no data.
      DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    },
  )
  const signingKey = new TextEncoder().encode('openapi-document-only-signing-key-32+')
  const app = await buildApp(config, { database, signingKey })
  await app.ready()
  return {
    doc: app.swagger(),
    async close() {
      await app.close()
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
