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
    // TEST_SHARE_WORKERS=1: test files share the two worker processes instead of each starting a
    // fresh one that imports the app, drizzle, TypeBox and PGlite again. Off by default until a
    // full run of the suite on both databases has shown it on a quiet machine; what a file
    // changes in process-wide state is put back after it either way (test/file-isolation.ts).
    isolate: process.env.TEST_SHARE_WORKERS !== '1',
    // Hang guards, not speed checks: in CI (.ci/run) the browser tests run beside this suite, so
    // a test or a file's setup may take twice as long as on an idle machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Those timeouts are timers in the worker: a worker whose loop never returns would hang the
    // run for good. The watchdog bounds a file's run from the main process (test/watchdog.ts).
    setupFiles: ['test/watchdog-setup.ts', 'test/file-isolation.ts'],
    reporters: ['default', './test/watchdog.ts'],
  },
})
