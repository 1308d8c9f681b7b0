import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, measures, milestones, units } from '../src/db/schema/index.js'
import { shanghaiDate } from '../src/lib/dates.js'
import { createTestApp, type TestApp } from './build-app.js'
import { call, day, makeMeasure, makeProblem, makeRound } from './evidence-factories.js'
import { client, etagFor, login, makeUnit, makeUser, makeWorld } from './factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let round: Awaited<ReturnType<typeof makeRound>>
const tokens: Record<string, string> = {}
type Who = 'office' | 'lead' | 'unitA' | 'unitB' | 'leader' | 'auditor' | 'leadA' | 'leadB'
const as = (who: Who) => client(t.app, tokens[who])
const del = (who: Who, url: string, version?: number) =>
  call(
    t.app,
    tokens[who]!,
    'DELETE',
    url,
    undefined,
    version === undefined ? {} : { 'if-match': `"${version}"` },
  )

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  round = await makeRound(t.database.db)
  const extra = {
    // lead_unit users of the region (sees the problem, does not lead it) and of another county
    leadA: await makeUser(t.database.db, { unit: world.units.countyA, roles: ['lead_unit'] }),
    leadB: await makeUser(t.database.db, { unit: world.units.countyB, roles: ['lead_unit'] }),
  }
  const users = { ...world.users, ...extra } as Record<string, { username: string }>
  for (const who of ['office', 'lead', 'unitA', 'unitB', 'leader', 'auditor', 'leadA', 'leadB'])
    tokens[who] = (await login(t.app, users[who]!.username)).accessToken
})
afterAll(() => t.close())

/** A problem led by the city EEB in county A (deadline in 120 days). */
const problem = (status = 'draft', o: { deadline?: number } = {}) =>
  makeProblem(t.database.db, {
    round,
    leadUnit: world.units.eeb,
    region: world.units.countyA,
    status,
    ...o,
  })
const body = (o: Record<string, unknown> = {}) => ({
  content: '完成污水处理厂提标改造，出水稳定达到一级A标准',
  unitId: world.units.countyA.id,
  personName: '张三',
  startDate: day(-10),
  deadline: day(80),
  ...o,
})
const measuresOf = (problemId: string) =>
  t.database.db.select().from(measures).where(eq(measures.problemId, problemId))

describe('GET /schedule (倒排工期)', () => {
  it('proposes the standard milestones backwards from the deadline', async () => {
    const res = await as('lead').get(`/api/v1/schedule?startDate=2026-01-01&deadline=2026-04-11`)
    expect(res.statusCode).toBe(200)
    expect(res.json().milestones).toEqual([
      { name: '方案制定', dueDate: '2026-01-16', weight: 15 },
      { name: '工程实施', dueDate: '2026-03-12', weight: 55 },
      { name: '自查自验', dueDate: '2026-03-27', weight: 15 },
      { name: '申请验收', dueDate: '2026-04-11', weight: 15 },
    ])
  })

  it('offers the engineering and management templates', async () => {
    for (const template of ['engineering', 'management']) {
      const res = await as('office').get(
        `/api/v1/schedule?startDate=2026-01-01&deadline=2026-12-31&template=${template}`,
      )
      expect(res.statusCode).toBe(200)
      const ms = res.json().milestones as { weight: number; dueDate: string }[]
      expect(ms.reduce((s, m) => s + m.weight, 0)).toBe(100)
      expect(ms.at(-1)!.dueDate).toBe('2026-12-31')
    }
  })

  it('answers 422 when the start is after the deadline, 400 for an unknown template', async () => {
    const late = await as('lead').get(`/api/v1/schedule?startDate=2026-05-01&deadline=2026-04-01`)
    expect(late.statusCode).toBe(422)
    expect(late.json().errors).toContainEqual(expect.objectContaining({ path: '/deadline' }))
    expect(
      (
        await as('lead').get(
          `/api/v1/schedule?startDate=2026-01-01&deadline=2026-04-01&template=magic`,
        )
      ).statusCode,
    ).toBe(400)
  })

  it('is open to every logged-in role, not to anonymous callers', async () => {
    for (const who of ['unitA', 'leader', 'auditor'] as const)
      expect(
        (await as(who).get(`/api/v1/schedule?startDate=2026-01-01&deadline=2026-02-01`)).statusCode,
      ).toBe(200)
    expect(
      (await client(t.app).get(`/api/v1/schedule?startDate=2026-01-01&deadline=2026-02-01`))
        .statusCode,
    ).toBe(401)
  })
})

