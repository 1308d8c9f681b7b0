import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Problem } from '@rectify/schemas'
import type { Database } from '../src/db/client.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'

/**
 * GET /problems/{id}: its one statement (the row with its unit refs, prepared once) answers the
 * names of every unit the problem names, for a city-wide reader and a unit's staff alike.
 */
let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let url: string

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  const { eeb, countyA, countyB, townA } = world.units
  const round = await makeRound(t.database.db)
  // Co-responsible units that are neither the lead unit nor the region.
  const p = await makeProblem(t.database.db, {
    round,
    leadUnit: eeb,
    region: countyA,
    coUnits: [countyB, townA],
  })
  url = `/api/v1/problems/${p.id}`
})
afterAll(() => t.close())

const textOf = (q: unknown) =>
  typeof q === 'string' ? q : String((q as { text?: unknown } | null)?.text)

/**
 * Statements sent to the database while `fn` runs, counted at the driver, but for the ones no
 * request pays for itself: the rate-limit counters' flush (every 200 ms on PostgreSQL) and the
 * session's principal, read again once its few seconds in the cache ran out.
 */
async function statements(database: Database, fn: () => Promise<unknown>): Promise<string[]> {
  const spies =
    database.kind === 'postgres'
      ? [vi.spyOn(pg.Client.prototype, 'query')]
      : [vi.spyOn(database.pglite!, 'query'), vi.spyOn(database.pglite!, 'exec')]
  try {
    await fn()
    return spies
      .flatMap((s) => s.mock.calls.map(([q]) => textOf(q)))
      .filter((text) => !/\b(rate_limits|sessions)\b/.test(text))
  } finally {
    for (const s of spies) s.mockRestore()
  }
}

describe('GET /problems/{id}', () => {
  it('names the lead unit, the region and every co-responsible unit', async () => {
    const { eeb, countyA, countyB, townA } = world.units
    const ref = (u: typeof eeb) => ({ id: u.id, code: u.code, name: u.name })
    for (const user of [world.users.office, world.users.unitB]) {
      const res = await (await as(t.app, user)).get(url)
      expect(res.statusCode, res.body).toBe(200)
      const p = res.json<Problem>()
      expect(p.leadUnit).toEqual(ref(eeb))
      expect(p.region).toEqual(ref(countyA))
      expect(p.coUnits).toEqual(
        [countyB, townA].map(ref).sort((a, b) => a.code.localeCompare(b.code)),
      )
    }
  })

  it('is one statement a request, for a city-wide reader and a unit user', async () => {
    const requests = 5
    for (const user of [world.users.office, world.users.townA]) {
      const api = await as(t.app, user)
      expect((await api.get(url)).statusCode).toBe(200)
      const sent = await statements(t.database, async () => {
        for (let i = 0; i < requests; i++) expect((await api.get(url)).statusCode).toBe(200)
      })
      expect(sent).toHaveLength(requests)
    }
  })

  it('answers 404 to a unit user outside the problem, as for no problem at all', async () => {
    const outside = await as(t.app, world.users.unitA)
    const { eeb, countyB } = world.units
    const hidden = await makeProblem(t.database.db, {
      round: await makeRound(t.database.db),
      leadUnit: eeb,
      coUnits: [countyB],
    })
    const res = await outside.get(`/api/v1/problems/${hidden.id}`)
    expect(res.statusCode).toBe(404)
    const none = await outside.get('/api/v1/problems/00000000-0000-7000-8000-000000000000')
    expect(none.statusCode).toBe(404)
    expect(res.json().title).toBe(none.json().title)
  })
})
