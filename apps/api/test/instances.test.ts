import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { openDatabase, type Database } from '../src/db/client.js'
import { units, webhookDeliveries } from '../src/db/schema/index.js'
import { shanghaiDate } from '../src/lib/dates.js'
import type { PgBossJobs } from '../src/lib/jobs.pgboss.js'
import { emitEvent, type DomainEvent } from '../src/modules/events/events.writer.js'
import { buildAppOn } from './build-app.js'
import { openTestDatabase, withDatabase } from './database.js'
import { client, login } from './factories.js'
import { makeMeasure, makeProblem } from './ledger-factories.js'
import { reminderWorld } from './reminder-factories.js'
import { insertSubscription, startReceiver } from './webhooks-helpers.js'

/**
 * Two API instances, each with its own connection pool, on one PostgreSQL database: limits,
 * scheduled jobs, webhook deliveries and Idempotency-Key replays behave as with one instance.
 * PGlite is one process with one connection, so this file runs in the PostgreSQL pass only.
 */
const url = process.env.TEST_DATABASE_URL

describe.skipIf(!url)('two API instances on one PostgreSQL database', () => {
  let database: Database
  let other: Database
  let a: FastifyInstance
  let b: FastifyInstance
  let world: Awaited<ReturnType<typeof reminderWorld>>
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  const today = shanghaiDate()

  beforeAll(async () => {
    database = await openTestDatabase()
    const [db] = await database.query<{ name: string }>('select current_database() as name')
    other = await openDatabase({ databaseUrl: withDatabase(url!, db!.name), poolSize: 5 })
    world = await reminderWorld(database.db)
    // Two measures falling due today: the reminders pass at the instances' start sends them.
    const problem = await makeProblem(database.db, {
      round: world.round,
      leadUnit: world.units.countyA,
      status: 'in_progress',
      deadline: '2099-12-31',
    })
    for (let i = 0; i < 2; i++)
      await makeMeasure(database.db, {
        problem,
        unit: world.units.countyA,
        startDate: '2020-01-01',
        deadline: today,
      })
    receiver = await startReceiver()
    await insertSubscription(database.db, { url: receiver.url() })
    const config = {
      LOGIN_RATE_LIMIT_MAX: 3,
      // Above EXACT_UP_TO: counted in each instance and flushed (plugins/rate-limit-store.ts).
      RATE_LIMIT_MAX: 101,
      LOGIN_MAX_FAILURES: 3,
      REMINDER_INTERVAL_SECONDS: 3600,
      WEBHOOK_INTERVAL_MS: 1000,
      WEBHOOK_ALLOW_HTTP_HOSTS: '127.0.0.1',
    }
    a = await buildAppOn(database, config)
    b = await buildAppOn(other, config)
  })

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()])
    await receiver?.close()
    await other?.close()
    await database?.close()
  })

  /** Polls until `check` holds (a job's run is asynchronous); fails after `tries` × 250 ms. */
  async function until(check: () => Promise<boolean>, tries = 200) {
    for (let i = 0; i < tries; i++) {
      if (await check()) return
      await new Promise((r) => setTimeout(r, 250))
    }
    throw new Error('the condition never held')
  }
  const jobsOf = (name: string) =>
    database.query<{ state: string; result: string | null }>(
      `select state::text, output->>'result' as result from pgboss.job where name = $1
       union all
       select state::text, output->>'result' from pgboss.archive where name = $1`,
      [name],
    )

  it('counts the login rate limit across both instances', async () => {
    const attempt = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '198.51.100.7',
        payload: { username: 'nobody-here', password: 'wrong-password-1' },
      })
    const codes = []
    for (const app of [a, b, a, b]) codes.push((await attempt(app)).statusCode)
    // Three allowed per minute from one address, whichever instance answers; the fourth refused.
    expect(codes).toEqual([401, 401, 401, 429])
    const [row] = await database.query<{ hits: number }>(
      `select hits from rate_limits where key like '%/auth/login|198.51.100.7'`,
    )
    expect(row?.hits).toBe(4)
  })

  it('counts a large limit across both instances, each a flush interval late at most', async () => {
    const { accessToken } = await login(a, world.users.admin.username)
    const hit = async (app: FastifyInstance) =>
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/me',
          remoteAddress: '192.0.2.44',
          headers: { authorization: `Bearer ${accessToken}` },
        })
      ).statusCode
    const shared = async () => {
      const [row] = await database.query<{ hits: number }>(
        `select sum(hits)::int as hits from rate_limits where key like '%|192.0.2.44'`,
      )
      return row?.hits ?? 0
    }
    // 101 a minute: 61 on one instance and 40 on the other are all allowed, and reach the row.
    for (let i = 0; i < 61; i++) expect(await hit(a)).toBe(200)
    for (let i = 0; i < 40; i++) expect(await hit(b)).toBe(200)
    await until(async () => (await shared()) === 101)
    // Each instance learns the other's hits when it next flushes its own: one more each (which
    // either may still allow), and from then on both refuse.
    await hit(a)
    await hit(b)
    await until(async () => (await shared()) === 103)
    expect(await hit(a)).toBe(429)
    expect(await hit(b)).toBe(429)
  })

  it('refuses on the other instance, within its principal cache time, a session ended on one', async () => {
    const pair = await login(a, world.users.office.username)
    const me = async (app: FastifyInstance) =>
      (await client(app, pair.accessToken).get('/api/v1/me')).statusCode
    expect(await me(b)).toBe(200)
    const out = await a.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: pair.refreshToken },
    })
    expect(out.statusCode).toBe(204)
    expect(await me(a)).toBe(401)
    // b read the session before the logout; it trusts that for PRINCIPAL_TTL_MS at most.
    await until(async () => (await me(b)) === 401)
  })

  it('locks an account after failed logins spread over both instances', async () => {
    const user = world.users.lead.username
    const attempt = (app: FastifyInstance, i: number) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: `203.0.113.${i}`,
        payload: { username: user, password: 'not-the-password' },
      })
    for (const [i, app] of [a, b, a].entries()) expect((await attempt(app, i)).statusCode).toBe(401)
    const locked = await attempt(b, 9)
    expect(locked.statusCode).toBe(401)
    expect(locked.json()).toMatchObject({ code: 'account_locked' })
  })

  it('runs a scheduled job once per period, not once per instance', async () => {
    // Both instances offered the reminders pass at their start: one job ran it.
    await until(async () => (await jobsOf('reminders')).some((j) => j.state === 'completed'))
    // Offered again, by both at once, within the period: the slot already has its job.
    const offered = await Promise.all(
      [a, b].map((app) => (app.jobs as PgBossJobs).offer('reminders')),
    )
    expect(offered).toEqual([null, null])
    const jobs = await jobsOf('reminders')
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({ state: 'completed' })
    expect(jobs[0]!.result).toMatch(new RegExp(`^[1-9]\\d* sent for ${today}$`))
    const [sent] = await database.query<{ n: number; distinct: number }>(
      `select count(*)::int as n,
              count(distinct (subject_type, subject_id, unit_id, deadline, offset_days))::int as distinct
         from reminders_sent where deadline = $1`,
      [today],
    )
    expect(sent!.n).toBeGreaterThan(0)
    expect(sent!.distinct).toBe(sent!.n)
  })

  it('sends a webhook delivery once though both instances dispatch', async () => {
    await emitEvent(database.db, {
      type: 'problem.status_changed',
      entityType: 'problem',
      data: { code: 'P-1', from: 'draft', to: 'plan_review' },
    } as DomainEvent)
    await until(async () => receiver.received.length > 0)
    // Both instances keep dispatching every second; give them several periods to misbehave.
    const passes = async () => (await jobsOf('webhook-dispatch')).length
    const before = await passes()
    await until(async () => (await passes()) >= before + 4)
    expect(receiver.received).toHaveLength(1)
    const deliveries = await database.db.select().from(webhookDeliveries)
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]).toMatchObject({ status: 'succeeded', attempts: 1 })
  })

  it('replays an Idempotency-Key response on the other instance', async () => {
    const { accessToken } = await login(a, world.users.admin.username)
    const body = { code: 'TWO-1', name: '单位TWO-1', kind: 'department', parentId: null }
    const headers = { 'idempotency-key': 'two-instances-1' }
    const first = await client(a, accessToken).post('/api/v1/units', body, headers)
    const replay = await client(b, accessToken).post('/api/v1/units', body, headers)
    expect(first.statusCode).toBe(201)
    expect(replay.statusCode).toBe(201)
    expect(replay.headers['idempotent-replayed']).toBe('true')
    expect(replay.body).toBe(first.body)
    expect(await database.db.select().from(units).where(eq(units.code, 'TWO-1'))).toHaveLength(1)
  })
})
