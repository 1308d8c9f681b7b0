import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { petitions } from '../src/db/schema/index.js'
import { seedDemo } from '../src/seed/demo.js'
import { createTestApp, type TestApp } from './build-app.js'
import { client, login } from './factories.js'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
  await seedDemo(t.database.db, null, t.cipher)
}, 240_000)
afterAll(() => t.close())

const api = async (username: string) =>
  client(t.app, (await login(t.app, username, 'Rectify@2026')).accessToken)

describe('the demo petitions', () => {
  it('hold two batches, the first published with its reviewed cases on the public board', async () => {
    const office = await api('office')
    const batches = (await office.get('/api/v1/petition-batches')).json()
    expect(batches.items.map((b: { seq: number }) => b.seq).sort()).toEqual([1, 2])
    const first = batches.items.find((b: { seq: number }) => b.seq === 1)
    expect(first.publishedAt).not.toBeNull()
    expect(first.byStatus).toMatchObject({ closed: 7, partly_closed: 1 })
    const board = await t.app.inject({ url: `/api/v1/public/petition-batches/${first.id}` })
    expect(board.json().rows).toHaveLength(8)
    expect(board.body).not.toContain('张先生')
  }, 60_000)

  it('give the county cases to handle, a repeat, a problem link, call-backs and complainants', async () => {
    const county = await api('county')
    const mine = (await county.get('/api/v1/petitions?status=handling')).json()
    expect(mine.total).toBeGreaterThanOrEqual(2)
    for (const c of mine.items) expect(c.handlingUnit.code).toBe('JZ-LH')
    const repeat = mine.items.find((c: { repeatOf: unknown }) => c.repeatOf)
    expect(repeat.repeatOf.receiptNo).toBe('X5JZ202609010001')
    const who = (await county.get(`/api/v1/petitions/${repeat.id}/complainant`)).json()
    expect(who).toEqual({ name: '张先生', contact: '138****0001', erasedAt: null })
    const office = await api('office')
    const all = (await office.get('/api/v1/petitions?limit=200')).json()
    expect(all.total).toBe(14)
    expect(all.items.filter((c: { problem: unknown }) => c.problem)).toHaveLength(1)
    expect(all.items.filter((c: { callback: unknown }) => c.callback)).toHaveLength(2)
    const rows = await t.database.db.select().from(petitions)
    expect(rows.every((r) => r.complainantName && r.searchTokens.length && r.partyKey)).toBe(true)
  }, 60_000)
})
