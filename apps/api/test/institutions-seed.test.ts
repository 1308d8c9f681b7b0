import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { institutions } from '../src/db/schema/index.js'
import { fileStoreFor } from '../src/modules/files/index.js'
import { seedDemo } from '../src/seed/demo.js'
import { createTestApp, type TestApp } from './build-app.js'
import { client, login } from './factories.js'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
  await seedDemo(t.database.db, fileStoreFor(t.config), t.cipher)
}, 240_000)
afterAll(() => t.close())

const as = async (username: string) =>
  client(t.app, (await login(t.app, username, 'Rectify@2026')).accessToken)

describe('the demo institutions', () => {
  it('are issued by demo units, linked to demo problems, some public, one with its document', async () => {
    const rows = await t.database.db.select().from(institutions)
    expect(rows.length).toBeGreaterThanOrEqual(5)
    expect(rows.filter((r) => r.public).length).toBeGreaterThanOrEqual(2)
    expect(rows.every((r) => r.searchTokens.length > 0)).toBe(true)
    const office = await as('office')
    const page = (await office.get('/api/v1/institutions?limit=200')).json()
    expect(page.total).toBe(rows.length)
    expect(page.items.every((i: { problems: unknown[] }) => i.problems.length > 0)).toBe(true)
    const withFile = page.items.find((i: { files: unknown[] }) => i.files.length)
    expect(withFile.issuingUnit.name).toBe('临湖县')
    // The county reads its own mechanism's document.
    const county = await as('county')
    expect((await county.get(`/api/v1/files/${withFile.files[0].id}`)).statusCode).toBe(200)
    expect(
      (await office.get(`/api/v1/institutions?q=${encodeURIComponent('扬尘')}`)).json().total,
    ).toBe(1)
  }, 60_000)

  it('show on the public board with their public problems only', async () => {
    const board = (await t.app.inject({ url: '/api/v1/public/institutions' })).json()
    const rows = await t.database.db.select().from(institutions)
    expect(board.items).toHaveLength(rows.filter((r) => r.public).length)
    expect(board.items.some((i: { problems: unknown[] }) => i.problems.length > 0)).toBe(true)
    const publicProblems = (await t.app.inject({ url: '/api/v1/public/problems?limit=200' })).json()
    const codes = new Set(publicProblems.items.map((p: { code: string }) => p.code))
    for (const i of board.items)
      for (const p of i.problems as { code: string }[]) expect(codes.has(p.code), p.code).toBe(true)
  })
})
