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

declare module 'fastify' {
  interface FastifyInstance {
    /** The scheduled jobs' driver (tests reach it to offer a run now). */
    jobs: JobRunner
  }
}
