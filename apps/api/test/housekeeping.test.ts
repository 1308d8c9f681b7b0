import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JobScheduler, type JobDefinition } from '../src/lib/jobs.js'
import { LocalFileStore } from '../src/modules/files/file-store.js'
import { FilesService } from '../src/modules/files/files.service.js'
import { housekeepingJobs } from '../src/modules/housekeeping/housekeeping.jobs.js'
import { createTestApp, type TestApp } from './build-app.js'
import { login, makeWorld } from './factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
})
afterAll(() => t.close())

const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.database.query<{ n: string }>(sql, params))[0]!.n)

describe('the job scheduler', () => {
  it('runs a due job once per period however many instances look for it', async () => {
    let runs = 0
    const job: JobDefinition = {
      name: 'test-once',
      everyMs: 3_600_000,
      run: async () => {
        runs++
        return 'ok'
      },
    }
    const instances = [1, 2, 3].map(() => new JobScheduler(t.database.db, [job], quiet, 0))
    await Promise.all(instances.map((s) => s.tick()))
    await Promise.all(instances.map((s) => s.tick()))
    expect(runs).toBe(1)
    const [row] = await t.database.query<{ last_result: string; due: boolean }>(
      `select last_result, next_run_at > now() + interval '59 minutes' as due
         from scheduled_jobs where name = 'test-once'`,
    )
    expect(row).toEqual({ last_result: 'ok', due: true })
  })

  it('retries a failed job a minute later, not a period later', async () => {
    const job: JobDefinition = {
      name: 'test-fails',
      everyMs: 3_600_000,
      run: () => Promise.reject(new Error('boom')),
    }
    await new JobScheduler(t.database.db, [job], quiet, 0).tick()
    const [row] = await t.database.query<{ last_result: string; soon: boolean }>(
      `select last_result, next_run_at < now() + interval '2 minutes' as soon
         from scheduled_jobs where name = 'test-fails'`,
    )
    expect(row).toEqual({ last_result: 'failed: boom', soon: true })
  })
})

describe('housekeeping', () => {
  it('purges old Idempotency-Key responses and ended sessions, and keeps the rest', async () => {
    await t.database.query(
      `insert into idempotency_keys (actor, key, request_hash, status, created_at) values
         ('user:x', 'old', 'h', 201, now() - interval '25 hours'),
         ('user:x', 'new', 'h', 201, now() - interval '23 hours')`,
    )
    await t.database.query(
      `insert into rate_limits (key, hits, reset_at) values
         ('test:ended', 3, now() - interval '1 minute'), ('test:current', 3, now() + interval '1 minute')`,
    )
    await login(t.app, world.users.office.username)
    await login(t.app, world.users.leader.username)
    // The office's session ended two days ago; the leader's is live.
    await t.database.query(
      `update sessions set expires_at = now() - interval '2 days'
        where user_id = $1`,
      [world.users.office.id],
    )
    const files = new FilesService(t.database.db, new LocalFileStore(t.config.DATA_DIR), 1024)
    const jobs = housekeepingJobs({
      db: t.database.db,
      files,
      config: { ...t.config, HOUSEKEEPING_INTERVAL_MINUTES: 60 },
    })
    expect(jobs.map((j) => j.name)).toEqual([
      'purge-idempotency-keys',
      'purge-unattached-files',
      'purge-changes',
      'purge-ended-sessions',
      'purge-rate-limits',
    ])
    await new JobScheduler(t.database.db, jobs, quiet, 0).tick()

    expect(await count(`select count(*) as n from idempotency_keys where key = 'old'`)).toBe(0)
    expect(await count(`select count(*) as n from idempotency_keys where key = 'new'`)).toBe(1)
    expect(await count(`select count(*) as n from rate_limits where key like 'test:%'`)).toBe(1)
    const sessionsOf = (id: string) =>
      count('select count(*) as n from sessions where user_id = $1', [id])
    expect(await sessionsOf(world.users.office.id)).toBe(0)
    expect(await sessionsOf(world.users.leader.id)).toBe(1)
    expect(
      await count(
        `select count(*) as n from refresh_tokens r join sessions s on s.id = r.session_id
          where s.user_id = $1`,
        [world.users.leader.id],
      ),
    ).toBeGreaterThan(0)
    const results = await t.database.query<{ name: string; last_result: string }>(
      `select name, last_result from scheduled_jobs where name like 'purge-%' order by name`,
    )
    expect(results).toEqual([
      { name: 'purge-changes', last_result: '0 deleted' },
      { name: 'purge-ended-sessions', last_result: '1 deleted' },
      { name: 'purge-idempotency-keys', last_result: '1 deleted' },
      { name: 'purge-rate-limits', last_result: '1 deleted' },
      { name: 'purge-unattached-files', last_result: '0 deleted' },
    ])
  })
})
