import { defineConfig } from 'vitest/config'

/**
 * Integration tests run on a real database: PGlite by default (a migrated snapshot restored per
 * test file), PostgreSQL when TEST_DATABASE_URL is set (a database per test file, created from a
 * migrated template). Two workers: each PGlite costs a few hundred MiB.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
