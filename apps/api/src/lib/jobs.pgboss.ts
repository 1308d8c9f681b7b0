import type PgBoss from 'pg-boss'
import type { Database } from '../db/client.js'
import { Backoff } from './backoff.js'
import { isDatabaseUnavailable } from './db-unavailable.js'
import type { JobDefinition, JobLog, JobRunner } from './jobs.js'

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

  constructor(
    private readonly database: Database,
    readonly jobs: readonly JobDefinition[],
    private readonly log: JobLog,
  ) {}

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
    if (!job || !this.boss) throw new Error(`job ${name} is not running here`)
    return this.boss.send(name, {}, { singletonSeconds: slotSeconds(job) })
  }

  /** Stops the clock and the workers; a run in progress is aborted between two batches and awaited. */
  async stop(): Promise<void> {
    this.abort.abort()
    for (const t of this.timers) clearInterval(t)
    await this.booting
    await this.boss?.stop({ graceful: true, wait: true, close: false, timeout: 10_000 })
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
      db: {
        executeSql: async (text: string, values: unknown[]) => ({
          rows: await this.database.query(text, values),
        }),
      },
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
