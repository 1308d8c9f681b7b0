import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DispatchPeriod, DispatchPeriodDetail } from '@rectify/schemas'
import { auditLog, events, inboxMessages } from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'
import { createTestApp, type TestApp } from './build-app.js'
import { closeNotRectified, makeReport } from './dispatch-factories.js'
import { as, makeWorld } from './factories.js'
import { makeMeasure, makeProblem, makeRound } from './ledger-factories.js'

let t: TestApp
let w: Awaited<ReturnType<typeof makeWorld>>
let round: Awaited<ReturnType<typeof makeRound>>
type Api = Awaited<ReturnType<typeof as>>
let office: Api, unitA: Api, unitB: Api, lead: Api
type Key = 'shared' | 'countyB' | 'overdue' | 'closed' | 'forced' | 'draft'
const p = {} as Record<Key, { id: string; code: string }>
const PERIOD = '2026-10'

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.db
  w = await makeWorld(db)
  round = await makeRound(db)
  office = await as(t.app, w.users.office)
  unitA = await as(t.app, w.users.unitA)
  unitB = await as(t.app, w.users.unitB)
  lead = await as(t.app, w.users.lead)
  // Led by the city EEB, with measures of county A and its township.
  p.shared = await makeProblem(db, {
    round,
    leadUnit: w.units.eeb,
    status: 'in_progress',
    code: 'D-01',
  })
  await makeMeasure(db, { problem: p.shared, unit: w.units.countyA })
  await makeMeasure(db, { problem: p.shared, unit: w.units.townA })
  p.countyB = await makeProblem(db, {
    round,
    leadUnit: w.units.countyB,
    status: 'in_progress',
    code: 'D-02',
  })
  p.overdue = await makeProblem(db, {
    round,
    leadUnit: w.units.eeb,
    status: 'in_progress',
    deadline: -5,
    code: 'D-03',
  })
  p.closed = await makeProblem(db, { round, leadUnit: w.units.eeb, status: 'closed', code: 'D-04' })
  p.forced = await makeProblem(db, {
    round,
    leadUnit: w.units.countyB,
    status: 'closed',
    code: 'D-05',
  })
  await closeNotRectified(db, p.forced.id)
  p.draft = await makeProblem(db, { round, leadUnit: w.units.eeb, status: 'draft', code: 'D-06' })
})
afterAll(() => t.close())

