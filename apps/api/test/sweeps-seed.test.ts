import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sweep } from '@rectify/schemas'
import { seedDemo } from '../src/seed/demo.js'
import { createTestApp, type TestApp } from './build-app.js'
import { client, login } from './factories.js'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
  await seedDemo(t.database.db, null, t.cipher)
}, 240_000)
afterAll(() => t.close())

describe('the demo sweep', () => {
  it('has a none-found and a two-finding report, and leaves 临湖县 one to answer', async () => {
    const office = client(t.app, (await login(t.app, 'office', 'Rectify@2026')).accessToken)
    const all = (await office.get('/api/v1/sweeps')).json<{ items: Sweep[] }>()
    expect(all.items).toHaveLength(1)
    const s = all.items[0]!
    expect(s.rollup).toMatchObject({ units: 4, reported: 2, pending: 2, noneFound: 1, findings: 2 })
    expect(s.dueDate > new Date().toISOString().slice(0, 10)).toBe(true)
    const county = client(t.app, (await login(t.app, 'county', 'Rectify@2026')).accessToken)
    const mine = (await county.get('/api/v1/sweeps?awaitingMe=true')).json<{ items: Sweep[] }>()
    expect(mine.items.map((x) => x.id)).toEqual([s.id])
    expect(mine.items[0]!.units.map((u) => [u.unit.name, u.status])).toEqual([
      ['临湖县', 'pending'],
    ])
  }, 60_000)
})
