import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problems, publicReports, publicities } from '../src/db/schema/index.js'
import { addDays } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { objectionRefusal, publicityPhase } from '../src/lib/publicity.js'
import { createTestApp, type TestApp } from './build-app.js'
import {
  closeoutWorld,
  problemIn,
  problemVersion,
  today,
  type CloseoutWorld,
} from './acceptance-factories.js'
import { PUBLIC_TEST_CONFIG, publish, submit } from './public-factories.js'

// The 公示期 ends: objections only within it (start and end days included, Asia/Shanghai), the
// board says 公示已结束 after it, close-out never waits for an objection sent outside it, and
// the office finds the notices whose period is over on its to-do list.

let t: TestApp
let w: CloseoutWorld

beforeAll(async () => {
  t = await createTestApp(PUBLIC_TEST_CONFIG)
  w = await closeoutWorld(t)
})
afterAll(() => t.close())

const ifMatch = (v: number) => ({ 'if-match': `"${v}"` })

/** A published problem in publicity (over the API), its notice's period then set to `from`–`to` days from today. */
async function noticeRunning(from: number, to: number) {
  const p = await problemIn(t, w, 'publicity_open')
  await publish(t.database.db, p.id)
  const [pub] = await t.database.db
    .update(publicities)
    .set({ startDate: addDays(today(), from), endDate: addDays(today(), to) })
    .where(eq(publicities.problemId, p.id))
    .returning()
  return { id: p.id, publicityId: pub!.id, startDate: pub!.startDate, endDate: pub!.endDate }
}

const object = (problemId: string) =>
  submit(t.app, { problemId, objection: true, content: '现场仍有污水外溢，对销号有异议。' })
const objectionsTo = async (publicityId: string) =>
  (
    await t.database.db
      .select({ n: count() })
      .from(publicReports)
      .where(eq(publicReports.publicityId, publicityId))
  )[0]!.n
const close = async (id: string) =>
  w.api.office.post(
    `/api/v1/problems/${id}/closeout`,
    { outcome: 'rectified' },
    ifMatch(await problemVersion(t, id)),
  )

describe('the period in Asia/Shanghai', () => {
  const period = { startDate: '2026-11-09', endDate: '2026-11-13' }

  it('includes the start and end days, from 00:00 to 24:00 Shanghai time', () => {
    expect(publicityPhase(period, '2026-11-08')).toBe('upcoming')
    expect(publicityPhase(period, '2026-11-09')).toBe('running')
    expect(publicityPhase(period, '2026-11-13')).toBe('running')
    expect(publicityPhase(period, '2026-11-14')).toBe('ended')
    // 2026-11-08 15:59:59Z is 23:59:59 on the 8th in Shanghai; a second later it is the 9th.
    expect(objectionRefusal(period, new Date('2026-11-08T15:59:59Z'))?.code).toBe(
      'publicity_not_open',
    )
    expect(objectionRefusal(period, new Date('2026-11-08T16:00:00Z'))).toBeNull()
    expect(objectionRefusal(period, new Date('2026-11-13T15:59:59Z'))).toBeNull()
    const late = objectionRefusal(period, new Date('2026-11-13T16:00:00Z'))
    expect(late).toMatchObject({ code: 'publicity_closed', status: 409 })
    expect(late!.message).toContain('2026-11-09 to 2026-11-13')
  })
})

describe('objections on the public board', () => {
  it('refuses one before the period starts with 409 publicity_not_open naming the dates', async () => {
    const n = await noticeRunning(1, 7)
    const res = await object(n.id)
    expect(res.statusCode).toBe(409)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({
      code: 'publicity_not_open',
      type: 'urn:rectify:error:publicity_not_open',
    })
    expect(res.json().detail).toContain(`${n.startDate} to ${n.endDate}`)
    expect(await objectionsTo(n.publicityId)).toBe(0)
  })

  it('refuses one after the period with 409 publicity_closed naming the dates', async () => {
    const n = await noticeRunning(-7, -1)
    const res = await object(n.id)
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('publicity_closed')
    expect(res.json().detail).toContain(`${n.startDate} to ${n.endDate}`)
    expect(await objectionsTo(n.publicityId)).toBe(0)
  })

  it('takes one on the first day and on the last day of the period', async () => {
    for (const [from, to] of [
      [0, 5],
      [-5, 0],
    ] as const) {
      const n = await noticeRunning(from, to)
      const res = await object(n.id)
      expect(res.statusCode, res.body).toBe(201)
      expect(await objectionsTo(n.publicityId)).toBe(1)
    }
  })

  it('shows a notice whose period is over as ended, closed to objections', async () => {
    const over = await noticeRunning(-7, -1)
    const running = await noticeRunning(-1, 3)
    const upcoming = await noticeRunning(2, 8)
    const detail = (await t.app.inject({ url: `/api/v1/public/problems/${over.id}` })).json()
    expect(detail.notice).toMatchObject({
      startDate: over.startDate,
      endDate: over.endDate,
      phase: 'ended',
      open: false,
    })
    const list = (await t.app.inject({ url: '/api/v1/public/notices' })).json()
    const phaseOf = (id: string) =>
      list.items.find((x: { problem: { id: string } }) => x.problem.id === id)?.notice
    expect(phaseOf(over.id)).toMatchObject({ phase: 'ended', open: false })
    expect(phaseOf(running.id)).toMatchObject({ phase: 'running', open: true })
    expect(phaseOf(upcoming.id)).toMatchObject({ phase: 'upcoming', open: false })
    // Those still taking objections (or about to) come before those whose period is over.
    const phases = list.items.map((x: { notice: { phase: string } }) => x.notice.phase)
    expect(phases.indexOf('ended')).toBeGreaterThan(phases.lastIndexOf('running'))
    expect(phases.slice(phases.indexOf('ended')).every((p: string) => p === 'ended')).toBe(true)
  })
})

