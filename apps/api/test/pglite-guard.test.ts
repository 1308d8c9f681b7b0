import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { EmbeddedDatabaseStopped, guardEmbeddedDatabase } from '../src/db/pglite-guard.js'
import { createTestApp, type TestApp } from './build-app.js'
import { login, makeWorld } from './factories.js'

/**
 * When the embedded PostgreSQL stops (here: `COPY … FROM STDIN` through PGlite's exec, which has
 * no stdin to give it, so the backend exits), the query rejects and the API answers 503 — where
 * PGlite 0.5 alone would spin on the dead backend forever, and this test would never end (the
 * watchdog would kill it after TEST_WATCHDOG_MS). PGlite only: PostgreSQL has its own server.
 */
describe.skipIf(!!process.env.TEST_DATABASE_URL)('an embedded database that stops', () => {
  let t: TestApp
  let token: string

  beforeAll(async () => {
    t = await createTestApp()
    const world = await makeWorld(t.database.db)
    token = (await login(t.app, world.users.office.username)).accessToken
  })
  afterAll(() => t.close())

  it('rejects the query that stopped it and every later one, and the API answers 503', async () => {
    const pglite = t.database.pglite!
    await pglite.exec('create table guard_probe (id int)')
    const stopping = await pglite.exec('copy guard_probe from stdin').catch((e: unknown) => e)
    expect(stopping).toBeInstanceOf(EmbeddedDatabaseStopped)
    expect(String(stopping)).toMatch(/embedded database \(PGlite\) stopped: .*restart the API/)

    const later = await t.database.query('select 1').catch((e: unknown) => e)
    expect(later).toBeInstanceOf(EmbeddedDatabaseStopped)

    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/problems',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.statusCode, res.body).toBe(503)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({ type: 'urn:rectify:error:unavailable', status: 503 })
    const ready = await t.app.inject({ method: 'GET', url: '/api/v1/ready' })
    expect(ready.statusCode, ready.body).toBe(503)
  })
})

/**
 * The guard against a stand-in for PGlite's loop (execProtocolRawSync: call the main loop until
 * the input is read, swallow what it throws, recover after an ERROR's longjmp), so each kind of
 * exception is met on purpose: an exit stops the database, anything else is left to PGlite as
 * before (it went on, and a real PGlite goes on fine after a callback's exception), unless it
 * is all the loop ever does.
 */
describe('the guard, on a stand-in main loop', () => {
  const LONGJMP = 100
  const exit = (status: number) =>
    Object.assign(new Error(`exit(${status})`), { name: 'ExitStatus', status })

  /** A PGlite-shaped object whose main loop runs `steps` in turn, then reads as done. */
  function standIn(steps: (() => void)[]) {
    let at = 0
    const mod = {
      _PostgresMainLoopOnce: () => steps[at++]?.(),
      _PostgresMainLongJmp: () => undefined,
    }
    const client = { mod, POSTGRES_MAIN_LONGJMP: LONGJMP }
    guardEmbeddedDatabase(client as never)
    /** PGlite 0.5's execProtocolRawSync loop, as it is, over `count` iterations. */
    const run = (count: number) => {
      for (let i = 0; i < count; i++) {
        try {
          mod._PostgresMainLoopOnce()
        } catch (e) {
          if ((e as { status?: unknown }).status === LONGJMP) mod._PostgresMainLongJmp()
        }
      }
    }
    return { run, done: () => at }
  }

  it('an exit of the backend stops it: that query and every later one throw EmbeddedDatabaseStopped', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true)
    const loop = standIn([
      () => undefined,
      () => {
        throw exit(1)
      },
      () => undefined,
    ])
    expect(() => loop.run(2)).toThrow(EmbeddedDatabaseStopped)
    expect(() => loop.run(1)).toThrow(EmbeddedDatabaseStopped)
    expect(loop.done()).toBe(2)
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/stopped: ExitStatus: exit\(1\)/)
    stderr.mockRestore()
  })

  it('an ERROR (the longjmp) and a one-off exception of a callback go on, the latter reported', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true)
    const loop = standIn([
      () => {
        throw exit(LONGJMP)
      },
      () => {
        throw new RangeError('Maximum call stack size exceeded')
      },
      () => undefined,
      () => undefined,
    ])
    loop.run(4)
    expect(loop.done()).toBe(4)
    expect(stderr).toHaveBeenCalledTimes(1)
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/goes on: RangeError: Maximum call stack/)
    stderr.mockRestore()
  })

  it('a loop that only ever throws counts as stopped after a bound, not forever', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true)
    const loop = standIn(
      Array.from({ length: 5000 }, () => () => {
        throw new TypeError('dead')
      }),
    )
    expect(() => loop.run(5000)).toThrow(EmbeddedDatabaseStopped)
    expect(loop.done()).toBe(1000)
    stderr.mockRestore()
  })
})
