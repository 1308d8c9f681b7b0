import { defineConfig } from 'vitest/config'

/**
 * The fault tests (issue 13): PostgreSQL stopped and started under write load, the API killed
 * in the middle of a large import. Each starts a PostgreSQL 15 cluster of its own and the real
 * API as a child process; one file at a time, so their timings do not disturb each other.
 * `pnpm --filter @rectify/api test:faults`; skipped (with a message) where PostgreSQL 15 is not
 * installed, except in CI.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.fault.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
})
