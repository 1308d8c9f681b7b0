import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events, measures, progressReports } from '../src/db/schema/index.js'
import { addDays } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as } from './factories.js'
import { makeMeasure, makeProblem } from './ledger-factories.js'
import {
  OFFSETS,
  makeNotice,
  makePeriod,
  messagesOf,
  reminderWorld,
  remindersOn,
  sentFor,
  testClock,
} from './reminder-factories.js'

let t: TestApp
let w: Awaited<ReturnType<typeof reminderWorld>>
const clock = testClock()

beforeAll(async () => {
  t = await createTestApp()
  w = await reminderWorld(t.database.db)
})
afterAll(() => t.close())

/** Who gets a new message at each offset: [contact, head, office, other county staff]. */
const LADDER: Record<number, [number, number, number, number]> = {
  [-30]: [1, 0, 0, 0],
  [-7]: [1, 0, 0, 0],
  [-1]: [1, 0, 0, 0],
  0: [1, 0, 0, 0],
  1: [0, 1, 0, 0],
  7: [0, 1, 1, 0],
}
const LEVEL: Record<number, string> = {
  [-30]: 'contact',
  [-7]: 'contact',
  [-1]: 'contact',
  0: 'contact',
  1: 'head',
  7: 'office',
}

/** Runs a pass on each offset day of `deadline` and checks who got each reminder. */
async function climbLadder(subjectId: string, entityId: string, deadline: string) {
  const db = t.database.db
  const service = remindersOn(db, clock.now)
  const people = [w.contact, w.head, w.users.office, w.users.unitA]
  const counts = async () =>
    Promise.all(people.map(async (p) => (await messagesOf(db, p.id, entityId)).length))
  for (const offset of OFFSETS) {
    const before = await counts()
    clock.at(addDays(deadline, offset))
    await service.pass()
    const after = await counts()
    expect(
      after.map((n, i) => n - before[i]!),
      `offset ${offset}`,
    ).toEqual(LADDER[offset])
    const row = (await sentFor(db, subjectId)).find((r) => r.offsetDays === offset)
    expect(row?.level, `offset ${offset}`).toBe(LEVEL[offset])
  }
  expect((await sentFor(db, subjectId)).map((r) => r.offsetDays)).toEqual(OFFSETS)
}

describe('reminders escalate from the contact to the head, then to the office', () => {
  it('climbs the ladder for a measure deadline (30, 7, 1 days before, the day, 1 and 7 after)', async () => {
    const problem = await makeProblem(t.database.db, {
      round: w.round,
      leadUnit: w.units.countyA,
      status: 'in_progress',
      deadline: '2027-12-31',
    })
    const measure = await makeMeasure(t.database.db, {
      problem,
      unit: w.units.countyA,
      startDate: '2027-01-01',
      deadline: '2027-03-15',
    })
    await climbLadder(measure.id, measure.id, '2027-03-15')
    const [msg] = await messagesOf(t.database.db, w.contact.id, measure.id)
    expect(msg!.link).toBe(`/problems/${problem.id}`)
    expect(msg!.title).toContain('还有30天到期')
  })

  it('climbs the ladder for a notice reply date', async () => {
    const notice = await makeNotice(t.database.db, w.units.countyA.id, '2027-05-20', 1)
    await climbLadder(notice.id, notice.id, '2027-05-20')
    const [msg] = await messagesOf(t.database.db, w.users.office.id, notice.id)
    expect(msg!.link).toBe(`/notices/${notice.id}`)
  })

  it('climbs the ladder for a report due date of an open dispatch period, unit by unit', async () => {
    const problem = await makeProblem(t.database.db, {
      round: w.round,
      leadUnit: w.units.countyA,
      status: 'in_progress',
      deadline: '2028-12-31',
    })
    // Another problem of the round whose unit (county B) has reported: no reminder for it.
    const reported = await makeProblem(t.database.db, {
      round: w.round,
      leadUnit: w.units.countyB,
      status: 'in_progress',
      deadline: '2028-12-31',
    })
    await t.database.db.insert(progressReports).values({
      id: uuidv7(),
      problemId: reported.id,
      unitId: w.units.countyB.id,
      period: '2027-07',
      done: '已完成管网排查',
      percent: 40,
    })
    await makePeriod(t.database.db, w.round.id, '2027-07', '2027-07-25')
    await climbLadder(problem.id, problem.id, '2027-07-25')
    expect(
      (await sentFor(t.database.db, reported.id)).filter((r) => r.subjectType === 'report_due'),
    ).toEqual([])
  })

  it('sends nothing about a measure that is done', async () => {
    const db = t.database.db
    const problem = await makeProblem(db, {
      round: w.round,
      leadUnit: w.units.countyA,
      status: 'in_progress',
      deadline: '2029-12-31',
    })
    const measure = await makeMeasure(db, {
      problem,
      unit: w.units.countyA,
      startDate: '2027-01-01',
      deadline: '2029-03-01',
    })
    const open = await makeMeasure(db, {
      problem,
      unit: w.units.countyA,
      startDate: '2027-01-01',
      deadline: '2029-03-01',
    })
    await db
      .update(measures)
      .set({ status: 'done', percent: 100, doneDate: '2029-02-01' })
      .where(eq(measures.id, measure.id))
    clock.at('2029-03-01')
    const r = await remindersOn(db, clock.now).pass()
    expect(r.sent).toBeGreaterThan(0)
    expect(await sentFor(db, measure.id)).toEqual([])
    // No pass ran the day before: the missed -1 is recorded but superseded by today's (0 recipients).
    expect((await sentFor(db, open.id)).map((r) => [r.offsetDays, r.recipients])).toEqual([
      [-1, 0],
      [0, 1],
    ])
  })

  it('records a reminder.due event for each reminder sent', async () => {
    const db = t.database.db
    const notice = await makeNotice(db, w.units.countyB.id, '2030-01-10', 2)
    clock.at('2030-01-10')
    await remindersOn(db, clock.now).pass()
    const rows = await db.select().from(events).where(eq(events.entityId, notice.id))
    expect(rows.map((e) => [e.type, e.unitId])).toEqual([['reminder.due', w.units.countyB.id]])
    expect(rows[0]!.data).toMatchObject({
      subjectType: 'notice_reply',
      offsetDays: 0,
      level: 'contact',
    })
    // County B has no contact: every active user of county B itself got it.
    expect(await messagesOf(db, w.users.unitB.id, notice.id)).toHaveLength(1)
  })
})

describe("a unit's contact and head (who reminders go to)", () => {
  it('are read and set by the admin; a user of another unit is refused with 422', async () => {
    const admin = await as(t.app, w.users.admin)
    const url = `/api/v1/units/${w.units.countyB.id}`
    const read = await admin.get(url)
    expect(read.json()).toMatchObject({ contactUserId: null, headUserId: null })
    const etag = read.headers.etag as string
    const wrong = await admin.patch(url, { contactUserId: w.users.unitA.id }, { 'if-match': etag })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().errors).toEqual([
      { path: '/contactUserId', message: 'is not a user of this unit' },
    ])
    const ok = await admin.patch(
      url,
      { contactUserId: w.users.unitB.id, headUserId: w.users.unitB.id },
      { 'if-match': etag },
    )
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({
      contactUserId: w.users.unitB.id,
      headUserId: w.users.unitB.id,
    })
    const cleared = await admin.patch(
      url,
      { headUserId: null },
      { 'if-match': ok.headers.etag as string },
    )
    expect(cleared.json()).toMatchObject({ contactUserId: w.users.unitB.id, headUserId: null })
  })
})
