import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, problems, publicReports, publicities } from '../src/db/schema/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, etagFor, makeWorld } from './factories.js'
import { apiClient, makeProblem, makeRound } from './ledger-factories.js'
import { PUBLIC_TEST_CONFIG, publish, putInPublicity, submit } from './public-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let round: { id: string }
let office: Awaited<ReturnType<typeof as>>
let published: { id: string; code: string; title: string }

/** A fresh report as the public sends it; returns its id (office view) and tracking code. */
async function newReport(more: Record<string, unknown> = {}) {
  const res = await submit(t.app, { name: '王五', contact: '13712345678', ...more })
  expect(res.statusCode, res.body).toBe(201)
  const code = res.json().trackingCode as string
  const [row] = await t.database.db
    .select({ id: publicReports.id })
    .from(publicReports)
    .where(eq(publicReports.trackingCode, code))
  return { id: row!.id, code }
}
const triage = (id: string, body: unknown, version = 1) =>
  office.post(`/api/v1/public-reports/${id}/triage`, body, { 'if-match': `"${version}"` })
const rule = (id: string, body: unknown, version = 1) =>
  office.post(`/api/v1/public-reports/${id}/ruling`, body, { 'if-match': `"${version}"` })
const track = async (code: string) =>
  (await t.app.inject({ url: `/api/v1/public/reports/${code}` })).json()
const audits = (entityId: string) =>
  t.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId))

async function problemInPublicity() {
  const p = await makeProblem(t.database.db, {
    round,
    leadUnit: world.units.eeb,
    status: 'in_progress',
  })
  await publish(t.database.db, p.id)
  const publicityId = await putInPublicity(t.database.db, p.id)
  return { ...p, publicityId }
}

beforeAll(async () => {
  t = await createTestApp(PUBLIC_TEST_CONFIG)
  world = await makeWorld(t.database.db)
  round = await makeRound(t.database.db)
  office = await as(t.app, world.users.office)
  published = await makeProblem(t.database.db, {
    round,
    leadUnit: world.units.eeb,
    status: 'in_progress',
    title: '河道黑臭水体整治',
  })
  await publish(t.database.db, published.id)
})
afterAll(() => t.close())

describe('reading public reports', () => {
  it("shows the reporter's name and contact to the office only", async () => {
    const { id } = await newReport()
    const seen = (await office.get(`/api/v1/public-reports/${id}`)).json()
    expect(seen).toMatchObject({ name: '王五', contact: '13712345678', status: 'new', version: 1 })
    const readers = [
      await as(t.app, world.users.leader),
      await as(t.app, world.users.auditor),
      await apiClient(t.app, world.users.admin, ['public_reports:read']),
    ]
    for (const reader of readers) {
      const one = await reader.get(`/api/v1/public-reports/${id}`)
      expect(one.json(), one.body).toMatchObject({
        name: null,
        contact: null,
        content: seen.content,
      })
      const list = (await reader.get('/api/v1/public-reports?limit=200')).json()
      expect(JSON.stringify(list)).not.toMatch(/王五|13712345678/)
    }
  })

  it('refuses unit and lead-unit users with 403', async () => {
    const { id } = await newReport()
    for (const who of [world.users.unitA, world.users.lead]) {
      const c = await as(t.app, who)
      expect((await c.get('/api/v1/public-reports')).statusCode).toBe(403)
      expect((await c.get(`/api/v1/public-reports/${id}`)).statusCode).toBe(403)
      const headers = { 'if-match': '"1"' }
      const body = { action: 'reply', reply: '收到' }
      expect((await c.post(`/api/v1/public-reports/${id}/triage`, body, headers)).statusCode).toBe(
        403,
      )
      const ruling = { ruling: 'rejected', reason: '不成立' }
      expect(
        (await c.post(`/api/v1/public-reports/${id}/ruling`, ruling, headers)).statusCode,
      ).toBe(403)
    }
  })

  it('lists newest first with filters, Chinese search, cursor paging and a total', async () => {
    const a = await newReport({ content: '工业园区夜间偷排废水问题' })
    const b = await newReport({ content: '园区偷排现象仍然存在' })
    const found = (
      await office.get(`/api/v1/public-reports?q=${encodeURIComponent('园区')}&limit=1`)
    ).json()
    expect(found.total).toBe(2)
    expect(found.items.map((r: { id: string }) => r.id)).toEqual([b.id])
    const next = (
      await office.get(
        `/api/v1/public-reports?q=${encodeURIComponent('园区')}&limit=1&cursor=${found.nextCursor}`,
      )
    ).json()
    expect(next.items.map((r: { id: string }) => r.id)).toEqual([a.id])
    expect(next.nextCursor).toBeNull()
    const bad = await office.get('/api/v1/public-reports?cursor=garbage')
    expect(bad.statusCode).toBe(400)
  })
})

