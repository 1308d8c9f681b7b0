import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, files, measures, problems, progressReports } from '../src/db/schema/index.js'
import { shanghaiDate } from '../src/lib/dates.js'
import { createTestApp, type TestApp } from './build-app.js'
import {
  day,
  makeMeasure,
  makeProblem,
  makeRound,
  pdfBytes,
  pngBytes,
  upload,
  type ProblemRow,
} from './evidence-factories.js'
import { client, etagFor, login, makeUser, makeWorld } from './factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let round: Awaited<ReturnType<typeof makeRound>>
const tokens: Record<string, string> = {}
const WHO = [
  'office',
  'lead',
  'lead2',
  'leadB',
  'unitA',
  'townA',
  'unitB',
  'leader',
  'auditor',
] as const
type Who = (typeof WHO)[number]
const as = (who: Who) => client(t.app, tokens[who])

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  round = await makeRound(t.database.db)
  const users: Record<string, { username: string }> = {
    ...world.users,
    // a second user of the lead unit, and a lead-unit user of county B (a co-responsible unit)
    lead2: await makeUser(t.database.db, { unit: world.units.eeb, roles: ['lead_unit'] }),
    leadB: await makeUser(t.database.db, { unit: world.units.countyB, roles: ['lead_unit'] }),
  }
  for (const who of WHO) tokens[who] = (await login(t.app, users[who]!.username)).accessToken
})
afterAll(() => t.close())

/** A problem led by the city EEB in county A, in progress unless told otherwise. */
const problem = (
  o: {
    status?: string
    mode?: string
    coUnits?: (typeof world.units)[keyof typeof world.units][]
  } = {},
) =>
  makeProblem(t.database.db, {
    round,
    leadUnit: world.units.eeb,
    region: world.units.countyA,
    status: o.status ?? 'in_progress',
    mode: o.mode ?? 'time_bound',
    coUnits: o.coUnits ?? [],
  })
const report = (o: Record<string, unknown> = {}) => ({
  period: '2026-09',
  done: '完成污水管网改造2.3公里',
  percent: 40,
  issues: '雨季施工受阻',
  nextSteps: '10月底前完成调试',
  ...o,
})
const uploaded = async (who: Who, data = pngBytes(), filename = '现场照片.png') => {
  const res = await upload(t.app, tokens[who]!, { filename, data })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}
const submit = async (who: Who, p: { id: string }, o: Record<string, unknown> = {}) => {
  const res = await as(who).post(`/api/v1/problems/${p.id}/reports`, report(o))
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}
const review = (who: Who, id: string, body: Record<string, unknown>, version = 1) =>
  as(who).post(`/api/v1/reports/${id}/review`, body, { 'if-match': `"${version}"` })
const problemRow = async (id: string) =>
  (await t.database.db.select().from(problems).where(eq(problems.id, id)))[0]!
const reportsOf = (problemId: string) =>
  t.database.db.select().from(progressReports).where(eq(progressReports.problemId, problemId))

