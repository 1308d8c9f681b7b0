import { randomUUID } from 'node:crypto'
import { and, eq, lte, sql } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { scheduledJobs } from '../db/schema/index.js'
import { Backoff } from './backoff.js'
import { isDatabaseUnavailable } from './db-unavailable.js'

/** The little the scheduler needs of a logger (Fastify's and pino's both fit). */
export interface JobLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

/** What the other background loops (reminders, webhook deliveries) need of a logger. */
export type RefresherLog = Pick<JobLog, 'info' | 'error'>

/**
 * A periodic job: `run` resolves to a short summary of what it did (kept in scheduled_jobs and
 * logged), or to null when there was nothing to do (kept as such, not logged: a frequent check).
 */
export interface JobDefinition {
  name: string
  /** Milliseconds between the starts of two runs, across all instances. */
  everyMs: number
  run(signal: AbortSignal): Promise<string | null>
}

/**
 * Periodic jobs that run once per period however many API instances share the database.
 *
 * Why not pg-boss or graphile-worker (STYLE.md #18): the embedded PGlite database is a first-class
 * deployment (one connection, in-process), where graphile-worker cannot run at all (it needs a pg
 * Pool and LISTEN/NOTIFY) and pg-boss would need its own schema, created by the engine at start —
 * which the API's runtime role, owning nothing, may not do. The jobs here are a few purges a day,
 * needing no queue: a row per job in `scheduled_jobs` is claimed by moving its `next_run_at`
 * forward in one conditional UPDATE, which exactly one instance wins per period (on PostgreSQL and
 * PGlite alike). A failed run is retried after a backoff, by whichever instance claims it first.
 */
export class JobScheduler {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | null = null
  private readonly abort = new AbortController()
  private readonly backoff = new Backoff(5_000, 300_000)
  private readonly instance = randomUUID()

  constructor(
    private readonly db: Db,
    private readonly jobs: readonly JobDefinition[],
    private readonly log: JobLog,
    /** How often this instance looks for due jobs; 0 never starts the timer. */
    private readonly checkEveryMs: number,
  ) {}

  start(): void {
    if (this.checkEveryMs <= 0 || !this.jobs.length) return
    void this.tick()
    this.timer = setInterval(() => void this.tick(), this.checkEveryMs)
    this.timer.unref()
  }

  /** Runs the jobs that are due and that this instance claims; resolves when they are done. */
  tick(): Promise<void> {
    if (this.running) return this.running
    if (this.abort.signal.aborted || !this.backoff.ready()) return Promise.resolve()
    this.running = this.runDue()
      .then(() => this.backoff.succeeded())
      .catch((err: unknown) => {
        const delay = this.backoff.failed()
        if (isDatabaseUnavailable(err))
          this.log.warn({ retryInMs: delay }, 'jobs: the database is unavailable; backing off')
        else this.log.error({ err, retryInMs: delay }, 'jobs: checking for due jobs failed')
      })
      .finally(() => {
        this.running = null
      })
    return this.running
  }

  /** Stops checking and waits for a run in progress. */
  async stop(): Promise<void> {
    this.abort.abort()
    clearInterval(this.timer)
    await this.running
  }

  private async runDue(): Promise<void> {
    await this.db
      .insert(scheduledJobs)
      .values(this.jobs.map((j) => ({ name: j.name })))
      .onConflictDoNothing()
    for (const job of this.jobs) {
      if (this.abort.signal.aborted) return
      if (await this.claim(job)) await this.runOne(job)
    }
  }

  /** Moves the job's next run a period ahead if it is due; true when this instance won it. */
  private async claim(job: JobDefinition): Promise<boolean> {
    const claimed = await this.db
      .update(scheduledJobs)
      .set({
        nextRunAt: sql`now() + make_interval(secs => ${job.everyMs / 1000})`,
        lastStartedAt: sql`now()`,
        lastResult: `running on ${this.instance}`,
      })
      .where(and(eq(scheduledJobs.name, job.name), lte(scheduledJobs.nextRunAt, sql`now()`)))
      .returning({ name: scheduledJobs.name })
    return claimed.length > 0
  }

  private async runOne(job: JobDefinition): Promise<void> {
    const started = Date.now()
    let result: string
    let retrySeconds: number | null = null
    try {
      const summary = await job.run(this.abort.signal)
      result = summary ?? 'nothing to do'
      if (summary !== null)
        this.log.info({ job: job.name, result, ms: Date.now() - started }, 'job done')
    } catch (err) {
      if (isDatabaseUnavailable(err)) throw err
      this.log.error({ err, job: job.name }, 'job failed; it is retried in a minute')
      result = `failed: ${(err as Error).message}`.slice(0, 500)
      retrySeconds = 60
    }
    await this.db
      .update(scheduledJobs)
      .set({
        lastFinishedAt: sql`now()`,
        lastResult: result,
        ...(retrySeconds ? { nextRunAt: sql`now() + make_interval(secs => ${retrySeconds})` } : {}),
      })
      .where(eq(scheduledJobs.name, job.name))
  }
}
