import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statementTimeoutMs } from '../src/config.js'
import { openDatabase, type Database } from '../src/db/client.js'
import { buildAppOn, createTestApp, testConfig, type TestApp } from './build-app.js'
import { withDatabase } from './database.js'
import { client, login, makeWorld } from './factories.js'

/**
 * A stuck statement ends: on PostgreSQL the API's pool carries a statement_timeout, and a
 * request whose statement runs past it is answered 503 problem+json with Retry-After — never a
 * hang, never a 500. PGlite cannot interrupt a statement, so the request part runs on PostgreSQL.
 */
const url = process.env.TEST_DATABASE_URL

describe('the statement timeout setting', () => {
  it('defaults to 5 s under the request timeout, at least 1 s; 0 turns it off', () => {
    expect(statementTimeoutMs(testConfig())).toBe(25_000)
    expect(statementTimeoutMs(testConfig({ REQUEST_TIMEOUT_MS: 4000 }))).toBe(1000)
    expect(statementTimeoutMs(testConfig({ DATABASE_STATEMENT_TIMEOUT_MS: 0 }))).toBe(0)
    expect(statementTimeoutMs(testConfig({ DATABASE_STATEMENT_TIMEOUT_MS: 700 }))).toBe(700)
  })
})

describe.skipIf(!url)('a statement past the timeout (PostgreSQL)', () => {
  let t: TestApp
  let timed: Database
  let locker: pg.Client
  let token: string

  beforeAll(async () => {
    t = await createTestApp()
    const world = await makeWorld(t.database.db)
    token = (await login(t.app, world.users.office.username)).accessToken
    const [row] = await t.database.query<{ db: string }>('select current_database() as db')
    const dbUrl = withDatabase(url!, row!.db)
    timed = await openDatabase({ databaseUrl: dbUrl, poolSize: 4, statementTimeoutMs: 300 })
    locker = new pg.Client({ connectionString: dbUrl })
    await locker.connect()
  })
  afterAll(async () => {
    await locker?.end()
    await timed?.close()
    await t?.close()
  })

  it('is cancelled by the server', async () => {
    await expect(timed.query('select pg_sleep(5)')).rejects.toMatchObject({ code: '57014' })
    // The pool's connections stay usable.
    expect(await timed.query('select 1 as one')).toEqual([{ one: 1 }])
  })

  it('answers 503 problem+json with Retry-After while a lock holds it, and 200 once released', async () => {
    const app = await buildAppOn(timed)
    try {
      const api = client(app, token)
      expect((await api.get('/api/v1/units')).statusCode).toBe(200)
      await locker.query('begin')
      await locker.query('lock table units in access exclusive mode')
      let res
      try {
        res = await api.get('/api/v1/units')
      } finally {
        await locker.query('rollback')
      }
      expect(res.statusCode, res.body).toBe(503)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(res.headers['retry-after']).toMatch(/^\d+$/)
      expect(res.json()).toMatchObject({ type: 'urn:rectify:error:unavailable', status: 503 })
      expect(res.body).not.toMatch(/statement timeout|57014/)
      expect((await api.get('/api/v1/units')).statusCode).toBe(200)
    } finally {
      await app.close()
    }
  })
})
