import { afterAll } from 'vitest'
import type { Database } from '../src/db/client.js'
import { configureAuditHash } from '../src/lib/crypto/audit-hash.js'

/**
 * Runs before every test file (vitest.config.ts, setupFiles). With TEST_SHARE_WORKERS=1 test
 * files share their worker process (isolate: false): the app, drizzle, TypeBox and PGlite are
 * imported once per worker instead of once per file. What a file changes in process-wide state
 * is put back after it here, so the next file in the process starts as it would in a fresh one.
 * Vitest itself restores spies (vi.restoreAllMocks) after each file; the suite uses no module
 * mocks, stubbed globals or fake timers. Module-level state in src/ was read for the rest:
 * caches of pure results, counters, and the audit hash below.
 */
const env = process.env
const envBefore = { ...env }

afterAll(async () => {
  // Environment variables a file set, deleted or replaced wholesale (backup.test.ts assigns
  // process.env, the CLI reads it).
  process.env = env
  for (const key of Object.keys(env)) if (!(key in envBefore)) delete env[key]
  Object.assign(env, envBefore)
  // The audit chain's hash is process-wide, set by every app's start from CRYPTO_SUITE: a file
  // whose last app ran with CRYPTO_SUITE=sm would leave SM3 for the next file's direct writes.
  // The default suite needs no database (only SM3's self-check queries one).
  await configureAuditHash(undefined as unknown as Database, 'intl')
})
