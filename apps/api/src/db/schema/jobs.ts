import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Periodic background jobs (lib/jobs.ts): one row per job. An instance runs a job only after
 * moving `next_run_at` forward in one UPDATE … WHERE next_run_at <= now(), so however many API
 * instances share the database, each period's run happens once.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull().defaultNow(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  /** The last run's outcome: a short summary, or the error that ended it. */
  lastResult: text('last_result'),
})