async function open(period = PERIOD, r = round) {
  const res = await office.post('/api/v1/dispatch-periods', {
    roundId: r.id,
    period,
    title: `${period} 调度`,
    dueDate: '2026-11-05',
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<DispatchPeriod>()
}

const detail = async (api: Api, id: string) => {
  const res = await api.get(`/api/v1/dispatch-periods/${id}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<DispatchPeriodDetail>()
}

describe('opening a dispatch period', () => {
  it('lets the office open one per round and period, and refuses a duplicate with 409', async () => {
    const r = await makeRound(t.database.db)
    const first = await open('2026-W40', r)
    expect(first).toMatchObject({ status: 'open', summary: null, period: '2026-W40' })
    const again = await office.post('/api/v1/dispatch-periods', {
      roundId: r.id,
      period: '2026-W40',
      title: '重复',
      dueDate: '2026-10-10',
    })
    expect(again.statusCode).toBe(409)
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, first.id), eq(auditLog.action, 'dispatch.opened')))
    expect(audit).toHaveLength(1)
  })

  it('answers 422 for an unknown round, a malformed period and unknown fields', async () => {
    const base = { roundId: round.id, period: '2026-08', title: '八月', dueDate: '2026-09-05' }
    for (const body of [
      { ...base, roundId: uuidv7() },
      { ...base, period: '2026-13' },
      { ...base, period: '2026年8月' },
      { ...base, extra: 1 },
    ])
      expect((await office.post('/api/v1/dispatch-periods', body)).statusCode).toBe(422)
  })

  it('refuses units with 403', async () => {
    const res = await lead.post('/api/v1/dispatch-periods', {
      roundId: round.id,
      period: '2026-07',
      title: '七月',
      dueDate: '2026-08-05',
    })
    expect(res.statusCode).toBe(403)
  })
})

describe('the not-reported board', () => {
  let period: DispatchPeriod
  beforeAll(async () => {
    period = await open()
    const db = t.database.db
    await makeReport(db, { problem: p.shared, unit: w.units.countyA, period: PERIOD })
    // Returned reports and reports of another period do not count.
    await makeReport(db, {
      problem: p.shared,
      unit: w.units.townA,
      period: PERIOD,
      status: 'returned',
    })
    await makeReport(db, { problem: p.countyB, unit: w.units.countyB, period: '2026-09' })
  })

  it('shows the office every in-progress problem of the round and who has reported', async () => {
    const { board } = await detail(office, period.id)
    expect(board!.problems.map((x) => x.code)).toEqual(['D-01', 'D-02', 'D-03'])
    const shared = board!.problems.find((x) => x.id === p.shared!.id)!
    expect(shared.units.map((u) => [u.unitName, u.role, u.reported])).toEqual([
      ['市生态环境局', 'lead', false],
      ['甲县', 'measure', true],
      ['甲县城关镇', 'measure', false],
    ])
    expect(board!.reported).toBe(1)
    expect(board!.notReported).toBe(4)
    expect(board!.notReportedUnits.map((u) => [u.unitName, u.problems])).toEqual([
      ['市生态环境局', 2],
      ['甲县城关镇', 1],
      ['乙县', 1],
    ])
  })

  it('shows a unit user only its subtree: its problems and its own units', async () => {
    const a = (await detail(unitA, period.id)).board!
    expect(a.problems.map((x) => x.code)).toEqual(['D-01'])
    expect(a.problems[0]!.units.map((u) => u.unitName)).toEqual(['甲县', '甲县城关镇'])
    const b = (await detail(unitB, period.id)).board!
    expect(b.problems.map((x) => x.code)).toEqual(['D-02'])
    expect(b.notReportedUnits.map((u) => u.unitName)).toEqual(['乙县'])
  })

  it('answers 404 for an unknown period', async () => {
    expect((await office.get(`/api/v1/dispatch-periods/${uuidv7()}`)).statusCode).toBe(404)
    expect((await office.post(`/api/v1/dispatch-periods/${uuidv7()}/remind`, {})).statusCode).toBe(
      404,
    )
  })

  it('reminds every unit that has not reported, once per unit per call', async () => {
    const messages = async () =>
      t.database.db
        .select({ userId: inboxMessages.userId })
        .from(inboxMessages)
        .where(eq(inboxMessages.entityId, period.id))
    const res = await office.post(`/api/v1/dispatch-periods/${period.id}/remind`, {})
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ units: 3, messages: 3 })
    const first = await messages()
    expect(first.map((m) => m.userId).sort()).toEqual(
      [w.users.lead.id, w.users.unitB.id, w.users.townA.id].sort(),
    )
    await office.post(`/api/v1/dispatch-periods/${period.id}/remind`, {})
    expect(await messages()).toHaveLength(6)
    expect((await lead.post(`/api/v1/dispatch-periods/${period.id}/remind`, {})).statusCode).toBe(
      403,
    )
  })
})

describe('closing a period', () => {
  let period: DispatchPeriod
  beforeAll(async () => {
    period = await open('2026-11')
    await makeReport(t.database.db, {
      problem: p.countyB,
      unit: w.units.countyB,
      period: '2026-11',
    })
  })
  const close = (id: string, headers?: Record<string, string>) =>
    office.post(`/api/v1/dispatch-periods/${id}/close`, {}, headers)

  it('needs If-Match: 428 without, 412 stale, 404 unknown', async () => {
    expect((await close(period.id)).statusCode).toBe(428)
    expect((await close(period.id, { 'if-match': '"7"' })).statusCode).toBe(412)
    expect((await close(uuidv7(), { 'if-match': '"1"' })).statusCode).toBe(404)
  })

  it('freezes the summary reported upward, with the list behind each number', async () => {
    const res = await close(period.id, { 'if-match': `"${period.version}"` })
    expect(res.statusCode, res.body).toBe(200)
    const closed = res.json<DispatchPeriod>()
    expect(closed.status).toBe('closed')
    const s = closed.summary!
    const codes = (k: keyof typeof s.lists) => s.lists[k].map((x) => x.code)
    expect(codes('completed')).toEqual(['D-04'])
    expect(codes('closedNotRectified')).toEqual(['D-05'])
    expect(codes('overdue')).toEqual(['D-03'])
    expect(codes('notReported')).toEqual(['D-01', 'D-03'])
    expect(codes('behind')).toContain('D-03')
    expect(codes('onSchedule')).toEqual(expect.arrayContaining(['D-02', 'D-06']))
    // Every problem of the round lands in exactly one bucket of the sentence.
    expect(s.completed + s.onSchedule + s.behind + s.closedNotRectified).toBe(s.total)
    expect(s.total).toBe(6)
    expect(s.completed).toBe(1)
    expect(s.overdue).toBe(1)
    expect(s.notReported).toBe(2)
    expect(s.lists.completed[0]!.leadUnitName).toBe('市生态环境局')
    const emitted = await t.database.db.select().from(events).where(eq(events.entityId, period.id))
    expect(emitted.map((e) => e.type)).toEqual(['dispatch.closed'])
  })

  it('never changes a closed period: a later report leaves the summary as it was', async () => {
    const before = (await detail(office, period.id)).period
    await makeReport(t.database.db, { problem: p.shared, unit: w.units.eeb, period: '2026-11' })
    await makeReport(t.database.db, { problem: p.overdue, unit: w.units.eeb, period: '2026-11' })
    const after = await detail(office, period.id)
    expect(after.board).toBeNull()
    expect(after.period.summary).toEqual(before.summary)
    expect(after.period.summary!.notReported).toBe(2)
  })

  it('answers 409 to closing again and to reminding a closed period', async () => {
    const v = (await detail(office, period.id)).period.version
    expect((await close(period.id, { 'if-match': `"${v}"` })).statusCode).toBe(409)
    expect((await office.post(`/api/v1/dispatch-periods/${period.id}/remind`, {})).statusCode).toBe(
      409,
    )
  })
})

describe('the list of periods', () => {
  it('filters by round and status and pages with a cursor', async () => {
    const all = await office.get(`/api/v1/dispatch-periods?round=${round.id}`)
    expect(all.json().total).toBe(2)
    const closed = await unitA.get(`/api/v1/dispatch-periods?round=${round.id}&status=closed`)
    expect(closed.json().items.map((x: DispatchPeriod) => x.period)).toEqual(['2026-11'])
    const first = (await office.get(`/api/v1/dispatch-periods?round=${round.id}&limit=1`)).json()
    expect(first.items).toHaveLength(1)
    const next = (
      await office.get(
        `/api/v1/dispatch-periods?round=${round.id}&limit=1&cursor=${first.nextCursor}`,
      )
    ).json()
    expect(next.items[0].id).not.toBe(first.items[0].id)
    expect(next.nextCursor).toBeNull()
    expect((await office.get('/api/v1/dispatch-periods?cursor=bad')).statusCode).toBe(400)
  })
})
