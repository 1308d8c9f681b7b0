import type PgBoss from 'pg-boss'
import type { Database } from '../db/client.js'
import { Backoff } from './backoff.js'
import { isDatabaseUnavailable } from './db-unavailable.js'
import type { JobDefinition, JobLog, JobRunner } from './jobs.js'
import { settleWithin } from './settle-within.js'

/** The schema the migrations create for pg-boss (drizzle/0022_job_engine_rate_limits.sql). */
export const JOB_ENGINE_SCHEMA = 'pgboss'

/** pg-boss refuses a throttle slot longer than its archive interval (12 h by default). */
const MAX_SLOT_SECONDS = 12 * 3600

/** One run per slot of the job's period, across every instance (pg-boss throttling). */
export const slotSeconds = (job: JobDefinition) =>
  Math.min(MAX_SLOT_SECONDS, Math.max(1, Math.round(job.everyMs / 1000)))

/** How often a worker looks for its queue's job: half the period, between 0.5 s and 15 s. */
const pollSeconds = (job: JobDefinition) => Math.min(15, Math.max(0.5, job.everyMs / 2000))

/**
 * The scheduled jobs on pg-boss, on PostgreSQL (the embedded PGlite database uses the in-process
 * JobScheduler: pg-boss needs a pool of real connections).
 *
 * Each instance's clock offers every job once per period (`send` with `singletonSeconds`): pg-boss
 * keeps one job per period slot, whichever instance offered it first, and one worker takes it
 * (FOR UPDATE SKIP LOCKED), so each period's run happens once however many instances share the
 * database. The queues are `stately` (one waiting and one running at most), retry a failed run
 * 5 times 10 s apart, doubling — all set in the migration that creates them. A run is failed by
 * throwing; pg-boss records the error and the summary a successful run returns.
 *
 * pg-boss runs over the API's own pool (its `db` option), so it opens no connection of its own
 * and needs no URL; it neither creates nor migrates its schema (`migrate: false`): the runtime
 * role may create nothing, and `rectify migrate` is the one path that changes the schema.
 */
export class PgBossJobs implements JobRunner {
  private boss: PgBoss | null = null
  private booting: Promise<void> | null = null
  private readonly timers: NodeJS.Timeout[] = []
  private readonly abort = new AbortController()
  private readonly backoff = new Backoff(5_000, 120_000)

  private readonly gate: SqlGate

  constructor(
    private readonly database: Database,
    readonly jobs: readonly JobDefinition[],
    private readonly log: JobLog,
    /** How long stop() waits for a run in progress before abandoning it to a retry. */
    private readonly stopWithinMs = 10_000,
  ) {
    this.gate = new SqlGate(database, log)
  }

  /** Starts the engine; while the database is unreachable it retries with a backoff. */
  start(): void {
    if (!this.jobs.length || this.booting) return
    this.booting = this.boot()
  }

  /**
   * Offers a job for the current slot now (the clock does so once per period); resolves with
   * the id of the job created, or null when the slot already has one.
   */
  async offer(name: string): Promise<string | null> {
    const job = this.jobs.find((j) => j.name === name)
    if (!job || !this.boss || this.abort.signal.aborted)
      throw new Error(`job ${name} is not running here`)
    return this.boss.send(name, {}, { singletonSeconds: slotSeconds(job) })
  }

  /**
   * Stops in order, so that nothing of the engine outlives the pool the app ends next: the clock
   * and the workers' fetching stop, a run in progress is aborted between two batches and awaited
   * for `stopWithinMs`; one still running then is abandoned — pg-boss fails it (its retry runs
   * later, here or on another instance) — and the engine's statements still in flight are awaited.
   * Then the gate closes: what the engine sends afterwards (an abandoned run's completion) never
   * reaches the pool, whose end would turn it into an unhandled rejection.
   */
  async stop(): Promise<void> {
    this.abort.abort()
    for (const t of this.timers) clearInterval(t)
    await this.booting
    try {
      await this.boss?.stop({
        graceful: true,
        wait: true,
        close: false,
        timeout: this.stopWithinMs,
      })
    } catch (err) {
      this.log.error({ err }, 'jobs: the job engine did not stop cleanly')
    }
    await this.gate.settle(this.stopWithinMs)
    this.gate.close()
  }

