import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/client.js'
import { JobScheduler, type JobDefinition, type JobLog, type JobRunner } from './jobs.js'
import { PgBossJobs } from './jobs.pgboss.js'

/**
 * The scheduled jobs' driver for this database: pg-boss on PostgreSQL (once per period across
 * instances, retries with backoff), the in-process scheduler on the embedded PGlite database,
 * looking for due jobs as often as the most frequent one needs (at most every 30 s).
 */
export function jobRunner(database: Database, jobs: JobDefinition[], log: JobLog): JobRunner {
  if (database.kind === 'postgres') return new PgBossJobs(database, jobs, log)
  const checkEveryMs = Math.min(30_000, ...jobs.map((j) => j.everyMs))
  return new JobScheduler(database.db, jobs, log, checkEveryMs)
}

/**
 * Runs the jobs over the app's life: started when it is ready, stopped (a run in progress
 * aborted between two batches and awaited) when it closes; `app.jobs` is their driver.
 */
export function scheduleJobs(app: FastifyInstance, database: Database, jobs: JobDefinition[]) {
  const runner = jobRunner(database, jobs, app.log)
  app.decorate('jobs', runner)
  app.addHook('onReady', async () => runner.start())
  app.addHook('onClose', () => runner.stop())
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The scheduled jobs' driver (tests reach it to offer a run now). */
    jobs: JobRunner
  }
}
