import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, closeouts, problems, reboundReviews } from '../src/db/schema/index.js'
import { addDays } from '../src/lib/dates.js'
import { addMonths } from '../src/modules/acceptance/closeout.service.js'
import { createTestApp, type TestApp } from './build-app.js'
import { closeoutWorld, problemIn, today, type CloseoutWorld } from './acceptance-factories.js'
import { makeRound } from './ledger-factories.js'

let t: TestApp
let w: CloseoutWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await closeoutWorld(t)
})
afterAll(() => t.close())

const reviewsOf = (problemId: string) =>
  t.database.db
    .select()
    .from(reboundReviews)
    .where(eq(reboundReviews.problemId, problemId))
    .then((rows) => rows.sort((a, b) => a.months - b.months))

const record = (r: { id: string; version: number }, result: 'pass' | 'fail', o: object = {}) =>
  w.api.office.post(
    `/api/v1/rebound-reviews/${r.id}`,
    {
      source: 'inspection',
      checkDate: today(),
      result,
      findings: result === 'fail' ? '明察暗访发现污水再次直排' : '未发现反弹',
      ...o,
    },
    { 'if-match': `"${r.version}"` },
  )

describe('months after a close-out', () => {
  it('land on the same day, or the last day of a shorter month', () => {
    expect(addMonths('2026-11-28', 3)).toBe('2027-02-28')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29')
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-11-28', 12)).toBe('2027-11-28')
    expect(addMonths('2026-10-15', 3)).toBe('2027-01-15')
  })
})

describe('rebound reviews (回头看)', () => {
  it('are scheduled at 3 and 12 months when a problem is closed', async () => {
    const p = await problemIn(t, w, 'closed')
    const rows = await reviewsOf(p.id)
    expect(rows.map((r) => [r.months, r.dueDate, r.status])).toEqual([
      [3, addMonths(today(), 3), 'scheduled'],
      [12, addMonths(today(), 12), 'scheduled'],
    ])
    const file = (await w.api.office.get(`/api/v1/problems/${p.id}/acceptance`)).json()
    expect(file.can.reviewRebound).toBe(true)
    const due = (
      await w.api.office.get(
        `/api/v1/rebound-reviews?status=scheduled&dueBy=${addMonths(today(), 6)}&limit=200`,
      )
    ).json()
    const mine = due.items.filter((x: { problem: { id: string } }) => x.problem.id === p.id)
    expect(mine.map((x: { review: { months: number } }) => x.review.months)).toEqual([3])
    const dates = due.items.map((x: { review: { dueDate: string } }) => x.review.dueDate)
    expect(dates).toEqual([...dates].sort())
  })

  it('a pass keeps the problem closed and leaves the later review scheduled', async () => {
    const p = await problemIn(t, w, 'closed')
    const [three, twelve] = await reviewsOf(p.id)
    const res = await record(three!, 'pass')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      status: 'passed',
      source: 'inspection',
      checkDate: today(),
      reviewer: { id: w.users.office.id },
      version: 2,
    })
    const [row] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
    expect(row).toMatchObject({ status: 'closed', outcome: 'rectified', rebound: false })
    expect((await reviewsOf(p.id))[1]).toMatchObject({ id: twelve!.id, status: 'scheduled' })
    expect((await record(three!, 'pass')).statusCode).toBe(412)
    expect((await record({ ...three!, version: 2 }, 'fail')).statusCode).toBe(409)
  })

  it('a failure reopens the problem as a rebound and keeps its history', async () => {
    const round = await makeRound(t.database.db)
    const p = await problemIn(t, { ...w, round }, 'closed')
    const [three, twelve] = await reviewsOf(p.id)
    const res = await record(three!, 'fail')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'failed', findings: '明察暗访发现污水再次直排' })
    const [row] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
    expect(row).toMatchObject({
      status: 'in_progress',
      rebound: true,
      outcome: null,
      closedOn: null,
    })
    expect((await reviewsOf(p.id)).find((r) => r.id === twelve!.id)!.status).toBe('cancelled')
    const [closeout] = await t.database.db
      .select()
      .from(closeouts)
      .where(eq(closeouts.problemId, p.id))
    expect(closeout!.reopenedAt).not.toBeNull()

    const file = (await w.api.office.get(`/api/v1/problems/${p.id}/acceptance`)).json()
    expect(file.acceptances).toHaveLength(1)
    expect(file.acceptances[0].status).toBe('passed')
    expect(file.publicities.map((x: { status: string }) => x.status)).toEqual(['ended'])
    expect(file.closeouts).toHaveLength(1)
    expect(file.closeouts[0].reopenedAt).not.toBeNull()
    expect(file.can).toMatchObject({ apply: false, reviewRebound: false })
    expect((await w.api.lead.get(`/api/v1/problems/${p.id}/acceptance`)).json().can.apply).toBe(
      true,
    )
    const steps = (
      await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, p.id))
    ).map((e) => e.action)
    for (const a of [
      'problem.apply',
      'problem.review_pass',
      'problem.open_publicity',
      'problem.close',
      'problem.fail_rebound',
    ])
      expect(steps).toContain(a)

    const rebound = (
      await w.api.office.get(`/api/v1/problems?round=${round.id}&rebound=true`)
    ).json()
    expect(rebound.items.map((x: { id: string }) => x.id)).toEqual([p.id])
    const other = await problemIn(t, { ...w, round }, 'closed')
    const notRebound = (
      await w.api.office.get(`/api/v1/problems?round=${round.id}&rebound=false`)
    ).json()
    expect(notRebound.items.map((x: { id: string }) => x.id)).toEqual([other.id])
    const rectified = (
      await w.api.office.get(`/api/v1/problems?round=${round.id}&outcome=rectified`)
    ).json()
    expect(rectified.items.map((x: { id: string }) => x.id)).toEqual([other.id])
    const summary = (await w.api.office.get(`/api/v1/problems/summary?round=${round.id}`)).json()
    expect(summary).toMatchObject({ total: 2, rebound: 1, completed: 1 })
  })

  it('refuses a check date in the future and the office of the lead unit', async () => {
    const p = await problemIn(t, w, 'closed')
    const [three] = await reviewsOf(p.id)
    expect((await record(three!, 'fail', { checkDate: addDays(today(), 1) })).statusCode).toBe(422)
    const own = await w.api.officeOwn.post(
      `/api/v1/rebound-reviews/${three!.id}`,
      { source: 'office', checkDate: today(), result: 'fail', findings: '反弹' },
      { 'if-match': '"1"' },
    )
    expect(own.statusCode).toBe(403)
    expect((await reviewsOf(p.id))[0]).toEqual(three)
    const [row] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
    expect(row!.status).toBe('closed')
  })
})
