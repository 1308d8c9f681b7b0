import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { apiClient } from './ledger-factories.js'
import { notifyUsers } from '../src/modules/inbox/inbox.writer.js'
import { uuidv7 } from '../src/lib/ids.js'

let t: TestApp
let w: Awaited<ReturnType<typeof makeWorld>>
let county: Awaited<ReturnType<typeof as>>
let office: Awaited<ReturnType<typeof as>>

type Item = { id: string; kind: string; title: string; link: string | null; readAt: string | null }

beforeAll(async () => {
  t = await createTestApp()
  w = await makeWorld(t.database.db)
  const db = t.database.db
  for (let i = 1; i <= 5; i++)
    await notifyUsers(db, [w.users.unitA.id], {
      kind: i % 2 ? 'reminder' : 'notice',
      title: `消息${i}`,
      link: `/problems/${uuidv7()}`,
    })
  await notifyUsers(db, [w.users.office.id], { kind: 'reminder', title: '整改办的消息' })
  county = await as(t.app, w.users.unitA)
  office = await as(t.app, w.users.office)
})
afterAll(() => t.close())

const page = async (c: typeof county, q = '') => {
  const res = await c.get(`/api/v1/inbox${q}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ items: Item[]; nextCursor: string | null; total: number }>()
}
const unread = async (c: typeof county) =>
  (await c.get('/api/v1/inbox/unread-count')).json<{ count: number }>().count

describe('the inbox (消息中心)', () => {
  it('lists only the caller’s own messages, newest first, page by page', async () => {
    const first = await page(county, '?limit=2')
    expect(first.total).toBe(5)
    expect(first.items.map((m) => m.title)).toEqual(['消息5', '消息4'])
    const rest = await page(county, `?limit=10&cursor=${first.nextCursor}`)
    expect(rest.items.map((m) => m.title)).toEqual(['消息3', '消息2', '消息1'])
    expect(rest.nextCursor).toBeNull()
    expect((await page(office)).items.map((m) => m.title)).toEqual(['整改办的消息'])
  })

  it('filters by kind and by unread', async () => {
    expect((await page(county, '?kind=notice')).items.map((m) => m.title)).toEqual([
      '消息4',
      '消息2',
    ])
    expect((await page(county, '?unread=true')).total).toBe(5)
  })

  it('counts unread messages and marks one read, idempotently', async () => {
    expect(await unread(county)).toBe(5)
    const [m] = (await page(county)).items
    const first = await county.post(`/api/v1/inbox/${m!.id}/read`)
    expect(first.statusCode).toBe(200)
    const readAt = first.json<Item>().readAt
    expect(readAt).not.toBeNull()
    const again = await county.post(`/api/v1/inbox/${m!.id}/read`)
    expect(again.json<Item>().readAt).toBe(readAt)
    expect(await unread(county)).toBe(4)
    expect((await page(county, '?unread=true')).items.map((x) => x.id)).not.toContain(m!.id)
  })

  it('answers 404 for another user’s message and leaves it unread', async () => {
    const [theirs] = (await page(office)).items
    expect((await county.post(`/api/v1/inbox/${theirs!.id}/read`)).statusCode).toBe(404)
    expect((await county.post(`/api/v1/inbox/${uuidv7()}/read`)).statusCode).toBe(404)
    expect(await unread(office)).toBe(1)
  })

  it('marks everything read with read-all, for the caller only', async () => {
    const res = await county.post('/api/v1/inbox/read-all')
    expect(res.json()).toEqual({ marked: 4 })
    expect(await unread(county)).toBe(0)
    expect(await unread(office)).toBe(1)
    expect((await county.post('/api/v1/inbox/read-all')).json()).toEqual({ marked: 0 })
  })

  it('refuses a forged cursor with 400 and API clients with 403', async () => {
    expect((await county.get('/api/v1/inbox?cursor=bm9wZQ')).statusCode).toBe(400)
    const system = await apiClient(t.app, w.users.admin, ['problems:read'])
    expect((await system.get('/api/v1/inbox')).statusCode).toBe(403)
    expect((await system.get('/api/v1/inbox/unread-count')).statusCode).toBe(403)
  })
})
