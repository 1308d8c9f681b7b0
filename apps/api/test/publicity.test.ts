import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeouts, problems, publicReports, publicities } from '../src/db/schema/index.js'
import { addDays } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { weekday } from '../src/lib/workdays.js'
import { createTestApp, type TestApp } from './build-app.js'
import {
  closeoutWorld,
  endPeriod,
  problemIn,
  problemVersion,
  today,
  type CloseoutWorld,
} from './acceptance-factories.js'
import { makeRound } from './ledger-factories.js'

let t: TestApp
let w: CloseoutWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await closeoutWorld(t)
})
afterAll(() => t.close())

const ifMatch = (v: number) => ({ 'if-match': `"${v}"` })
const open = async (id: string, body: object = {}) =>
  w.api.office.post(
    `/api/v1/problems/${id}/publicity`,
    { notice: '拟销号公示', ...body },
    ifMatch(await problemVersion(t, id)),
  )
const close = async (id: string, body: object = { outcome: 'rectified' }) =>
  w.api.office.post(`/api/v1/problems/${id}/closeout`, body, ifMatch(await problemVersion(t, id)))

/** The first Monday at least a week from today. */
function nextMonday() {
  let d = addDays(today(), 7)
  while (weekday(d) !== 1) d = addDays(d, 1)
  return d
}

/** An objection lodged on the period's start day (10:00 Shanghai), with `ruling`. */
async function objection(publicityId: string, problemId: string, ruling: string) {
  const [pub] = await t.database.db
    .select()
    .from(publicities)
    .where(eq(publicities.id, publicityId))
  await t.database.db.insert(publicReports).values({
    createdAt: new Date(`${pub!.startDate}T10:00:00+08:00`),
    id: uuidv7(),
    trackingCode: `T${uuidv7().slice(-12)}`,
    reporterType: 'citizen',
    content: '现场仍有异味',
    problemId,
    publicityId,
    status: 'objection',
    ruling,
    challengeSalt: uuidv7(),
  })
}

describe('opening publicity', () => {
  it('starts on the next working day and runs the round’s 5 working days', async () => {
    const p = await problemIn(t, w, 'passed')
    const res = await open(p.id)
    expect(res.statusCode, res.body).toBe(201)
    const pub = res.json()
    let start = addDays(today(), 1)
    while (weekday(start) === 0 || weekday(start) === 6) start = addDays(start, 1)
    expect(pub).toMatchObject({ status: 'open', days: 5, startDate: start, periodOver: false })
    expect(pub.objections).toEqual({ total: 0, pending: 0, upheld: 0, rejected: 0 })
    // Five working days with no holiday configured: Mon–Fri, or across one weekend.
    expect(pub.endDate).toBe(addDays(start, weekday(start) === 1 ? 4 : 6))
    const [row] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
    expect(row!.status).toBe('publicity')
  })

  it('counts the period across a weekend, a configured holiday and a make-up Saturday', async () => {
    const monday = nextMonday()
    const put = (date: string, kind: string) =>
      w.send('office', 'PUT', `/api/v1/calendar/${date}`, { kind, name: '测试假日' })
    expect((await put(addDays(monday, 2), 'holiday')).statusCode).toBe(200)
    expect((await put(addDays(monday, 5), 'workday')).statusCode).toBe(200)
    const p = await problemIn(t, w, 'passed')
    const res = await open(p.id, { startDate: monday, days: 5 })
    // Mon, Tue, (Wed off), Thu, Fri, Sat (worked).
    expect(res.json()).toMatchObject({ startDate: monday, endDate: addDays(monday, 5) })
    const q = await problemIn(t, w, 'passed')
    const longer = await open(q.id, { startDate: monday, days: 6 })
    // ... then Sunday off, and Monday is the sixth.
    expect(longer.json().endDate).toBe(addDays(monday, 7))
  })

  it('refuses a start in the past, a stale version, and an application not yet passed', async () => {
    const p = await problemIn(t, w, 'passed')
    const past = await open(p.id, { startDate: addDays(today(), -1) })
    expect(past.statusCode).toBe(422)
    const stale = await w.api.office.post(
      `/api/v1/problems/${p.id}/publicity`,
      { notice: '公示' },
      ifMatch(1),
    )
    expect(stale.statusCode).toBe(412)
    expect(
      await t.database.db.select().from(publicities).where(eq(publicities.problemId, p.id)),
    ).toHaveLength(0)
    const county = await problemIn(t, w, 'county_review')
    expect((await open(county.id)).statusCode).toBe(409)
  })

  it('lists open notices ending first on top, with their problems', async () => {
    await problemIn(t, w, 'publicity_open')
    await problemIn(t, w, 'publicity_open')
    const page = (await w.api.office.get('/api/v1/publicity?status=open&limit=200')).json()
    expect(page.total).toBeGreaterThan(1)
    const ends = page.items.map((x: { publicity: { endDate: string } }) => x.publicity.endDate)
    expect(ends).toEqual([...ends].sort())
    for (const x of page.items) expect(x.problem.id).toBe(x.publicity.problemId)
    const half = (await w.api.office.get('/api/v1/publicity?status=open&limit=1')).json()
    const rest = (
      await w.api.office.get(`/api/v1/publicity?status=open&limit=200&cursor=${half.nextCursor}`)
    ).json()
    expect([half.items[0], ...rest.items].map((x) => x.publicity.id)).toEqual(
      page.items.map((x: { publicity: { id: string } }) => x.publicity.id),
    )
  })
})