describe('triage', () => {
  it('replies: the reporter sees the reply by tracking code, and nothing internal', async () => {
    const { id, code } = await newReport()
    expect(
      (await office.post(`/api/v1/public-reports/${id}/triage`, { action: 'reply', reply: 'x' }))
        .statusCode,
    ).toBe(428)
    expect((await triage(id, { action: 'reply', reply: 'x' }, 7)).statusCode).toBe(412)
    const res = await triage(id, { action: 'reply', reply: '已转相关部门核查处理。' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      status: 'replied',
      reply: '已转相关部门核查处理。',
      version: 2,
    })
    expect(res.headers.etag).toMatch(etagFor(2))
    const seen = await track(code)
    expect(seen).toMatchObject({
      status: 'replied',
      reply: '已转相关部门核查处理。',
      problem: null,
    })
    expect(Object.keys(seen).sort()).toEqual([
      'createdAt',
      'problem',
      'repliedAt',
      'reply',
      'status',
      'trackingCode',
    ])
    expect((await audits(id)).map((e) => e.action)).toEqual([
      'public_report.submitted',
      'public_report.reply',
    ])
  })

  it('links to an existing problem (and shows it to the reporter when published)', async () => {
    const { id, code } = await newReport()
    const missing = await triage(id, {
      action: 'link',
      problemId: '01890000-0000-7000-8000-000000000000',
    })
    expect(missing.statusCode).toBe(422)
    const res = await triage(id, { action: 'link', problemId: published.id })
    expect(res.json()).toMatchObject({
      status: 'linked',
      problem: { id: published.id, code: published.code },
    })
    expect(await track(code)).toMatchObject({
      status: 'in_handling',
      problem: { code: published.code },
    })
    const [, linked] = await audits(id)
    expect(linked!.after).toMatchObject({ problemId: published.id, status: 'linked' })
    expect(JSON.stringify([linked!.before, linked!.after])).not.toMatch(/王五|13712345678/)
    expect((await triage(id, { action: 'link', problemId: published.id }, 2)).statusCode).toBe(409)
  })

  it('opens a new problem with source public_report in the same step', async () => {
    const { id } = await newReport()
    const problem = {
      roundId: round.id,
      code: `群众反映-${id.slice(-6)}`,
      title: '工业园区夜间偷排',
      description: '群众反映工业园区夜间偷排废水。',
      nature: 'individual',
      domain: 'water',
      mode: 'time_bound',
      deadline: '2027-06-30',
      leadUnitId: world.units.eeb.id,
    }
    const refused = await triage(id, {
      action: 'open_problem',
      problem: { ...problem, roundId: published.id },
    })
    expect(refused.statusCode).toBe(422)
    const res = await triage(id, { action: 'open_problem', problem, reply: '已立案整改。' })
    expect(res.statusCode, res.body).toBe(200)
    const created = res.json().createdProblemId as string
    expect(res.json()).toMatchObject({ status: 'converted', version: 2, problem: { id: created } })
    const opened = (await office.get(`/api/v1/problems/${created}`)).json()
    expect(opened).toMatchObject({
      source: 'public_report',
      title: '工业园区夜间偷排',
      public: false,
    })
  })

  it('marks an objection only against an open close-out notice', async () => {
    const { id } = await newReport()
    expect(
      (await triage(id, { action: 'mark_objection', problemId: published.id })).statusCode,
    ).toBe(422)
    const q = await problemInPublicity()
    const res = await triage(id, { action: 'mark_objection', problemId: q.id })
    expect(res.json()).toMatchObject({
      status: 'objection',
      ruling: 'pending',
      publicityId: q.publicityId,
    })
  })
})

describe('objection rulings', () => {
  it('refuses to rule what is not a pending objection (409)', async () => {
    const { id } = await newReport()
    expect((await rule(id, { ruling: 'rejected', reason: '不成立' })).statusCode).toBe(409)
  })

  it('a rejected objection leaves the problem in publicity', async () => {
    const q = await problemInPublicity()
    const { id, code } = await newReport({ problemId: q.id, objection: true })
    const res = await rule(id, {
      ruling: 'rejected',
      reason: '经核查不属实',
      reply: '经核查，反映情况不属实。',
    })
    expect(res.json()).toMatchObject({ ruling: 'rejected', rulingReason: '经核查不属实' })
    const [p] = await t.database.db.select().from(problems).where(eq(problems.id, q.id))
    expect(p!.status).toBe('publicity')
    const [pub] = await t.database.db
      .select()
      .from(publicities)
      .where(eq(publicities.id, q.publicityId))
    expect(pub!.status).toBe('open')
    const seen = await track(code)
    expect(seen).toMatchObject({ status: 'replied', reply: '经核查，反映情况不属实。' })
    expect(JSON.stringify(seen)).not.toContain('经核查不属实')
  })

  it('an upheld objection reopens the problem and overturns the notice, audited', async () => {
    const q = await problemInPublicity()
    const { id } = await newReport({ problemId: q.id, objection: true })
    const res = await rule(id, { ruling: 'upheld', reason: '现场仍有渗漏' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ ruling: 'upheld', status: 'objection' })
    const [p] = await t.database.db.select().from(problems).where(eq(problems.id, q.id))
    expect(p!.status).toBe('in_progress')
    const [pub] = await t.database.db
      .select()
      .from(publicities)
      .where(eq(publicities.id, q.publicityId))
    expect(pub!.status).toBe('overturned')
    const [moved] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, q.id), eq(auditLog.action, 'problem.uphold_objection')))
    expect(moved!.after).toMatchObject({
      status: 'in_progress',
      publicReportId: id,
      publicityId: q.publicityId,
    })
    const ruled = (await audits(id)).find((e) => e.action === 'public_report.ruled')
    expect(ruled!.after).toMatchObject({ ruling: 'upheld', problemId: q.id })
    expect((await rule(id, { ruling: 'upheld', reason: '再次' }, 2)).statusCode).toBe(409)
  })
})