describe('creating measures', () => {
  it('lets the lead unit draft measures with milestones, numbered in order, and audits them', async () => {
    const p = await problem()
    const first = await as('lead').post(
      `/api/v1/problems/${p.id}/measures`,
      body({
        milestones: [
          { name: '方案制定', dueDate: day(0), weight: 20 },
          { name: '工程实施', dueDate: day(60), weight: 50 },
          { name: '申请验收', dueDate: day(80), weight: 30 },
        ],
      }),
    )
    expect(first.statusCode, first.body).toBe(201)
    expect(first.headers.etag).toMatch(etagFor(1))
    const m = first.json()
    expect(first.headers.location).toBe(`/api/v1/measures/${m.id}`)
    expect(m).toMatchObject({
      problemId: p.id,
      seq: 1,
      status: 'pending',
      percent: 0,
      unit: { id: world.units.countyA.id, name: '甲县' },
      personName: '张三',
    })
    expect(m.milestones.map((x: { name: string }) => x.name)).toEqual([
      '方案制定',
      '工程实施',
      '申请验收',
    ])
    expect(m.plannedProgress).toBe(20)
    expect(m.light.color).toBe('yellow')
    const second = await as('lead').post(
      `/api/v1/problems/${p.id}/measures`,
      body({ content: '建立长效监管机制' }),
    )
    expect(second.json().seq).toBe(2)
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'measure.created'), eq(auditLog.entityId, m.id)))
    expect((entry!.after as { problemId: string }).problemId).toBe(p.id)
  })

  it('accepts milestone weights that add up to 100', async () => {
    const p = await problem()
    const res = await as('lead').post(
      `/api/v1/problems/${p.id}/measures`,
      body({
        milestones: [
          { name: 'a', dueDate: day(0), weight: 33.33 },
          { name: 'b', dueDate: day(10), weight: 33.33 },
          { name: 'c', dueDate: day(20), weight: 33.34 },
        ],
      }),
    )
    expect(res.statusCode, res.body).toBe(201)
  })

  const rules: [string, Record<string, unknown>, string][] = [
    ['a start after the deadline', { startDate: day(50), deadline: day(40) }, '/deadline'],
    ["a deadline after the problem's", { deadline: day(200) }, '/deadline'],
    [
      'a milestone due before the start',
      { milestones: [{ name: 'x', dueDate: day(-20) }] },
      '/milestones/0/dueDate',
    ],
    [
      'a milestone due after the deadline',
      {
        milestones: [
          { name: 'x', dueDate: day(0) },
          { name: 'y', dueDate: day(81) },
        ],
      },
      '/milestones/1/dueDate',
    ],
    [
      'weights not adding up to 100',
      {
        milestones: [
          { name: 'x', dueDate: day(0), weight: 50 },
          { name: 'y', dueDate: day(5), weight: 40 },
        ],
      },
      '/milestones',
    ],
    [
      'weights on some milestones only',
      {
        milestones: [
          { name: 'x', dueDate: day(0), weight: 100 },
          { name: 'y', dueDate: day(5) },
        ],
      },
      '/milestones/1/weight',
    ],
    [
      'a milestone done in the future',
      { milestones: [{ name: 'x', dueDate: day(0), doneDate: day(3) }] },
      '/milestones/0/doneDate',
    ],
    ['a unit that does not exist', { unitId: '01900000-0000-7000-8000-000000000000' }, '/unitId'],
  ]
  it.each(rules)('refuses %s with 422 and creates nothing', async (_name, override, path) => {
    const p = await problem()
    const res = await as('lead').post(`/api/v1/problems/${p.id}/measures`, body(override))
    expect(res.statusCode, res.body).toBe(422)
    expect(res.json().code).toBe('unprocessable')
    expect(res.json().errors).toContainEqual(expect.objectContaining({ path }))
    expect(await measuresOf(p.id)).toHaveLength(0)
  })

  it('refuses a deactivated unit with 422', async () => {
    const closedUnit = await makeUnit(t.database.db, {
      parent: world.units.city,
      name: '已撤销单位',
    })
    await t.database.db.update(units).set({ active: false }).where(eq(units.id, closedUnit.id))
    const p = await problem()
    const res = await as('office').post(
      `/api/v1/problems/${p.id}/measures`,
      body({ unitId: closedUnit.id }),
    )
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toContainEqual({
      path: '/unitId',
      message: 'the unit is deactivated',
    })
  })

  const roles: [string, Who, string, number][] = [
    ['the lead unit while drafting', 'lead', 'draft', 201],
    ['the office while drafting', 'office', 'draft', 201],
    ['the office while in progress', 'office', 'in_progress', 201],
    ['the office after applying for acceptance', 'office', 'acceptance', 201],
    ['the office once closed', 'office', 'closed', 409],
    ['the lead unit under plan review', 'lead', 'plan_review', 403],
    ['the lead unit while in progress', 'lead', 'in_progress', 403],
    ['a unit user', 'unitA', 'draft', 403],
    ['a leader', 'leader', 'draft', 403],
    ['a lead-unit user of the region who does not lead it', 'leadA', 'draft', 403],
    ['a lead-unit user of another county (hidden)', 'leadB', 'draft', 404],
  ]
  it.each(roles)('answers %s with %i', async (_name, who, status, expected) => {
    const p = await problem(status)
    const res = await as(who).post(`/api/v1/problems/${p.id}/measures`, body())
    expect(res.statusCode, res.body).toBe(expected)
    expect(await measuresOf(p.id)).toHaveLength(expected === 201 ? 1 : 0)
  })
})