describe('objections the office marks', () => {
  it('refuses to mark a report sent after the period as an objection (409)', async () => {
    const n = await noticeRunning(-7, -1)
    const sent = await submit(t.app, { content: '对销号公示有意见。' })
    expect(sent.statusCode).toBe(201)
    const [row] = await t.database.db
      .select()
      .from(publicReports)
      .where(eq(publicReports.trackingCode, sent.json().trackingCode))
    const res = await w.api.office.post(
      `/api/v1/public-reports/${row!.id}/triage`,
      { action: 'mark_objection', problemId: n.id },
      ifMatch(row!.version),
    )
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('publicity_closed')
    expect(await objectionsTo(n.publicityId)).toBe(0)
  })
})

describe('close-out after the period', () => {
  /** A pending objection recorded at `at`, straight in SQL (as before the intake refused late ones). */
  async function pendingObjection(n: { id: string; publicityId: string }, at: Date) {
    await t.database.db.insert(publicReports).values({
      id: uuidv7(),
      trackingCode: `T${uuidv7().slice(-12)}`,
      reporterType: 'citizen',
      content: '对销号有异议',
      problemId: n.id,
      publicityId: n.publicityId,
      status: 'objection',
      ruling: 'pending',
      challengeSalt: uuidv7(),
      createdAt: at,
    })
  }

  it('is never held up by an objection sent outside the period', async () => {
    const n = await noticeRunning(-7, -2)
    // The day after the end, and the day before the start, in Shanghai (UTC+8, 10:00).
    await pendingObjection(n, new Date(`${addDays(n.endDate, 1)}T02:00:00Z`))
    await pendingObjection(n, new Date(`${addDays(n.startDate, -1)}T02:00:00Z`))
    const file = (await w.api.office.get(`/api/v1/problems/${n.id}/acceptance`)).json()
    expect(file.publicities[0].objections.pending).toBe(0)
    expect(file.can.close).toBe(true)
    expect((await close(n.id)).statusCode).toBe(201)
  })

  it('waits for a ruling on one sent on the last day, at 23:30 Shanghai time', async () => {
    const n = await noticeRunning(-7, -2)
    await pendingObjection(n, new Date(`${n.endDate}T15:30:00Z`))
    const file = (await w.api.office.get(`/api/v1/problems/${n.id}/acceptance`)).json()
    expect(file.publicities[0].objections.pending).toBe(1)
    expect(file.can.close).toBe(false)
    const res = await close(n.id)
    expect(res.statusCode).toBe(409)
    const [row] = await t.database.db.select().from(problems).where(eq(problems.id, n.id))
    expect(row!.status).toBe('publicity')
  })
})

describe("the office's to-do", () => {
  it('lists the standing notices whose period is over, and not those still running', async () => {
    const over = await noticeRunning(-6, -1)
    const running = await noticeRunning(-2, 0)
    const page = (
      await w.api.office.get('/api/v1/publicity?status=open&periodOver=true&limit=200')
    ).json()
    const ids = page.items.map((x: { problem: { id: string } }) => x.problem.id)
    expect(ids).toContain(over.id)
    expect(ids).not.toContain(running.id)
    expect(page.total).toBe(ids.length)
    for (const x of page.items) expect(x.publicity.periodOver).toBe(true)
    const notOver = (
      await w.api.office.get('/api/v1/publicity?status=open&periodOver=false&limit=200')
    ).json()
    const rest = notOver.items.map((x: { problem: { id: string } }) => x.problem.id)
    expect(rest).toContain(running.id)
    expect(rest).not.toContain(over.id)
  })

  it('is scoped like the board: a unit of another county sees none of them', async () => {
    await noticeRunning(-6, -1)
    const page = (
      await w.api.countyBLead.get('/api/v1/publicity?status=open&periodOver=true')
    ).json()
    expect(page.total).toBe(0)
  })
})
