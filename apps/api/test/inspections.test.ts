import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, events, inboxMessages } from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { createTestApp, type TestApp } from './build-app.js'
import { pngBytes, upload } from './evidence-factories.js'
import { client, login, makeWorld } from './factories.js'
import { completeInspection, planInspection } from './inspections-factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let round: { id: string }
const tokens: Record<string, string> = {}
const api: Record<string, ReturnType<typeof client>> = {}

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  round = await makeRound(t.database.db)
  for (const who of ['office', 'unitA', 'unitB', 'lead'] as const) {
    tokens[who] = (await login(t.app, world.users[who].username)).accessToken
    api[who] = client(t.app, tokens[who])
  }
})
afterAll(() => t.close())

const ifMatch = (v: number) => ({ 'if-match': `"${v}"` })

describe('planning an inspection', () => {
  it('plans with sites, team and target units, and refuses unknown units with 422', async () => {
    const i = await planInspection(api.office!, {
      kind: 'unannounced',
      targetUnitIds: [world.units.countyA.id, world.units.countyB.id],
    })
    const got = (await api.office!.get(`/api/v1/inspections/${i.id}`)).json()
    expect(got).toMatchObject({
      kind: 'unannounced',
      status: 'planned',
      sites: [{ name: '城东污水处理厂', address: '城东路1号' }],
      findings: [],
      findingCount: 0,
      version: 1,
    })
    expect(got.targetUnits.map((u: { id: string }) => u.id).sort()).toEqual(
      [world.units.countyA.id, world.units.countyB.id].sort(),
    )
    const bad = await api.office!.post('/api/v1/inspections', {
      title: '督查',
      kind: 'routine',
      plannedDate: shanghaiDate(),
      team: '',
      sites: [],
      targetUnitIds: [world.units.countyA.id, '0192f000-0000-7000-8000-000000000000'],
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().errors).toEqual([{ path: '/targetUnitIds/1', message: 'no such unit' }])
  })

  it('refuses a unit user with 403', async () => {
    const res = await api.unitA!.post('/api/v1/inspections', {
      title: '督查',
      kind: 'routine',
      plannedDate: shanghaiDate(),
      team: '',
      sites: [],
      targetUnitIds: [world.units.countyA.id],
    })
    expect(res.statusCode).toBe(403)
  })

  it('edits a planned inspection against its version: 428 without, 412 stale, 409 once done', async () => {
    const i = await planInspection(api.office!, {
      kind: 'routine',
      targetUnitIds: [world.units.countyA.id],
    })
    const url = `/api/v1/inspections/${i.id}`
    expect((await api.office!.patch(url, { team: '市督查室' })).statusCode).toBe(428)
    const ok = await api.office!.patch(
      url,
      { team: '市督查室', targetUnitIds: [world.units.countyB.id] },
      ifMatch(1),
    )
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({
      team: '市督查室',
      version: 2,
      targetUnits: [{ id: world.units.countyB.id }],
    })
    expect((await api.office!.patch(url, { team: '又改' }, ifMatch(1))).statusCode).toBe(412)
    const done = await completeInspection(api.office!, { id: i.id, version: 2 })
    expect((await api.office!.patch(url, { team: '又改' }, ifMatch(done.version))).statusCode).toBe(
      409,
    )
    expect((await api.office!.post(`${url}/cancel`, {}, ifMatch(done.version))).statusCode).toBe(
      409,
    )
  })

  it('refuses a done date in the future with 422, and tells the target units when it is done', async () => {
    const i = await planInspection(api.office!, {
      kind: 'unannounced',
      targetUnitIds: [world.units.countyA.id],
    })
    const url = `/api/v1/inspections/${i.id}/complete`
    const future = await api.office!.post(
      url,
      { doneDate: addDays(shanghaiDate(), 1), summary: '检查' },
      ifMatch(1),
    )
    expect(future.statusCode).toBe(422)
    expect((await api.unitA!.get(`/api/v1/inspections/${i.id}`)).statusCode).toBe(404)
    await completeInspection(api.office!, i)
    expect((await api.unitA!.get(`/api/v1/inspections/${i.id}`)).json()).toMatchObject({
      status: 'done',
    })
    const inbox = await t.database.db
      .select()
      .from(inboxMessages)
      .where(and(eq(inboxMessages.entityId, i.id), eq(inboxMessages.userId, world.users.unitA.id)))
    expect(inbox).toHaveLength(1)
  })
})

describe('findings', () => {
  const newProblem = (code: string) => ({
    roundId: round.id,
    code,
    title: '河道沿线垃圾堆放',
    description: '暗访发现河道沿线垃圾堆放，未及时清运。',
    nature: 'individual',
    domain: 'solid_waste',
    regionId: world.units.countyA.id,
    mode: 'time_bound',
    deadline: addDays(shanghaiDate(), 60),
    leadUnitId: world.units.countyA.id,
  })

  it('records none on a planned inspection (409)', async () => {
    const i = await planInspection(api.office!, {
      kind: 'routine',
      targetUnitIds: [world.units.countyA.id],
    })
    const res = await api.office!.post(`/api/v1/inspections/${i.id}/findings`, {
      content: '发现问题',
      unitId: world.units.countyA.id,
      problem: newProblem('明察暗访-0'),
    })
    expect(res.statusCode).toBe(409)
  })

  it('opens a problem with source inspection, which lists the finding that opened it', async () => {
    const i = await completeInspection(
      api.office!,
      await planInspection(api.office!, {
        kind: 'unannounced',
        targetUnitIds: [world.units.countyA.id],
      }),
    )
    const photo = await upload(t.app, tokens.office!, { filename: '现场.png', data: pngBytes() })
    const res = await api.office!.post(`/api/v1/inspections/${i.id}/findings`, {
      content: '河道沿线垃圾堆放',
      site: '城东河段',
      unitId: world.units.countyA.id,
      fileIds: [photo.json().id],
      problem: newProblem('明察暗访-1'),
    })
    expect(res.statusCode, res.body).toBe(201)
    const finding = res.json()
    expect(finding).toMatchObject({
      seq: 1,
      opened: true,
      site: '城东河段',
      unit: { id: world.units.countyA.id },
    })
    expect(finding.files).toHaveLength(1)
    const problem = (await api.office!.get(`/api/v1/problems/${finding.problem.id}`)).json()
    expect(problem).toMatchObject({ source: 'inspection', code: '明察暗访-1' })

    const listed = await api.unitA!.get(`/api/v1/problems/${problem.id}/findings`)
    expect(listed.statusCode, listed.body).toBe(200)
    expect(listed.json().items).toMatchObject([
      { id: finding.id, opened: true, inspection: { id: i.id, kind: 'unannounced' } },
    ])
    expect((await api.unitB!.get(`/api/v1/problems/${problem.id}/findings`)).statusCode).toBe(404)
    expect((await api.office!.get(`/api/v1/inspections/${i.id}`)).json()).toMatchObject({
      findingCount: 1,
      findings: [{ id: finding.id }],
    })

    // The evidence is read like the inspection: the target county yes, another county no.
    const fileUrl = `/api/v1/files/${finding.files[0].id}`
    expect((await api.unitA!.get(fileUrl)).statusCode).toBe(200)
    expect((await api.unitB!.get(fileUrl)).statusCode).toBe(404)

    const [event] = await t.database.db.select().from(events).where(eq(events.entityId, finding.id))
    expect(event).toMatchObject({
      type: 'inspection.finding_recorded',
      unitId: world.units.countyA.id,
    })
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, finding.id), eq(auditLog.action, 'inspection.finding_recorded')),
      )
    expect(audit?.after).toMatchObject({ problemId: problem.id, opened: true })
  })

  it('links an existing problem, and refuses one that does not exist with 422', async () => {
    const i = await completeInspection(
      api.office!,
      await planInspection(api.office!, {
        kind: 'routine',
        targetUnitIds: [world.units.countyB.id],
      }),
    )
    const existing = await makeProblem(t.database.db, { round, leadUnit: world.units.countyB })
    const url = `/api/v1/inspections/${i.id}/findings`
    const missing = await api.office!.post(url, {
      content: '复查',
      unitId: world.units.countyB.id,
      problemId: '0192f000-0000-7000-8000-000000000000',
    })
    expect(missing.statusCode).toBe(422)
    const res = await api.office!.post(url, {
      content: '复查发现整改不到位',
      unitId: world.units.countyB.id,
      problemId: existing.id,
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ seq: 1, opened: false, problem: { id: existing.id } })
    expect(
      (await api.unitB!.get(`/api/v1/problems/${existing.id}/findings`)).json().items,
    ).toHaveLength(1)
    expect((await api.office!.get(`/api/v1/problems/${existing.id}`)).json().source).toBe(
      'feedback',
    )
  })

  it('refuses a body with both or neither of problemId and problem', async () => {
    const i = await completeInspection(
      api.office!,
      await planInspection(api.office!, {
        kind: 'routine',
        targetUnitIds: [world.units.countyB.id],
      }),
    )
    const url = `/api/v1/inspections/${i.id}/findings`
    const base = { content: '发现', unitId: world.units.countyB.id }
    expect((await api.office!.post(url, base)).statusCode).toBe(422)
    const existing = await makeProblem(t.database.db, { round, leadUnit: world.units.countyB })
    const both = await api.office!.post(url, {
      ...base,
      problemId: existing.id,
      problem: newProblem('X-2'),
    })
    expect(both.statusCode).toBe(422)
  })
})
