import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Problem, Sweep } from '@rectify/schemas'
import { auditLog, events, inboxMessages, problems, sweeps } from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeUnit, makeUser, makeWorld } from './factories.js'
import { apiClient, makeProblem, makeRound, qs } from './ledger-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
type Api = Awaited<ReturnType<typeof as>>
const api: Record<string, Api> = {}
let common: { id: string; code: string }
let individual: { id: string }
const today = shanghaiDate()
const NEAR = 15

/** Launches a sweep as the office and returns it. */
async function launch(unitIds: string[], more: Record<string, unknown> = {}): Promise<Sweep> {
  const res = await api.office!.post(`/api/v1/problems/${common.id}/sweeps`, {
    title: '全市排查同类问题',
    instructions: '对照反馈问题，排查辖区内同类问题。',
    unitIds,
    dueDate: addDays(today, 30),
    ...more,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<Sweep>()
}

const finding = (title: string, more: Record<string, unknown> = {}) => ({
  title,
  description: '排查发现',
  deadline: addDays(today, 60),
  ...more,
})

beforeAll(async () => {
  t = await createTestApp({ LIGHT_NEAR_DAYS: NEAR })
  const db = t.database.db
  world = await makeWorld(db)
  const round = await makeRound(db)
  common = await makeProblem(db, {
    round,
    leadUnit: world.units.eeb,
    nature: 'common',
    domain: 'air',
    mode: 'long_term',
    code: '反馈问题第3项',
  })
  individual = await makeProblem(db, { round, leadUnit: world.units.eeb })
  for (const who of ['office', 'unitA', 'townA', 'unitB', 'lead', 'leader'] as const)
    api[who] = await as(t.app, world.users[who])
})
afterAll(() => t.close())

describe('launching a sweep', () => {
  it('refuses a problem that is not common, saying so', async () => {
    const res = await api.office!.post(`/api/v1/problems/${individual.id}/sweeps`, {
      title: '排查',
      instructions: '排查',
      unitIds: [world.units.countyA.id],
      dueDate: addDays(today, 10),
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/common problem/)
  })

  it('is the office’s: a unit, a lead unit and a leader are refused', async () => {
    const body = {
      title: '排查',
      instructions: '排查',
      unitIds: [world.units.countyA.id],
      dueDate: addDays(today, 10),
    }
    for (const who of ['unitA', 'lead', 'leader'])
      expect((await api[who]!.post(`/api/v1/problems/${common.id}/sweeps`, body)).statusCode).toBe(
        403,
      )
  })

  it('refuses a due date before today and an unknown unit, naming the field', async () => {
    const res = await api.office!.post(`/api/v1/problems/${common.id}/sweeps`, {
      title: '排查',
      instructions: '排查',
      unitIds: [world.units.countyA.id, '01900000-0000-7000-8000-000000000000'],
      dueDate: addDays(today, -1),
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/dueDate',
      '/unitIds/1',
    ])
  })

  it('answers 404 for an unknown problem', async () => {
    const res = await api.office!.post(
      '/api/v1/problems/01900000-0000-7000-8000-000000000000/sweeps',
      { title: '排查', instructions: '排查', unitIds: [world.units.countyA.id], dueDate: today },
    )
    expect(res.statusCode).toBe(404)
  })

  it('creates one pending target per unit, messages each unit and records event and audit', async () => {
    const s = await launch([world.units.countyA.id, world.units.countyB.id])
    expect(s.status).toBe('open')
    expect(s.problem).toMatchObject({ id: common.id, code: common.code })
    expect(s.units.map((u) => u.status)).toEqual(['pending', 'pending'])
    expect(s.rollup).toEqual({
      units: 2,
      reported: 0,
      pending: 2,
      noneFound: 0,
      findings: 0,
      childrenClosed: 0,
    })
    const db = t.database.db
    const inbox = await db
      .select()
      .from(inboxMessages)
      .where(and(eq(inboxMessages.entityId, s.id), eq(inboxMessages.kind, 'sweep')))
    expect(inbox.map((m) => m.userId).sort()).toEqual(
      [world.users.unitA.id, world.users.unitB.id].sort(),
    )
    const launched = await db.select().from(events).where(eq(events.entityId, s.id))
    expect(launched.map((e) => [e.type, e.unitId]).sort()).toEqual(
      [
        ['sweep.launched', world.units.countyA.id],
        ['sweep.launched', world.units.countyB.id],
      ].sort(),
    )
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, s.id))
    expect(audit.map((a) => a.action)).toEqual(['sweep.launched'])
    expect(audit[0]!.after).toMatchObject({ problemId: common.id })
  })
})

describe('who sees a sweep', () => {
  let wide: Sweep
  let eebOnly: Sweep
  beforeAll(async () => {
    const { countyA, townA, countyB } = world.units
    wide = await launch([countyA.id, townA.id, countyB.id], { title: '三县排查' })
    eebOnly = await launch([world.units.eeb.id], { title: '市局排查' })
  })

  const names = (s: Sweep) => s.units.map((u) => u.unit.name).sort()

  it('shows a county its own subtree’s targets only, and counts only those', async () => {
    const s = (await api.unitA!.get(`/api/v1/sweeps/${wide.id}`)).json<Sweep>()
    expect(names(s)).toEqual(['甲县', '甲县城关镇'])
    expect(s.rollup.units).toBe(2)
    const town = (await api.townA!.get(`/api/v1/sweeps/${wide.id}`)).json<Sweep>()
    expect(names(town)).toEqual(['甲县城关镇'])
  })

  it('answers 404 to a unit none of whose subtree is a target, and leaves it out of the list', async () => {
    expect((await api.unitA!.get(`/api/v1/sweeps/${eebOnly.id}`)).statusCode).toBe(404)
    const list = (await api.unitA!.get('/api/v1/sweeps')).json<{ items: Sweep[] }>()
    expect(list.items.map((s) => s.id)).toContain(wide.id)
    expect(list.items.map((s) => s.id)).not.toContain(eebOnly.id)
    for (const s of list.items)
      expect((await api.unitA!.get(`/api/v1/sweeps/${s.id}`)).statusCode).toBe(200)
  })

  it('shows city-wide readers every target', async () => {
    const s = (await api.leader!.get(`/api/v1/sweeps/${wide.id}`)).json<Sweep>()
    expect(names(s)).toEqual(['乙县', '甲县', '甲县城关镇'])
    const list = (await api.leader!.get(`/api/v1/sweeps${qs({ problem: common.id })}`)).json()
    expect(list.items.map((x: Sweep) => x.id)).toEqual(
      expect.arrayContaining([wide.id, eebOnly.id]),
    )
  })

  it('filters by target unit subtree', async () => {
    const list = (
      await api.office!.get(`/api/v1/sweeps${qs({ unit: world.units.townA.id })}`)
    ).json<{ items: Sweep[] }>()
    expect(list.items.map((s) => s.id)).toEqual([wide.id])
  })
})

describe('reporting', () => {
  let s: Sweep
  let children: Problem[] = []
  beforeAll(async () => {
    const { countyA, townA, countyB } = world.units
    s = await launch([countyA.id, townA.id, countyB.id], { title: '报送排查' })
  })
  const report = (who: string, body: Record<string, unknown>) =>
    api[who]!.post(`/api/v1/sweeps/${s.id}/reports`, body)

  it('lists the sweep as awaiting a unit until its targets have reported', async () => {
    const before = (await api.unitA!.get(`/api/v1/sweeps${qs({ awaitingMe: true })}`)).json()
    expect(before.items.map((x: Sweep) => x.id)).toContain(s.id)
  })

  it('refuses a unit reporting for a target outside its subtree', async () => {
    const res = await report('unitA', {
      unitId: world.units.countyB.id,
      none: true,
      statement: '未发现',
      signedBy: '张三',
    })
    expect(res.statusCode).toBe(422)
  })

  it('refuses a leader (read only)', async () => {
    const res = await report('leader', {
      unitId: world.units.countyB.id,
      none: true,
      statement: '未发现',
      signedBy: '张三',
    })
    expect(res.statusCode).toBe(403)
  })

  it('records none found with its signed statement, once', async () => {
    const body = {
      unitId: world.units.townA.id,
      none: true,
      statement: '经全面排查，本镇未发现同类问题。',
      signedBy: '李四',
    }
    const res = await report('unitA', body)
    expect(res.statusCode, res.body).toBe(201)
    const row = res.json<Sweep>().units.find((u) => u.unit.id === world.units.townA.id)!
    expect(row).toMatchObject({ status: 'none', statement: body.statement, signedBy: '李四' })
    expect(row.reportedAt).not.toBeNull()
    expect((await report('townA', body)).statusCode).toBe(409)
  })

  it('refuses a finding whose deadline has passed, naming it', async () => {
    const res = await report('unitB', {
      unitId: world.units.countyB.id,
      findings: [finding('甲'), finding('乙', { deadline: addDays(today, -1) })],
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().errors[0].path).toBe('/findings/1/deadline')
    const again = (await api.office!.get(`/api/v1/sweeps/${s.id}`)).json<Sweep>()
    expect(again.rollup.findings).toBe(0)
  })

  it('opens each finding as a draft child problem of the common problem, led by the unit', async () => {
    const res = await report('unitB', {
      unitId: world.units.countyB.id,
      findings: [finding('乙县某厂扬尘'), finding('乙县某矿扬尘', { domain: 'soil' })],
    })
    expect(res.statusCode, res.body).toBe(201)
    const row = res.json<Sweep>().units.find((u) => u.unit.id === world.units.countyB.id)!
    expect(row.status).toBe('found')
    expect(row.findings).toHaveLength(2)
    children = []
    for (const f of row.findings) {
      const got = await api.unitB!.get(`/api/v1/problems/${f.id}`)
      expect(got.statusCode).toBe(200)
      children.push(got.json<Problem>())
    }
    for (const c of children)
      expect(c).toMatchObject({
        parentId: common.id,
        source: 'sweep',
        nature: 'individual',
        status: 'draft',
        mode: 'long_term',
        leadUnit: { id: world.units.countyB.id },
      })
    expect(children.map((c) => c.domain).sort()).toEqual(['air', 'soil'])
    expect(new Set(children.map((c) => c.code)).size).toBe(2)
    for (const c of children) expect(c.code.startsWith(common.code)).toBe(true)
    const found = (await api.unitB!.get(`/api/v1/sweeps${qs({ child: children[0]!.id })}`)).json<{
      items: Sweep[]
    }>()
    expect(found.items.map((x) => x.id)).toEqual([s.id])
  })

  it('lets the office report on a unit’s behalf, and rolls everything up', async () => {
    const res = await report('office', {
      unitId: world.units.countyA.id,
      findings: [finding('甲县某园区扬尘')],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json<Sweep>().rollup).toEqual({
      units: 3,
      reported: 3,
      pending: 0,
      noneFound: 1,
      findings: 3,
      childrenClosed: 0,
    })
    await t.database.db
      .update(problems)
      .set({ status: 'closed', outcome: 'rectified', closedOn: today })
      .where(eq(problems.id, children[0]!.id))
    const after = (await api.office!.get(`/api/v1/sweeps/${s.id}`)).json<Sweep>()
    expect(after.rollup.childrenClosed).toBe(1)
    const county = (await api.unitA!.get(`/api/v1/sweeps/${s.id}`)).json<Sweep>()
    expect(county.rollup).toEqual({
      units: 2,
      reported: 2,
      pending: 0,
      noneFound: 1,
      findings: 1,
      childrenClosed: 0,
    })
    const awaiting = (await api.unitA!.get(`/api/v1/sweeps${qs({ awaitingMe: true })}`)).json()
    expect(awaiting.items.map((x: Sweep) => x.id)).not.toContain(s.id)
  })

  it('lets a unit-scoped client with progress:write report for its subtree', async () => {
    const other = await launch([world.units.countyB.id], { title: '接口报送' })
    const c = await apiClient(
      t.app,
      world.users.admin,
      ['progress:write', 'problems:read'],
      world.units.countyB.id,
    )
    const res = await c.post(`/api/v1/sweeps/${other.id}/reports`, {
      unitId: world.units.countyB.id,
      none: true,
      statement: '未发现',
      signedBy: '王五',
    })
    expect(res.statusCode, res.body).toBe(201)
  })
})

describe('the light on the due date', () => {
  async function sweepDue(due: string, reportAll = false) {
    const s = await launch([world.units.countyA.id], { title: `到期${due}` })
    if (reportAll) {
      const res = await api.unitA!.post(`/api/v1/sweeps/${s.id}/reports`, {
        unitId: world.units.countyA.id,
        none: true,
        statement: '未发现',
        signedBy: '赵六',
      })
      expect(res.statusCode).toBe(201)
    }
    await t.database.db.update(sweeps).set({ dueDate: due }).where(eq(sweeps.id, s.id))
    return (await api.office!.get(`/api/v1/sweeps/${s.id}`)).json<Sweep>().light
  }

  it('is blue from the near window to the due date itself with units pending', async () => {
    expect(await sweepDue(today)).toBe('blue')
    expect(await sweepDue(addDays(today, NEAR))).toBe('blue')
  })
  it('is green before the near window', async () => {
    expect(await sweepDue(addDays(today, NEAR + 1))).toBe('green')
  })
  it('is red past the due date with units pending', async () => {
    expect(await sweepDue(addDays(today, -1))).toBe('red')
  })
  it('is green past the due date once every target has reported', async () => {
    expect(await sweepDue(addDays(today, -1), true)).toBe('green')
  })
})

describe('closing', () => {
  it('refuses while targets are pending, saying how many; then closes once all reported', async () => {
    const s = await launch([world.units.countyA.id, world.units.countyB.id], { title: '关闭' })
    const close = (v: number | null) =>
      api.office!.post(
        `/api/v1/sweeps/${s.id}/close`,
        {},
        v === null ? {} : { 'if-match': `"${v}"` },
      )
    expect((await close(null)).statusCode).toBe(428)
    const pending = await close(s.version)
    expect(pending.statusCode).toBe(409)
    expect(pending.json().detail).toMatch(/^2 target/)
    expect(
      (await api.unitA!.post(`/api/v1/sweeps/${s.id}/close`, {}, { 'if-match': `"${s.version}"` }))
        .statusCode,
    ).toBe(403)
    for (const [who, unit] of [
      ['unitA', world.units.countyA],
      ['unitB', world.units.countyB],
    ] as const) {
      const res = await api[who]!.post(`/api/v1/sweeps/${s.id}/reports`, {
        unitId: unit.id,
        none: true,
        statement: '未发现',
        signedBy: '孙七',
      })
      expect(res.statusCode).toBe(201)
    }
    expect((await close(s.version)).statusCode).toBe(412)
    const current = (await api.office!.get(`/api/v1/sweeps/${s.id}`)).json<Sweep>()
    const closed = await close(current.version)
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json<Sweep>()).toMatchObject({ status: 'closed', light: 'green' })
    expect(closed.json<Sweep>().closedAt).not.toBeNull()
    expect((await close(closed.json<Sweep>().version)).statusCode).toBe(409)
  })

  it('refuses reports on a closed sweep', async () => {
    const unit = await makeUnit(t.database.db, { parent: world.units.countyA, kind: 'township' })
    const user = await makeUser(t.database.db, { unit, roles: ['unit'] })
    const s = await launch([unit.id], { title: '已关闭' })
    await t.database.db.update(sweeps).set({ status: 'closed' }).where(eq(sweeps.id, s.id))
    const res = await (
      await as(t.app, user)
    ).post(`/api/v1/sweeps/${s.id}/reports`, {
      unitId: unit.id,
      none: true,
      statement: '未发现',
      signedBy: '周八',
    })
    expect(res.statusCode).toBe(409)
  })
})