describe('reading measures', () => {
  it('returns milestones, planned progress and the light of each measure', async () => {
    const p = await problem('in_progress')
    await makeMeasure(t.database.db, {
      problem: p,
      unit: world.units.countyA,
      startDate: day(-50),
      deadline: day(50),
    })
    await makeMeasure(t.database.db, {
      problem: p,
      unit: world.units.townA,
      startDate: day(-50),
      deadline: day(50),
      percent: 45,
      milestones: [
        { name: '方案制定', dueDate: day(-40), weight: 40 },
        { name: '工程实施', dueDate: day(-1), weight: 30 },
        { name: '申请验收', dueDate: day(50), weight: 30 },
      ],
    })
    const res = await as('unitA').get(`/api/v1/problems/${p.id}/measures`)
    expect(res.statusCode).toBe(200)
    const [plain, staged] = res.json().items
    expect(plain).toMatchObject({
      seq: 1,
      plannedProgress: 50,
      light: { color: 'yellow', asOf: shanghaiDate() },
    })
    expect(plain.light.reasons[0]).toMatchObject({ code: 'behind', planned: 50, reported: 0 })
    expect(staged).toMatchObject({
      seq: 2,
      plannedProgress: 70,
      percent: 45,
      unit: { id: world.units.townA.id },
    })
    expect(staged.milestones).toHaveLength(3)
    expect(staged.light.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['milestone_missed', 'behind']),
    )
  })

  it('shows them to whoever may see the problem and answers 404 to everyone else', async () => {
    const p = await problem()
    await makeMeasure(t.database.db, { problem: p, unit: world.units.countyA })
    for (const who of ['office', 'lead', 'unitA', 'leader', 'auditor'] as const)
      expect((await as(who).get(`/api/v1/problems/${p.id}/measures`)).statusCode).toBe(200)
    expect((await as('unitB').get(`/api/v1/problems/${p.id}/measures`)).statusCode).toBe(404)
    expect(
      (await as('office').get(`/api/v1/problems/01900000-0000-7000-8000-000000000000/measures`))
        .statusCode,
    ).toBe(404)
  })
})

