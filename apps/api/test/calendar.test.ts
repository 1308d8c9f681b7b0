import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, calendarDays } from '../src/db/schema/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import { closeoutWorld, type CloseoutWorld } from './acceptance-factories.js'

let t: TestApp
let w: CloseoutWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await closeoutWorld(t)
})
afterAll(() => t.close())

const put = (
  date: string,
  kind: string,
  name = '国庆节',
  who: 'office' | 'admin' | 'lead' = 'office',
) => w.send(who, 'PUT', `/api/v1/calendar/${date}`, { kind, name })
const auditOf = (date: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'calendar_day'), eq(auditLog.entityId, date)))

describe('the working-day calendar', () => {
  it('keeps weekday holidays and weekend make-up workdays, listed by year', async () => {
    expect((await put('2026-10-01', 'holiday')).json()).toEqual({
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
    })
    expect((await put('2026-10-10', 'workday', '国庆节调休上班', 'admin')).statusCode).toBe(200)
    expect((await put('2027-01-01', 'holiday', '元旦')).statusCode).toBe(200)
    const year = await w.api.unit.get('/api/v1/calendar?year=2026')
    expect(year.statusCode).toBe(200)
    expect(year.json().items).toEqual([
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
    ])
    expect((await auditOf('2026-10-01')).map((e) => e.action)).toEqual(['calendar_day.created'])
  })

  it('renames a day in place and audits before and after', async () => {
    await put('2026-09-25', 'holiday', '中秋')
    const res = await put('2026-09-25', 'holiday', '中秋节')
    expect(res.statusCode).toBe(200)
    const rows = await t.database.db
      .select()
      .from(calendarDays)
      .where(eq(calendarDays.date, '2026-09-25'))
    expect(rows).toEqual([{ date: '2026-09-25', kind: 'holiday', name: '中秋节' }])
    const [, updated] = await auditOf('2026-09-25')
    expect(updated).toMatchObject({
      action: 'calendar_day.updated',
      before: { name: '中秋' },
      after: { name: '中秋节' },
    })
  })

  it.each([
    ['a holiday on a Saturday', '2026-10-03', 'holiday'],
    ['a make-up workday on a Thursday', '2026-10-08', 'workday'],
  ])('refuses %s with 422: it would mean nothing', async (_n, date, kind) => {
    const res = await put(date, kind)
    expect(res.statusCode).toBe(422)
    expect(res.json().errors[0].path).toBe('/kind')
    expect(
      await t.database.db.select().from(calendarDays).where(eq(calendarDays.date, date)),
    ).toEqual([])
  })

  it('refuses dates that do not exist (400) and unknown fields (422)', async () => {
    expect((await put('2026-02-30', 'holiday')).statusCode).toBe(400)
    const extra = await w.send('office', 'PUT', '/api/v1/calendar/2026-06-19', {
      kind: 'holiday',
      name: '端午节',
      year: 2026,
    })
    expect(extra.statusCode).toBe(422)
  })

  it('deletes a day (204), then answers 404 for it', async () => {
    await put('2026-06-19', 'holiday', '端午节')
    const res = await w.send('office', 'DELETE', '/api/v1/calendar/2026-06-19')
    expect(res.statusCode).toBe(204)
    expect((await w.send('office', 'DELETE', '/api/v1/calendar/2026-06-19')).statusCode).toBe(404)
    expect((await auditOf('2026-06-19')).map((e) => e.action)).toEqual([
      'calendar_day.created',
      'calendar_day.deleted',
    ])
  })

  it('is kept by the office and the admin only', async () => {
    expect((await put('2026-05-04', 'holiday', '劳动节', 'lead')).statusCode).toBe(403)
    expect((await w.send('lead', 'DELETE', '/api/v1/calendar/2026-10-01')).statusCode).toBe(403)
  })
})
