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

/** What the app needs of whichever engine drives the jobs (lib/jobs.engine.ts picks it). */
export interface JobRunner {
  /** The jobs it runs (each needs its pg-boss queue, created by a migration). */
  readonly jobs: readonly JobDefinition[]
  start(): void
  /** Stops starting runs, aborts those in progress between two batches, and waits for them. */
  stop(): Promise<void>
}

/**
 * The in-process job scheduler, used on the embedded PGlite database (one process, one
 * connection, where no job engine can run: pg-boss needs a pg Pool). On PostgreSQL the same job
 * definitions run on pg-boss (lib/jobs.pgboss.ts).
 *
 * A row per job in `scheduled_jobs` is claimed by moving its `next_run_at` forward in one
 * conditional UPDATE, which exactly one scheduler wins per period (should two share a database).
 * Jobs run independently: a long lights refresh does not hold up the webhook deliveries. A failed
 * run is retried after a minute (or its period, if shorter); while the database is unreachable
 * the scheduler backs off.
 */
export class JobScheduler implements JobRunner {
  private timer: NodeJS.Timeout | undefined
  private checking: Promise<Promise<void>[]> | null = null
  private registered = false
  private readonly inFlight = new Map<string, Promise<void>>()
  private readonly abort = new AbortController()
  private readonly backoff = new Backoff(5_000, 300_000)
  private readonly instance = randomUUID()

  constructor(
    private readonly db: Db,
    readonly jobs: readonly JobDefinition[],
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

  /** Starts the due jobs this instance claims; resolves when those runs are done. */
  tick(): Promise<void> {
    if (this.abort.signal.aborted || !this.backoff.ready()) return Promise.resolve()
    // Ticks that overlap share one claim; a tick during a long run claims the other jobs.
    this.checking ??= this.startDue().finally(() => {
      this.checking = null
    })
    return this.checking
      .then((runs) => Promise.all(runs))
      .then(() => this.backoff.succeeded())
      .catch((err: unknown) => this.failed(err))
  }

  /** Stops checking and waits for the runs in progress. */
  async stop(): Promise<void> {
    this.abort.abort()
    clearInterval(this.timer)
    await this.checking?.then(
      () => undefined,
      () => undefined,
    )
    await Promise.allSettled(this.inFlight.values())
  }

  private failed(err: unknown): void {
    const delay = this.backoff.failed()
    if (isDatabaseUnavailable(err))
      this.log.warn({ retryInMs: delay }, 'jobs: the database is unavailable; backing off')
    else this.log.error({ err, retryInMs: delay }, 'jobs: checking for due jobs failed')
  }

  /** Claims and starts each due job not already running here; returns the runs started. */
  private async startDue(): Promise<Promise<void>[]> {
    if (!this.registered) {
      await this.db
        .insert(scheduledJobs)
        .values(this.jobs.map((j) => ({ name: j.name })))
        .onConflictDoNothing()
      this.registered = true
    }
    const runs: Promise<void>[] = []
    for (const job of this.jobs) {
      if (this.abort.signal.aborted) break
      if (this.inFlight.has(job.name) || !(await this.claim(job))) continue
      const run = this.runOne(job).finally(() => this.inFlight.delete(job.name))
      this.inFlight.set(job.name, run)
      runs.push(run)
    }
    return runs
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
      retrySeconds = Math.max(1, Math.min(60, job.everyMs / 1000))
      this.log.error({ err, job: job.name, retryInSeconds: retrySeconds }, 'job failed; retrying')
      result = `failed: ${(err as Error).message}`.slice(0, 500)
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