describe('submitting a report', () => {
  it('records the report for the reporter’s unit and attaches the evidence in the same transaction', async () => {
    const p = await problem()
    const m = await makeMeasure(t.database.db, { problem: p, unit: world.units.countyA })
    const photo = await uploaded('unitA')
    const pdf = await uploaded('unitA', pdfBytes(), '验收材料.pdf')
    const res = await as('unitA').post(
      `/api/v1/problems/${p.id}/reports`,
      report({ measureId: m.id, evidenceIds: [photo, pdf] }),
    )
    expect(res.statusCode, res.body).toBe(201)
    expect(res.headers.etag).toMatch(etagFor(1))
    const r = res.json()
    expect(res.headers.location).toBe(`/api/v1/reports/${r.id}`)
    expect(r).toMatchObject({
      problemId: p.id,
      measureId: m.id,
      unit: { id: world.units.countyA.id },
      status: 'submitted',
      percent: 40,
      reviewNote: null,
      rating: null,
    })
    expect(r.submittedBy).toBeTruthy()
    expect(r.evidence.map((e: { id: string }) => e.id).sort()).toEqual([photo, pdf].sort())
    const attached = await t.database.db.select().from(files).where(eq(files.ownerId, r.id))
    expect(attached).toHaveLength(2)
    for (const f of attached) expect(f).toMatchObject({ ownerType: 'report', problemId: p.id })
    const entries = await t.database.query<{ action: string }>(
      `select action from audit_log where after->>'problemId' = $1 order by seq`,
      [p.id],
    )
    expect(entries.map((e) => e.action)).toEqual([
      'report.submitted',
      'file.attached',
      'file.attached',
    ])
  })

  const evidenceCases: [string, () => Promise<string>][] = [
    ["another user's upload", () => uploaded('townA')],
    [
      'a file already attached',
      async () => {
        const p = await problem()
        const id = await uploaded('unitA')
        await submit('unitA', p, { evidenceIds: [id] })
        return id
      },
    ],
    ['a file that does not exist', async () => '01900000-0000-7000-8000-000000000000'],
  ]
  it.each(evidenceCases)(
    'refuses %s as evidence with 422 and keeps nothing',
    async (_name, make) => {
      const p = await problem()
      const mine = await uploaded('unitA')
      const bad = await make()
      const res = await as('unitA').post(
        `/api/v1/problems/${p.id}/reports`,
        report({ evidenceIds: [mine, bad] }),
      )
      expect(res.statusCode, res.body).toBe(422)
      expect(res.json().errors).toEqual([expect.objectContaining({ path: '/evidenceIds/1' })])
      expect(await reportsOf(p.id)).toHaveLength(0)
      expect(
        (await t.database.db.select().from(files).where(eq(files.id, mine)))[0]!.ownerType,
      ).toBeNull()
    },
  )

  it('refuses a measure of another problem, or of another unit, with 422', async () => {
    const p = await problem({ coUnits: [world.units.countyB] })
    const other = await makeMeasure(t.database.db, {
      problem: await problem(),
      unit: world.units.countyA,
    })
    const theirs = await makeMeasure(t.database.db, { problem: p, unit: world.units.countyB })
    for (const measureId of [other.id, theirs.id]) {
      const res = await as('unitA').post(`/api/v1/problems/${p.id}/reports`, report({ measureId }))
      expect(res.statusCode).toBe(422)
      expect(res.json().errors[0].path).toBe('/measureId')
    }
    // the lead unit reports on any measure of its problem
    expect(
      (await as('lead').post(`/api/v1/problems/${p.id}/reports`, report({ measureId: theirs.id })))
        .statusCode,
    ).toBe(201)
  })

  it.each(['draft', 'plan_review', 'acceptance', 'closed'])(
    'answers 409 while the problem is %s',
    async (status) => {
      const p = await problem({ status })
      const res = await as('unitA').post(`/api/v1/problems/${p.id}/reports`, report())
      expect(res.statusCode).toBe(409)
      expect(await reportsOf(p.id)).toHaveLength(0)
    },
  )

  const who: [Who, number][] = [
    ['unitA', 201],
    ['lead', 201],
    ['unitB', 404],
    ['townA', 404],
    ['office', 403],
    ['leader', 403],
    ['auditor', 403],
  ]
  it.each(who)('answers %s with %i', async (w, status) => {
    const p = await problem()
    expect((await as(w).post(`/api/v1/problems/${p.id}/reports`, report())).statusCode).toBe(status)
  })

  it('creates one report when a submission is retried with the same Idempotency-Key', async () => {
    const p = await problem()
    const evidence = await uploaded('unitA')
    const body = report({ evidenceIds: [evidence] })
    const first = await as('unitA').post(`/api/v1/problems/${p.id}/reports`, body, {
      'idempotency-key': 'report-2026-09',
    })
    const retry = await as('unitA').post(`/api/v1/problems/${p.id}/reports`, body, {
      'idempotency-key': 'report-2026-09',
    })
    expect(first.statusCode).toBe(201)
    expect(retry.statusCode).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json().id).toBe(first.json().id)
    expect(await reportsOf(p.id)).toHaveLength(1)
    const changed = await as('unitA').post(
      `/api/v1/problems/${p.id}/reports`,
      { ...body, percent: 60 },
      { 'idempotency-key': 'report-2026-09' },
    )
    expect(changed.statusCode).toBe(422)
    expect(changed.json().code).toBe('idempotency_mismatch')
  })
})

