import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AssessmentRule, Rankings } from '@rectify/schemas'
import { cards, notices } from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, etagFor, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'

let t: TestApp
let w: Awaited<ReturnType<typeof makeWorld>>
type Api = Awaited<ReturnType<typeof as>>
let office: Api, unitA: Api, lead: Api
// A past year, so every open problem of it is overdue whatever today is.
const YEAR = 2025

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.db
  w = await makeWorld(db)
  const round = await makeRound(db)
  office = await as(t.app, w.users.office)
  unitA = await as(t.app, w.users.unitA)
  lead = await as(t.app, w.users.lead)
  const make = (leadUnit: (typeof w.units)['eeb'], status: string, deadline = `${YEAR}-06-30`) =>
    makeProblem(db, { round, leadUnit, status, deadline })
  // EEB: 2 of 3 completed, 1 overdue. County B: 0 of 3, all overdue. County A: 1 of 1.
  await make(w.units.eeb, 'closed')
  await make(w.units.eeb, 'acceptance')
  await make(w.units.eeb, 'in_progress')
  for (let i = 0; i < 3; i++) await make(w.units.countyB, 'in_progress')
  await make(w.units.countyA, 'closed')
  // Another year's problem counts nowhere.
  await make(w.units.countyA, 'in_progress', `${YEAR + 1}-12-31`)
  await db.insert(cards).values({
    id: uuidv7(),
    unitId: w.units.eeb.id,
    color: 'yellow',
    reason: '滞后',
    issuedOn: `${YEAR}-03-01`,
    issuedByName: '整改办',
  })
  await db.insert(notices).values({
    id: uuidv7(),
    year: YEAR,
    seq: 1,
    level: 'supervision',
    unitId: w.units.countyB.id,
    title: '督办函',
    body: '请限期整改',
    replyDue: `${YEAR}-09-01`,
    issuedOn: `${YEAR}-08-01`,
    issuedByName: '整改办',
  })
})
afterAll(() => t.close())

const rankings = async (q: string, api = office) => {
  const res = await api.get(`/api/v1/rankings?year=${YEAR}&${q}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<Rankings>()
}
const rows = (r: Rankings) => r.ranked.map((x) => [x.unitName, x.value, x.rank])

describe('rankings', () => {
  it('ranks completion with its definition, period and a minimum count of 3 by default', async () => {
    const r = await rankings('metric=completion')
    expect(r).toMatchObject({
      metric: 'completion',
      minCount: 3,
      order: 'higher',
      period: { from: '2025-01-01', to: '2025-12-31' },
    })
    expect(r.definition.zh).toContain('完成率')
    expect(r.definition.en).toContain('Completion')
    expect(rows(r)).toEqual([
      ['市生态环境局', 66.7, 1],
      ['乙县', 0, 2],
    ])
    expect(r.ranked[0]).toMatchObject({ numerator: 2, denominator: 3 })
    // One problem cannot top the table by chance: listed apart, unranked.
    expect(r.notRanked.map((x) => [x.unitName, x.value, x.rank])).toEqual([['甲县', 100, null]])
  })

  it('ranks a unit below the default minimum once the query lowers it', async () => {
    const r = await rankings('metric=completion&minCount=1')
    expect(r.minCount).toBe(1)
    expect(rows(r)[0]).toEqual(['甲县', 100, 1])
    expect(r.notRanked).toEqual([])
  })

  it('ranks points from the rule table, fewest first, and changes when a rule changes', async () => {
    const r = await rankings('metric=points')
    expect(r.order).toBe('lower')
    // EEB: 1 yellow card × 2 + 1 overdue × 2; County B: 3 overdue × 2 + 1 overdue reply × 1.
    expect(rows(r)).toEqual([
      ['市生态环境局', 4, 1],
      ['乙县', 7, 2],
    ])
    expect(r.ranked[1]!.breakdown).toContainEqual({ code: 'overdue_reply', count: 1, points: 1 })

    const rules = (await office.get('/api/v1/assessment-rules')).json<{ items: AssessmentRule[] }>()
    const rule = rules.items.find((x) => x.code === 'overdue_problem')!
    const res = await office.patch(
      '/api/v1/assessment-rules/overdue_problem',
      { points: 0 },
      { 'if-match': `"${rule.version}"` },
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers.etag).toMatch(etagFor(rule.version + 1))
    expect(rows(await rankings('metric=points'))).toEqual([
      ['乙县', 1, 1],
      ['市生态环境局', 2, 2],
    ])
  })

  it('publishes the ranking to units, without the problems behind each figure', async () => {
    const forOffice = await rankings('metric=on_schedule')
    expect(forOffice.ranked[0]!.problems).toBeDefined()
    const forUnit = await rankings('metric=on_schedule', unitA)
    expect(rows(forUnit)).toEqual(rows(forOffice))
    for (const row of [...forUnit.ranked, ...forUnit.notRanked])
      expect(row).not.toHaveProperty('problems')
  })

  it('answers 400 for an unknown metric or year (a malformed query)', async () => {
    expect((await office.get('/api/v1/rankings?metric=speed')).statusCode).toBe(400)
    expect((await office.get('/api/v1/rankings?year=99')).statusCode).toBe(400)
  })
})

describe('assessment rules', () => {
  it('are edited by the office only, with If-Match: 428, 412, 404, 422, 403', async () => {
    const url = '/api/v1/assessment-rules/red_card'
    const rule = (await lead.get('/api/v1/assessment-rules'))
      .json<{ items: AssessmentRule[] }>()
      .items.find((x) => x.code === 'red_card')!
    expect(rule.points).toBe(5)
    expect((await office.patch(url, { points: 6 })).statusCode).toBe(428)
    expect((await office.patch(url, { points: 6 }, { 'if-match': '"99"' })).statusCode).toBe(412)
    expect(
      (await office.patch('/api/v1/assessment-rules/nope', { points: 1 }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(404)
    expect((await office.patch(url, { points: -1 }, { 'if-match': '"1"' })).statusCode).toBe(422)
    expect((await office.patch(url, {}, { 'if-match': '"1"' })).statusCode).toBe(422)
    expect((await lead.patch(url, { points: 6 }, { 'if-match': '"1"' })).statusCode).toBe(403)
    const ok = await office.patch(
      url,
      { points: 6, description: '被亮红牌，每次扣 6 分' },
      { 'if-match': `"${rule.version}"` },
    )
    expect(ok.json<AssessmentRule>()).toMatchObject({
      points: 6,
      description: '被亮红牌，每次扣 6 分',
    })
  })
})
