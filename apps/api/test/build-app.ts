import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.js'
import { loadConfig, type Config } from '../src/config.js'
import type { Database } from '../src/db/client.js'
import { openTestDatabase } from './database.js'

export const TEST_SIGNING_KEY = new TextEncoder().encode(
  'test-signing-key-of-at-least-32-characters!',
)

export interface TestApp {
  app: FastifyInstance
  database: Database
  config: Config
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
      DATA_DIR: mkdtempSync(join(tmpdir(), 'rectify-data-')),
      ...overrides,
    },
  )
}

/** The app on a fresh database for one test file. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase()
  const config = testConfig(overrides)
  const app = await buildApp(config, { database, signingKey: TEST_SIGNING_KEY })
  await app.ready()
  return {
    app,
    database,
    config,
    async close() {
      await app.close()
      await database.close()
    },
  }
}

/** A second app on the same database, e.g. with other limits. */
export async function buildAppOn(database: Database, overrides: Partial<Config> = {}) {
  const app = await buildApp(testConfig(overrides), { database, signingKey: TEST_SIGNING_KEY })
  await app.ready()
  return app
}