describe('reading reports', () => {
  let pa: ProblemRow
  let ids: string[]
  beforeAll(async () => {
    pa = await problem()
    ids = []
    for (const [w, period] of [
      ['unitA', '2026-07'],
      ['lead', '2026-08'],
      ['unitA', '2026-09'],
    ] as const)
      ids.push((await submit(w, pa, { period })).id)
  })

  it("lists a problem's reports newest first with cursor paging", async () => {
    const res = await as('unitA').get(`/api/v1/problems/${pa.id}/reports`)
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((r: { id: string }) => r.id)).toEqual([...ids].reverse())
    expect(res.json().total).toBe(3)
    const first = (await as('unitA').get(`/api/v1/problems/${pa.id}/reports?limit=2`)).json()
    const next = (
      await as('unitA').get(`/api/v1/problems/${pa.id}/reports?limit=2&cursor=${first.nextCursor}`)
    ).json()
    expect([...first.items, ...next.items].map((r: { id: string }) => r.id)).toEqual(
      [...ids].reverse(),
    )
    expect(next.nextCursor).toBeNull()
    expect((await as('unitB').get(`/api/v1/problems/${pa.id}/reports`)).statusCode).toBe(404)
  })

  it('serves the review queue oldest first, filtered by problem, unit and period', async () => {
    const queue = (
      await as('office').get(`/api/v1/reports?status=submitted&problem=${pa.id}`)
    ).json()
    expect(queue.items.map((r: { id: string }) => r.id)).toEqual(ids)
    const county = (
      await as('office').get(`/api/v1/reports?problem=${pa.id}&unit=${world.units.countyA.id}`)
    ).json()
    expect(county.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[0]])
    const period = (
      await as('office').get(`/api/v1/reports?problem=${pa.id}&period=2026-08`)
    ).json()
    expect(period.items.map((r: { id: string }) => r.id)).toEqual([ids[1]])
  })

  it('shows a report with its ETag to whoever sees the problem, 404 to others', async () => {
    const res = await as('leader').get(`/api/v1/reports/${ids[0]}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toMatch(etagFor(1))
    expect((await as('unitB').get(`/api/v1/reports/${ids[0]}`)).statusCode).toBe(404)
  })

  it('never lists a report its reader could not open', async () => {
    for (const w of ['unitA', 'unitB', 'townA', 'leadB'] as const) {
      const list = (await as(w).get('/api/v1/reports?limit=200')).json()
      if (w === 'unitB' || w === 'townA')
        expect(list.items.map((r: { id: string }) => r.id)).not.toContain(ids[0])
      for (const r of list.items)
        expect((await as(w).get(`/api/v1/reports/${r.id}`)).statusCode).toBe(200)
      expect(list.total).toBe(list.items.length)
    }
  })
})

describe('reviewing a report', () => {
  it('returns a report only with a reason, which the report then shows; a second review is a conflict', async () => {
    const p = await problem()
    const r = await submit('unitA', p)
    const bare = await review('office', r.id, { decision: 'return' })
    expect(bare.statusCode).toBe(422)
    expect(bare.json().errors).toContainEqual(expect.objectContaining({ path: '/note' }))
    const res = await review('office', r.id, {
      decision: 'return',
      note: '佐证材料不足，请补充现场照片',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers.etag).toMatch(etagFor(2))
    expect(res.json()).toMatchObject({
      status: 'returned',
      reviewNote: '佐证材料不足，请补充现场照片',
    })
    expect((await as('unitA').get(`/api/v1/reports/${r.id}`)).json().reviewNote).toBe(
      '佐证材料不足，请补充现场照片',
    )
    expect((await review('office', r.id, { decision: 'accept' }, 2)).statusCode).toBe(409)
    expect((await problemRow(p.id)).reportedProgress).toBe(0)
  })

  it('answers 412 to a stale version and 428 without one, changing nothing', async () => {
    const p = await problem()
    const r = await submit('unitA', p)
    expect((await review('office', r.id, { decision: 'accept' }, 5)).statusCode).toBe(412)
    expect(
      (await as('office').post(`/api/v1/reports/${r.id}/review`, { decision: 'accept' }))
        .statusCode,
    ).toBe(428)
    expect((await reportsOf(p.id))[0]!.status).toBe('submitted')
  })

  it("lets the lead unit review its co-units' reports, never its own unit's", async () => {
    const p = await problem({ coUnits: [world.units.countyB] })
    const fromCounty = await submit('unitA', p)
    expect((await review('lead', fromCounty.id, { decision: 'accept' })).statusCode).toBe(200)
    const fromLead = await submit('lead', p)
    expect((await review('lead', fromLead.id, { decision: 'accept' })).statusCode).toBe(403)
    expect((await review('lead2', fromLead.id, { decision: 'accept' })).statusCode).toBe(403)
    // a co-unit with a lead-unit user does not lead this problem
    expect((await review('leadB', fromLead.id, { decision: 'accept' })).statusCode).toBe(403)
    expect((await review('unitA', fromLead.id, { decision: 'accept' })).statusCode).toBe(403)
    expect((await review('unitB', fromLead.id, { decision: 'accept' })).statusCode).toBe(403)
    expect((await reportsOf(p.id)).find((r) => r.id === fromLead.id)!.status).toBe('submitted')
    expect((await review('office', fromLead.id, { decision: 'accept' })).statusCode).toBe(200)
  })

  it('turns a yellow "behind" problem green when a report at the planned progress is accepted', async () => {
    const p = await problem()
    const m = await makeMeasure(t.database.db, {
      problem: p,
      unit: world.units.countyA,
      startDate: day(-50),
      deadline: day(50),
    })
    const before = await problemRow(p.id)
    expect(before.plannedProgress).toBe(50)
    expect(before.light).toBe('yellow')
    expect(before.lightReasons).toContainEqual(
      expect.objectContaining({ code: 'behind', planned: 50, reported: 0 }),
    )

    const r = await submit('unitA', p, {
      measureId: m.id,
      percent: 50,
      evidenceIds: [await uploaded('unitA')],
    })
    expect((await problemRow(p.id)).light).toBe('yellow') // submitting changes nothing yet
    const res = await review('office', r.id, { decision: 'accept', note: '同意' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'accepted', reviewNote: '同意', rating: null })

    const after = await problemRow(p.id)
    expect(after.reportedProgress).toBe(50)
    expect(after.light).toBe('green')
    expect(after.lightAsOf).toBe(shanghaiDate())
    const measure = (await as('unitA').get(`/api/v1/problems/${p.id}/measures`)).json().items[0]
    expect(measure).toMatchObject({
      percent: 50,
      status: 'in_progress',
      version: 2,
      light: { color: 'green' },
    })

    const actions = await t.database.query<{ action: string }>(
      `select action from audit_log where after->>'problemId' = $1 order by seq`,
      [p.id],
    )
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'report.accepted',
        'measure.progress_updated',
        'problem.progress_updated',
      ]),
    )
  })

  it('marks a measure done at 100 % and weighs the problem over its measures', async () => {
    const p = await problem()
    const a = await makeMeasure(t.database.db, { problem: p, unit: world.units.countyA, weight: 3 })
    await makeMeasure(t.database.db, {
      problem: p,
      unit: world.units.countyA,
      weight: 1,
      percent: 20,
    })
    const r = await submit('unitA', p, { measureId: a.id, percent: 100 })
    expect((await review('office', r.id, { decision: 'accept' })).statusCode).toBe(200)
    const [row] = await t.database.db.select().from(measures).where(eq(measures.id, a.id))
    expect(row).toMatchObject({ percent: 100, status: 'done', doneDate: shanghaiDate() })
    expect((await problemRow(p.id)).reportedProgress).toBe(80) // (100×3 + 20×1) / 4
  })

  it("takes a whole-problem report's percent even when the problem has measures", async () => {
    const p = await problem()
    await makeMeasure(t.database.db, { problem: p, unit: world.units.countyA, percent: 20 })
    const r = await submit('unitA', p, { percent: 55 })
    expect((await review('office', r.id, { decision: 'accept' })).statusCode).toBe(200)
    expect((await problemRow(p.id)).reportedProgress).toBe(55)
  })

  it("takes the report's percent when the problem has no measures", async () => {
    const p = await problem()
    const r = await submit('unitA', p, { percent: 35 })
    expect((await review('lead', r.id, { decision: 'accept' })).statusCode).toBe(200)
    expect((await problemRow(p.id)).reportedProgress).toBe(35)
  })

  it('rates each period of a long-term problem: behind when under planned minus tolerance, or as the reviewer says', async () => {
    const p = await problem({ mode: 'long_term' })
    const m = await makeMeasure(t.database.db, {
      problem: p,
      unit: world.units.countyA,
      startDate: day(-50),
      deadline: day(50),
    })
    const behind = await submit('unitA', p, { measureId: m.id, percent: 30, period: '2026-08' })
    expect((await review('office', behind.id, { decision: 'accept' })).json().rating).toBe('behind')
    const onTime = await submit('unitA', p, { measureId: m.id, percent: 41, period: '2026-09' })
    expect((await review('office', onTime.id, { decision: 'accept' })).json().rating).toBe(
      'on_schedule',
    )
    const judged = await submit('unitA', p, { measureId: m.id, percent: 45, period: '2026-10' })
    expect(
      (await review('office', judged.id, { decision: 'accept', rating: 'behind' })).json().rating,
    ).toBe('behind')
  })

  it('refuses a rating for a problem that is not long-term (422)', async () => {
    const p = await problem()
    const r = await submit('unitA', p)
    const res = await review('office', r.id, { decision: 'accept', rating: 'on_schedule' })
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toContainEqual(expect.objectContaining({ path: '/rating' }))
  })

  it('audits the review with the problem id', async () => {
    const p = await problem()
    const r = await submit('unitA', p)
    await review('office', r.id, { decision: 'return', note: '请补充' })
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.returned'), eq(auditLog.entityId, r.id)))
    expect(entry!.after).toMatchObject({
      status: 'returned',
      reviewNote: '请补充',
      problemId: p.id,
    })
  })
})