describe('closing', () => {
  it('waits for the period to be over (409), then closes rectified and ends the publicity', async () => {
    const p = await problemIn(t, w, 'publicity_open')
    const early = await close(p.id)
    expect(early.statusCode).toBe(409)
    expect((await w.api.office.get(`/api/v1/problems/${p.id}/acceptance`)).json().can.close).toBe(
      false,
    )
    await endPeriod(t, p.id)
    const file = (await w.api.office.get(`/api/v1/problems/${p.id}/acceptance`)).json()
    expect(file.can.close).toBe(true)
    expect(file.publicities[0].periodOver).toBe(true)
    const res = await close(p.id)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      outcome: 'rectified',
      reason: null,
      closedOn: today(),
      reopenedAt: null,
    })
    const [row] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
    expect(row).toMatchObject({ status: 'closed', outcome: 'rectified', closedOn: today() })
    const [pub] = await t.database.db
      .select()
      .from(publicities)
      .where(eq(publicities.problemId, p.id))
    expect(pub!.status).toBe('ended')
    expect(pub!.endedAt).not.toBeNull()
  })

  it('refuses while an objection awaits a ruling, and shows it in the counts', async () => {
    const p = await problemIn(t, w, 'publicity_over')
    const [pub] = await t.database.db
      .select()
      .from(publicities)
      .where(eq(publicities.problemId, p.id))
    await objection(pub!.id, p.id, 'pending')
    await objection(pub!.id, p.id, 'rejected')
    const file = (await w.api.office.get(`/api/v1/problems/${p.id}/acceptance`)).json()
    expect(file.publicities[0].objections).toEqual({ total: 2, pending: 1, upheld: 0, rejected: 1 })
    expect(file.can).toMatchObject({ close: false, ruleObjections: true })
    expect((await close(p.id)).statusCode).toBe(409)
    await t.database.db
      .update(publicReports)
      .set({ ruling: 'rejected' })
      .where(and(eq(publicReports.publicityId, pub!.id), eq(publicReports.ruling, 'pending')))
    expect((await close(p.id)).statusCode).toBe(201)
  })

  it('needs a reason to close not rectified, and never counts it as completed', async () => {
    const other = await makeRound(t.database.db)
    const mine = { ...w, round: other }
    const a = await problemIn(t, mine, 'publicity_over')
    const b = await problemIn(t, mine, 'publicity_over')
    const missing = await close(a.id, { outcome: 'not_rectified' })
    expect(missing.statusCode).toBe(422)
    expect(missing.json().errors[0].path).toBe('/reason')
    const res = await close(a.id, { outcome: 'not_rectified', reason: '企业已关停，任务灭失' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ outcome: 'not_rectified', reason: '企业已关停，任务灭失' })
    expect((await close(b.id)).statusCode).toBe(201)
    const summary = (await w.api.office.get(`/api/v1/problems/summary?round=${other.id}`)).json()
    expect(summary).toMatchObject({ total: 2, completed: 1, closedNotRectified: 1 })
    const list = (
      await w.api.office.get(`/api/v1/problems?round=${other.id}&outcome=not_rectified`)
    ).json()
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([a.id])
  })

  it('refuses a stale version and the office of the lead unit, changing nothing', async () => {
    const p = await problemIn(t, w, 'publicity_over')
    const v = await problemVersion(t, p.id)
    const stale = await w.api.office.post(
      `/api/v1/problems/${p.id}/closeout`,
      { outcome: 'rectified' },
      ifMatch(v - 1),
    )
    expect(stale.statusCode).toBe(412)
    const own = await w.api.officeOwn.post(
      `/api/v1/problems/${p.id}/closeout`,
      { outcome: 'rectified' },
      ifMatch(v),
    )
    expect(own.statusCode).toBe(403)
    expect(await problemVersion(t, p.id)).toBe(v)
    expect(
      await t.database.db.select().from(closeouts).where(eq(closeouts.problemId, p.id)),
    ).toHaveLength(0)
  })
})