describe('editing measures', () => {
  async function drafted(status = 'draft') {
    const p = await problem()
    const created = await as('lead').post(
      `/api/v1/problems/${p.id}/measures`,
      body({
        milestones: [
          { name: '方案制定', dueDate: day(-5), weight: 30 },
          { name: '工程实施', dueDate: day(80), weight: 70 },
        ],
      }),
    )
    expect(created.statusCode).toBe(201)
    if (status !== 'draft')
      await t.database.query(`update problems set status = $1 where id = $2`, [status, p.id])
    return { p, m: created.json() }
  }

  it('replaces the milestones as a whole and moves the version', async () => {
    const { m } = await drafted()
    const res = await as('lead').patch(
      `/api/v1/measures/${m.id}`,
      { milestones: [{ name: '一次完成', dueDate: day(70) }] },
      { 'if-match': '"1"' },
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers.etag).toMatch(etagFor(2))
    expect(res.json().milestones).toEqual([
      expect.objectContaining({ name: '一次完成', dueDate: day(70), weight: null, doneDate: null }),
    ])
    expect(
      await t.database.db.select().from(milestones).where(eq(milestones.measureId, m.id)),
    ).toHaveLength(1)
  })

  it('answers 412 to a stale If-Match and 428 without one, changing nothing', async () => {
    const { m } = await drafted()
    const stale = await as('lead').patch(
      `/api/v1/measures/${m.id}`,
      { content: '改' },
      { 'if-match': '"7"' },
    )
    expect(stale.statusCode).toBe(412)
    expect((await as('lead').patch(`/api/v1/measures/${m.id}`, { content: '改' })).statusCode).toBe(
      428,
    )
    const [row] = await t.database.db.select().from(measures).where(eq(measures.id, m.id))
    expect(row!.content).toBe(body().content)
  })

  it('lets the lead unit tick milestones and the measure off once the problem is in progress', async () => {
    const { m } = await drafted('in_progress')
    const ticked = m.milestones.map((x: Record<string, unknown>, i: number) => ({
      name: x.name,
      dueDate: x.dueDate,
      weight: x.weight,
      ...(i === 0 ? { doneDate: day(-1) } : {}),
    }))
    const res = await as('lead').patch(
      `/api/v1/measures/${m.id}`,
      { milestones: ticked },
      { 'if-match': '"1"' },
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().milestones[0].doneDate).toBe(day(-1))
    const done = await as('lead').patch(
      `/api/v1/measures/${m.id}`,
      { status: 'done' },
      { 'if-match': '"2"' },
    )
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({
      status: 'done',
      doneDate: shanghaiDate(),
      light: { color: 'green' },
    })
  })

  it('refuses the lead unit anything else once the problem is in progress (403)', async () => {
    const { m } = await drafted('in_progress')
    expect(
      (
        await as('lead').patch(
          `/api/v1/measures/${m.id}`,
          { content: '改写措施' },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(403)
    const moved = m.milestones.map((x: Record<string, unknown>) => ({
      name: x.name,
      dueDate: day(1),
      weight: x.weight,
    }))
    expect(
      (
        await as('lead').patch(
          `/api/v1/measures/${m.id}`,
          { milestones: moved },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(403)
  })

  it('moves a deadline of a problem in progress only through an extension (422), other edits pass for the office', async () => {
    const { m } = await drafted('in_progress')
    const res = await as('office').patch(
      `/api/v1/measures/${m.id}`,
      { deadline: day(90) },
      { 'if-match': '"1"' },
    )
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toContainEqual(expect.objectContaining({ path: '/deadline' }))
    expect(
      (
        await as('office').patch(
          `/api/v1/measures/${m.id}`,
          { content: '调整措施内容' },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(200)
  })

  it('checks the resulting dates: milestones must stay within a shortened span', async () => {
    const { m } = await drafted()
    const res = await as('lead').patch(
      `/api/v1/measures/${m.id}`,
      { deadline: day(50) },
      { 'if-match': '"1"' },
    )
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({ path: '/milestones/1/dueDate' }),
    )
  })

  it('refuses a done date in the future or on a measure not done (422)', async () => {
    const { m } = await drafted()
    expect(
      (
        await as('lead').patch(
          `/api/v1/measures/${m.id}`,
          { status: 'done', doneDate: day(2) },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(422)
    expect(
      (
        await as('lead').patch(
          `/api/v1/measures/${m.id}`,
          { status: 'in_progress', doneDate: day(-2) },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(422)
  })

  it('re-links the problem to the units of its measures', async () => {
    const { p, m } = await drafted()
    expect((await as('unitB').get(`/api/v1/problems/${p.id}/measures`)).statusCode).toBe(404)
    const res = await as('lead').patch(
      `/api/v1/measures/${m.id}`,
      { unitId: world.units.countyB.id },
      { 'if-match': '"1"' },
    )
    expect(res.statusCode).toBe(200)
    expect(res.json().unit.name).toBe('乙县')
    expect((await as('unitB').get(`/api/v1/problems/${p.id}/measures`)).statusCode).toBe(200)
  })

  it('records what changed, with the problem, in the audit log', async () => {
    const { p, m } = await drafted()
    await as('lead').patch(
      `/api/v1/measures/${m.id}`,
      { personName: '李四' },
      { 'if-match': '"1"' },
    )
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'measure.updated'), eq(auditLog.entityId, m.id)))
    expect(entry!.before).toEqual({ personName: '张三', problemId: p.id })
    expect(entry!.after).toEqual({ personName: '李四', problemId: p.id })
  })

  it('answers 404 for a measure of a hidden problem', async () => {
    const { m } = await drafted()
    expect(
      (await as('leadB').patch(`/api/v1/measures/${m.id}`, { content: 'x' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(404)
  })
})

describe('deleting measures', () => {
  it('deletes a draft measure with its milestones and unlinks its unit', async () => {
    const p = await problem()
    const m = (
      await as('lead').post(
        `/api/v1/problems/${p.id}/measures`,
        body({ unitId: world.units.countyB.id, milestones: [{ name: 'x', dueDate: day(1) }] }),
      )
    ).json()
    expect((await as('unitB').get(`/api/v1/problems/${p.id}/measures`)).statusCode).toBe(200)
    const res = await del('lead', `/api/v1/measures/${m.id}`, 1)
    expect(res.statusCode, res.body).toBe(204)
    expect(await measuresOf(p.id)).toHaveLength(0)
    expect(
      await t.database.db.select().from(milestones).where(eq(milestones.measureId, m.id)),
    ).toHaveLength(0)
    expect((await as('unitB').get(`/api/v1/problems/${p.id}/measures`)).statusCode).toBe(404)
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'measure.deleted'), eq(auditLog.entityId, m.id)))
    expect(entry!.after).toEqual({ problemId: p.id })
  })

  it('answers 409 once the plan is past the draft, 412 to a stale version, 428 without one', async () => {
    const p = await problem()
    const m = (await as('lead').post(`/api/v1/problems/${p.id}/measures`, body())).json()
    expect((await del('lead', `/api/v1/measures/${m.id}`, 3)).statusCode).toBe(412)
    expect((await del('lead', `/api/v1/measures/${m.id}`)).statusCode).toBe(428)
    await t.database.query(`update problems set status = 'in_progress' where id = $1`, [p.id])
    expect((await del('office', `/api/v1/measures/${m.id}`, 1)).statusCode).toBe(409)
    expect((await del('lead', `/api/v1/measures/${m.id}`, 1)).statusCode).toBe(403)
    expect(await measuresOf(p.id)).toHaveLength(1)
  })
})

describe('derived data', () => {
  it('recomputes the problem planned progress when the plan changes', async () => {
    const p = await problem()
    await as('lead').post(
      `/api/v1/problems/${p.id}/measures`,
      body({ startDate: day(-40), deadline: day(40) }),
    )
    const [row] = await t.database.query<{ planned_progress: number }>(
      `select planned_progress from problems where id = $1`,
      [p.id],
    )
    expect(row!.planned_progress).toBe(50)
    const count = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(measures)
      .where(eq(measures.problemId, p.id))
    expect(count[0]!.n).toBe(1)
  })
})