  private async boot(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        await this.startEngine()
        return
      } catch (err) {
        const retryInMs = this.backoff.failed()
        if (isDatabaseUnavailable(err))
          this.log.warn({ retryInMs }, 'jobs: the database is unavailable; backing off')
        else this.log.error({ err, retryInMs }, 'jobs: the job engine did not start; retrying')
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, retryInMs)
          t.unref()
          this.abort.signal.addEventListener('abort', () => resolve(), { once: true })
        })
      }
    }
  }

  private async startEngine(): Promise<void> {
    // A PgBoss that failed to start cannot be started again: each attempt gets a new one.
    // pg-boss is loaded here, on PostgreSQL only (PGlite never needs it).
    const { default: Engine } = await import('pg-boss')
    const boss = new Engine({
      db: this.gate,
      schema: JOB_ENGINE_SCHEMA,
      migrate: false,
      schedule: false,
      supervise: true,
    })
    boss.on('error', (err: unknown) => {
      if (isDatabaseUnavailable(err)) this.log.warn({}, 'jobs: the database is unavailable')
      else this.log.error({ err }, 'jobs: job engine error')
    })
    await boss.start()
    if (this.abort.signal.aborted) return void (await boss.stop({ close: false, wait: true }))
    this.boss = boss
    for (const job of this.jobs) {
      if (this.abort.signal.aborted) return
      if (!(await boss.getQueue(job.name))) {
        this.log.error({ job: job.name }, 'jobs: no queue for this job (a migration is missing)')
        continue
      }
      await boss.work(job.name, { pollingIntervalSeconds: pollSeconds(job), batchSize: 1 }, () =>
        this.run(job),
      )
      void this.tick(job)
      const t = setInterval(() => void this.tick(job), job.everyMs)
      t.unref()
      this.timers.push(t)
    }
  }

  private async tick(job: JobDefinition): Promise<void> {
    try {
      await this.offer(job.name)
    } catch (err) {
      if (isDatabaseUnavailable(err)) return // the engine's own error handler says so
      this.log.error({ err, job: job.name }, 'jobs: offering a run failed')
    }
  }

  private async run(job: JobDefinition): Promise<{ result: string }> {
    // A fetch in flight when stop() began can still hand out a job: failed, it is retried later.
    if (this.abort.signal.aborted)
      throw new Error('the API is stopping; the job engine retries this run')
    const started = Date.now()
    try {
      const summary = await job.run(this.abort.signal)
      if (summary !== null)
        this.log.info({ job: job.name, result: summary, ms: Date.now() - started }, 'job done')
      return { result: summary ?? 'nothing to do' }
    } catch (err) {
      this.log.error({ err, job: job.name }, 'job failed; the job engine retries it')
      throw err
    }
  }
}

/**
 * pg-boss's way to the API's pool. Its workers complete or fail a job without awaiting the
 * statement, so one that reached an ended pool was an unhandled rejection: stop() first awaits
 * the statements in flight (settle), then closes the gate, after which a statement is answered
 * with nothing without reaching the pool (and said in the log).
 */
class SqlGate {
  private readonly pending = new Set<Promise<unknown>>()
  private closed = false

  constructor(
    private readonly database: Database,
    private readonly log: JobLog,
  ) {}

  executeSql = async (text: string, values: unknown[]): Promise<{ rows: unknown[] }> => {
    if (this.closed) {
      this.log.warn(
        { statement: text.slice(0, 60) },
        'jobs: the job engine ran a statement after it stopped (a run abandoned at shutdown ended); not sent',
      )
      // No rows at all, which pg-boss reads as nothing fetched and nothing affected ([] would
      // break its count of a completion's affected rows).
      return {} as { rows: unknown[] }
    }
    const query = this.database.query(text, values)
    this.pending.add(query)
    try {
      return { rows: await query }
    } finally {
      this.pending.delete(query)
    }
  }

  /**
   * Waits, at most `withinMs`, until no statement is in flight, including those that the
   * settling ones lead to (a job handed out by a last fetch is refused, then failed).
   */
  async settle(withinMs: number): Promise<void> {
    const deadline = Date.now() + withinMs
    while (Date.now() < deadline) {
      if (this.pending.size)
        await settleWithin(Promise.allSettled([...this.pending]), deadline - Date.now())
      // What a settled statement leads to is issued within the microtasks and I/O callbacks
      // after it: one turn of the loop later, nothing new in flight means nothing more to come.
      await new Promise<void>((resolve) => setImmediate(resolve))
      if (!this.pending.size) return
    }
  }

  close(): void {
    this.closed = true
  }
}
