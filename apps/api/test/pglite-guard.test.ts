import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openDatabase } from '../src/db/client.js'
import { isDatabaseUnavailable } from '../src/lib/db-unavailable.js'
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
    expect(String(stopping)).toMatch(/embedded database \(PGlite\) stopped: /)

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
 * exception is met on purpose: an ERROR goes on; an exit or a trap stops this instance.
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
    const stops: unknown[] = []
    guardEmbeddedDatabase({ mod, POSTGRES_MAIN_LONGJMP: LONGJMP } as never, (s) => stops.push(s))
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
    return { run, done: () => at, stops }
  }

  it('an ERROR (the longjmp) goes on as PostgreSQL does', () => {
    const loop = standIn([
      () => {
        throw exit(LONGJMP)
      },
      () => undefined,
      () => undefined,
    ])
    loop.run(3)
    expect(loop.done()).toBe(3)
    expect(loop.stops).toEqual([])
  })

  it.each([
    ['an exit of the backend', () => exit(1), /stopped: ExitStatus: exit\(1\)/],
    [
      'a trap in the wasm',
      // What V8 throws for a wasm trap (WebAssembly.RuntimeError, not in this package's types).
      () =>
        Object.assign(new Error('null function or function signature mismatch'), {
          name: 'RuntimeError',
        }),
      /stopped: RuntimeError: null function/,
    ],
  ])(
    '%s stops it: that query and every later one throw, and the owner is told',
    async (_, error, said) => {
      const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true)
      const loop = standIn([
        () => undefined,
        () => {
          throw error()
        },
        () => undefined,
      ])
      expect(() => loop.run(2)).toThrow(EmbeddedDatabaseStopped)
      expect(() => loop.run(1)).toThrow(EmbeddedDatabaseStopped)
      expect(loop.done()).toBe(2)
      expect(String(stderr.mock.calls[0]?.[0])).toMatch(said)
      stderr.mockRestore()
      await Promise.resolve()
      expect(loop.stops).toHaveLength(1)
      expect(loop.stops[0]).toBeInstanceOf(EmbeddedDatabaseStopped)
    },
  )
})

/**
 * A data directory's embedded database that stops is opened again, as PostgreSQL restarts a
 * crashed backend: the stopping query fails, and within seconds queries answer again, with
 * everything committed before the stop. PGlite only.
 */
describe.skipIf(!!process.env.TEST_DATABASE_URL)('an embedded data directory that stops', () => {
  it('is opened again with what was committed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rectify-guard-'))
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true)
    const database = await openDatabase({ dataDir: dir })
    try {
      await database.query('create table kept (id int)')
      await database.query('insert into kept values (1), (2)')
      const stopping = await database.pglite!.exec('copy kept from stdin').catch((e: unknown) => e)
      expect(stopping).toBeInstanceOf(EmbeddedDatabaseStopped)
      let rows: { n: number }[] | undefined
      for (let i = 0; i < 100 && !rows; i++) {
        rows = await database
          .query<{ n: number }>('select count(*)::int as n from kept')
          .catch(async (e: unknown) => {
            // The stopped instance's error, or its closed state's while it is replaced.
            expect(isDatabaseUnavailable(e)).toBe(true)
            await new Promise((r) => setTimeout(r, 100))
            return undefined
          })
      }
      expect(rows).toEqual([{ n: 2 }])
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/opened again/)
    } finally {
      stderr.mockRestore()
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
