import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.js'
import { dataDir, loadConfig, type Config } from '../src/config.js'
import { openFieldCipher } from '../src/lib/crypto/data-keys.js'
import type { FieldCipher } from '../src/lib/crypto/field-cipher.js'
import type { Database } from '../src/db/client.js'
import { openTestDatabase } from './database.js'

export const TEST_SIGNING_KEY = new TextEncoder().encode(
  'test-signing-key-of-at-least-32-characters!',
)

export interface TestApp {
  app: FastifyInstance
  database: Database
  config: Config
  /** The app's field cipher (same keys): seeds and raw-table checks use it. */
  cipher: FieldCipher
  close(): Promise<void>
}

/** Test configuration: quiet, and rate limits out of the way unless a test sets them. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    {
      LOG_LEVEL: 'silent',
      RATE_LIMIT_MAX: 1_000_000,
      LOGIN_RATE_LIMIT_MAX: 1_000_000,
      // No reminder passes behind a test's back: reminder tests run passes themselves.
      REMINDER_INTERVAL_SECONDS: 0,
      // Nor webhook dispatches: webhook tests run the dispatcher themselves.
      WEBHOOK_INTERVAL_MS: 0,
      // Nor housekeeping purges: their tests run the jobs themselves.
      HOUSEKEEPING_INTERVAL_MINUTES: 0,
      // Nor rollup merges: the dashboards' tests merge when they mean to.
      ROLLUP_MERGE_INTERVAL_SECONDS: 0,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'rectify-data-')),
      // One key-encryption key for every test app: a second app on the same database opens
      // the data keys the first created. Test data only.
      DATA_KEY: Buffer.alloc(32, 9).toString('base64'),
      ...overrides,
    },
  )
}

/** The app on a fresh database for one test file. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase()
  const config = testConfig(overrides)
  const { cipher } = await openFieldCipher(database, config, dataDir(config))
  const app = await buildApp(config, { database, signingKey: TEST_SIGNING_KEY, cipher })
  await app.ready()
  return {
    app,
    database,
    config,
    cipher,
    async close() {
      await app.close()
      await database.close()
    },
  }
}

/** A second app on the same database, e.g. with other limits. */
export async function buildAppOn(database: Database, overrides: Partial<Config> = {}) {
  // On PostgreSQL the rate-limit counters live in the database, shared by every app on it (as
  // instances share them in production): a second app built to test its own, lower limits
  // starts from fresh counters instead of the hits the file's first app already counted.
  if (database.kind === 'postgres') await database.query('delete from rate_limits')
  const app = await buildApp(testConfig(overrides), { database, signingKey: TEST_SIGNING_KEY })
  await app.ready()
  return app
}
