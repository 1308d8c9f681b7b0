import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../src/db/client.js'
import type { JobDefinition, JobLog } from '../src/lib/jobs.js'
import { PgBossJobs } from '../src/lib/jobs.pgboss.js'
import { openTestDatabase, withDatabase } from './database.js'

/**
 * pg-boss stops before the API ends its pool (lib/jobs.pgboss.ts): a run in progress at shutdown
 * either ends within the bound and completes once, or is abandoned, retried once by the engine,
 * and its late end never reaches the ended pool (an unhandled rejection, which fails a run of
 * test files sharing their worker). PGlite runs jobs in process (lib/jobs.ts): PostgreSQL only.
 */
const url = process.env.TEST_DATABASE_URL

describe.skipIf(!url)('pg-boss at shutdown', () => {
  let database: Database
  const rejections: unknown[] = []
  const onRejection = (reason: unknown) => rejections.push(reason)
  const log: JobLog & { lines: string[] } = {
    lines: [],
    info: () => {},
    warn: (_o, msg) => log.lines.push(msg),
    error: (_o, msg) => log.lines.push(msg),
  }

  beforeAll(async () => {
    database = await openTestDatabase()
    process.on('unhandledRejection', onRejection)
  })
  afterAll(async () => {
    process.off('unhandledRejection', onRejection)
    await database?.close()
  })
  afterEach(() => {
    log.lines.length = 0
  })

  /** Polls until `check` holds; fails after `tries` × 100 ms. */
  async function until<T>(check: () => Promise<T | undefined>, tries = 300): Promise<T> {
    for (let i = 0; i < tries; i++) {
      const found = await check()
      if (found !== undefined) return found
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error('the condition never held')
  }
  const jobRow = async (name: string, state: string) =>
    (
      await database.query<{ id: string; retry_count: number; result: string | null }>(
        `select id, retry_count, output->>'result' as result from pgboss.job
          where name = $1 and state = $2::pgboss.job_state`,
        [name, state],
      )
    )[0]
  const byId = async (id: string) =>
    (
      await database.query<{ state: string; retry_count: number; result: string | null }>(
        `select state::text, retry_count, output->>'result' as result from pgboss.job where id = $1`,
        [id],
      )
    )[0]

  it('completes once a run that ends within the bound', async () => {
    const runs: string[] = []
    // Ends between two batches once stop() aborts it, as the app's jobs do.
    const job: JobDefinition = {
      name: 'reminders',
      everyMs: 1_000, // polled every 0.5 s
      run: (signal) =>
        new Promise((resolve) => {
          runs.push('run')
          signal.addEventListener('abort', () =>
            setTimeout(() => resolve('stopped between batches'), 200),
          )
        }),
    }
    const jobs = new PgBossJobs(database, [job], log, 5_000)
    jobs.start()
    const active = await until(() => jobRow('reminders', 'active'))
    await jobs.stop()
    expect(await byId(active.id)).toEqual({
      state: 'completed',
      retry_count: 0,
      result: 'stopped between batches',
    })
    expect(runs).toHaveLength(1)
    expect(rejections).toEqual([])
  })

  it('abandons a run past the bound before the pool ends: retried once, its end never sent', async () => {
    // A pool of its own, ended right after stop() as the app ends its pool after its hooks.
    const [db] = await database.query<{ name: string }>('select current_database() as name')
    const own = await openDatabase({ databaseUrl: withDatabase(url!, db!.name), poolSize: 2 })
    let release = () => {}
    const late = new Promise<void>((resolve) => (release = resolve))
    const abandoned: JobDefinition = {
      name: 'webhook-dispatch',
      everyMs: 1_000, // polled every 0.5 s
      // Deaf to the abort: still running when the bound passes.
      run: async () => {
        await late
        return 'abandoned run'
      },
    }
    const first = new PgBossJobs(own, [abandoned], log, 1_000)
    first.start()
    const active = await until(() => jobRow('webhook-dispatch', 'active'))
    await first.stop()
    await own.close()
    // pg-boss failed the run at shutdown: a retry of the same job, due after the queue's delay.
    expect(await byId(active.id)).toMatchObject({ state: 'retry', retry_count: 0 })
    release()
    // Its end reaches pg-boss, which completes the job: sent to the ended pool, that rejected.
    const said = () => log.lines.some((l) => /after it stopped/.test(l))
    await until(async () => (said() || rejections.length ? true : undefined))
    expect(rejections).toEqual([])
    expect(said()).toBe(true)

    // The retry, due now rather than after the queue's 10 s, runs on the next instance, once.
    await database.query(`update pgboss.job set start_after = now() where id = $1`, [active.id])
    const retried: string[] = []
    const next = new PgBossJobs(
      database,
      [{ ...abandoned, run: async () => (retried.push('run'), 'retried run') }],
      log,
    )
    next.start()
    const done = await until(async () => {
      const row = await byId(active.id)
      return row?.state === 'completed' ? row : undefined
    })
    await next.stop()
    expect(done).toEqual({ state: 'completed', retry_count: 1, result: 'retried run' })
    expect(rejections).toEqual([])
  })
})
