import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notices, units } from '../src/db/schema/index.js'
import { seedDemo } from '../src/seed/demo.js'
import { createTestApp, type TestApp } from './build-app.js'
import { client, login } from './factories.js'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
  await seedDemo(t.database.db, null, t.cipher)
}, 240_000)
afterAll(() => t.close())

describe('the demo notices', () => {
  it('cover every level, a reply, a close, an escalation chain and an overdue one the county sees', async () => {
    const rows = await t.database.db.select().from(notices)
    expect(new Set(rows.map((n) => n.level))).toEqual(
      new Set(['reminder', 'supervision', 'warning', 'listed']),
    )
    expect(rows.map((n) => n.status).sort()).toEqual(
      expect.arrayContaining(['closed', 'escalated', 'issued', 'replied']),
    )
    const child = rows.find((n) => n.parentId)!
    expect(rows.find((n) => n.id === child.parentId)).toMatchObject({
      level: 'reminder',
      status: 'escalated',
    })
    expect(child.level).toBe('supervision')
    const [lh] = await t.database.db.select().from(units).where(eq(units.code, 'JZ-LH'))
    const { accessToken } = await login(t.app, 'county', 'Rectify@2026')
    const page = (await client(t.app, accessToken).get('/api/v1/notices?overdue=true')).json()
    expect(page.total).toBeGreaterThanOrEqual(1)
    expect(page.items[0]).toMatchObject({ unit: { id: lh!.id }, level: 'listed', overdue: true })
    expect(page.items[0].daysOverdue).toBeGreaterThanOrEqual(7)
    // Every notice the county sees is addressed to 临湖县 (the 青山县 one is not among them).
    const all = (await client(t.app, accessToken).get('/api/v1/notices')).json()
    expect(all.total).toBe(rows.filter((n) => n.unitId === lh!.id).length)
  }, 60_000)
})

describe('the demo bulletins', () => {
  it('state figures whose parts add up to the whole, for every dispatch period', async () => {
    const office = client(t.app, (await login(t.app, 'office', 'Rectify@2026')).accessToken)
    const periods = (await office.get('/api/v1/dispatch-periods?limit=200')).json<{
      items: { id: string; roundId: string; summary: Record<string, number> | null }[]
    }>().items
    expect(periods.length).toBeGreaterThan(0)
    const parts =
      /纳入调度的(\d+)个问题中，(\d+)个已完成整改，(?:(\d+)个未整改到位销号，)?(\d+)个按序时进度推进，(\d+)个滞后；在推进的(\d+)个问题中，(\d+)个已逾期。/
    for (const p of periods) {
      const b = (await office.get(`/api/v1/dispatch-periods/${p.id}/bulletin`)).json<{
        summarySentence: string
      }>()
      const m = parts.exec(b.summarySentence)
      expect(m, b.summarySentence).not.toBeNull()
      const [total, completed, notRectified, onSchedule, behind, open, overdue] = m!
        .slice(1)
        .map((x) => Number(x ?? 0)) as [number, number, number, number, number, number, number]
      expect(completed + notRectified + onSchedule + behind, b.summarySentence).toBe(total)
      expect(open).toBe(onSchedule + behind)
      expect(overdue).toBeLessThanOrEqual(open)
      for (const s of [
        p.summary,
        (await office.get(`/api/v1/problems/summary?round=${p.roundId}`)).json(),
      ]) {
        if (!s) continue
        expect(s.completed + s.closedNotRectified + s.onSchedule + s.behind).toBe(s.total)
      }
    }
  }, 120_000)
})
