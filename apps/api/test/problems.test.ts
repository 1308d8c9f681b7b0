import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_ACCEPTANCE_CRITERIA, type Problem } from '@rectify/schemas'
import { auditLog, extensions, problems, progressReports } from '../src/db/schema/index.js'
import { addDays, periodOf, shanghaiDate } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, etagFor, makeUser, makeWorld } from './factories.js'
import { makeMeasure, makeProblem, makeRound, qs } from './ledger-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
type Api = Awaited<ReturnType<typeof as>>
let office: Api, lead: Api, unitA: Api, unitB: Api, townA: Api, leader: Api, auditor: Api
let round: { id: string }
const today = shanghaiDate()

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  office = await as(t.app, world.users.office)
  lead = await as(t.app, world.users.lead)
  unitA = await as(t.app, world.users.unitA)
  unitB = await as(t.app, world.users.unitB)
  townA = await as(t.app, world.users.townA)
  leader = await as(t.app, world.users.leader)
  auditor = await as(t.app, world.users.auditor)
  round = await makeRound(t.database.db)
})
afterAll(() => t.close())

const db = () => t.database.db
const row = async (id: string) =>
  (await db().select().from(problems).where(eq(problems.id, id)))[0]!
const audits = (id: string, action?: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), action ? eq(auditLog.action, action) : undefined))

function body(o: Record<string, unknown> = {}) {
  return {
    roundId: round.id,
    code: `反馈问题第${uuidv7().slice(-6)}项`,
    title: '某县污水处理厂超标排放',
    description: '进水浓度偏低，出水总磷超标',
    source: 'feedback',
    nature: 'individual',
    domain: 'water',
    regionId: world.units.countyA.id,
    mode: 'time_bound',
    deadline: addDays(today, 120),
    leadUnitId: world.units.eeb.id,
    coUnitIds: [world.units.countyA.id],
    leadLeader: { name: '王副市长', post: '副市长' },
    responsiblePersons: [{ name: '李四', post: '局长', phone: '0791-1234567' }],
    ...o,
  }
}

describe('rounds', () => {
  it('are created by the office with default settings, audited, and read by everyone', async () => {
    const res = await office.post('/api/v1/rounds', {
      name: '第二轮第五批中央生态环境保护督察',
      kind: 'central',
      feedbackDate: '2026-06-01',
    })
    expect(res.statusCode).toBe(201)
    expect(res.headers.etag).toMatch(etagFor(1))
    const r = res.json()
    expect(r.settings).toEqual({
      acceptanceLevels: ['county', 'city'],
      publicityDays: 5,
      criteria: DEFAULT_ACCEPTANCE_CRITERIA,
      reboundMonths: [3, 12],
    })
    expect(await audits(r.id, 'round.created')).toHaveLength(1)
    for (const who of [unitA, leader, auditor])
      expect((await who.get(`/api/v1/rounds/${r.id}`)).statusCode).toBe(200)
    expect((await lead.post('/api/v1/rounds', { name: 'x', kind: 'central' })).statusCode).toBe(403)
    expect(
      (
        await office.post('/api/v1/rounds', {
          name: '第二轮第五批中央生态环境保护督察',
          kind: 'central',
        })
      ).statusCode,
    ).toBe(409)
  })

  it('are listed newest first with a cursor', async () => {
    for (let i = 0; i < 3; i++)
      await office.post('/api/v1/rounds', { name: `省级督察第${i}批`, kind: 'provincial' })
    const first = (await office.get('/api/v1/rounds?limit=2')).json()
    expect(first.items).toHaveLength(2)
    expect(first.items[0].id > first.items[1].id).toBe(true)
    const second = (await office.get(`/api/v1/rounds?limit=2&cursor=${first.nextCursor}`)).json()
    expect(second.items[0].id < first.items[1].id).toBe(true)
    expect(first.total).toBe(second.total)
  })

  it('are edited with If-Match, changed fields audited', async () => {
    const r = (await office.post('/api/v1/rounds', { name: '待改批次', kind: 'central' })).json()
    expect(
      (await office.patch(`/api/v1/rounds/${r.id}`, { publicityDays: 7 }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(422)
    expect((await office.patch(`/api/v1/rounds/${r.id}`, { name: '已改批次' })).statusCode).toBe(
      428,
    )
    expect(
      (await office.patch(`/api/v1/rounds/${r.id}`, { name: '已改批次' }, { 'if-match': '"9"' }))
        .statusCode,
    ).toBe(412)
    const res = await office.patch(
      `/api/v1/rounds/${r.id}`,
      { name: '已改批次', settings: { acceptanceLevels: ['city'], publicityDays: 10 } },
      { 'if-match': '"1"' },
    )
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      name: '已改批次',
      version: 2,
      settings: { publicityDays: 10 },
    })
    const [entry] = await audits(r.id, 'round.updated')
    expect(Object.keys(entry!.after as object).sort()).toEqual(['name', 'settings'])
  })
})

describe('creating a problem', () => {
  it('answers with unit refs, derived fields and an ETag, in one audited transaction', async () => {
    const res = await office.post('/api/v1/problems', body({ deadline: addDays(today, 10) }))
    expect(res.statusCode, res.body).toBe(201)
    expect(res.headers.etag).toMatch(etagFor(1))
    const p = res.json<Problem>()
    expect(p).toMatchObject({
      status: 'draft',
      leadUnit: { id: world.units.eeb.id, name: '市生态环境局' },
      region: { id: world.units.countyA.id },
      coUnits: [{ id: world.units.countyA.id }],
      overdue: false,
      light: { color: 'blue', asOf: today },
      plannedProgress: 0,
      reportedProgress: 0,
      originalDeadline: null,
    })
    // The detail reads its unit refs with the row (one statement): the same answer.
    expect((await office.get(`/api/v1/problems/${p.id}`)).json()).toEqual(p)
    const [entry] = await audits(p.id, 'problem.created')
    expect(entry!.unitId).toBe(world.units.eeb.id)
    expect((await row(p.id)).searchTokens).toContain('污水')
  })

  it('refuses a duplicate code in the round with 409, and allows it in another round', async () => {
    const b = body()
    expect((await office.post('/api/v1/problems', b)).statusCode).toBe(201)
    expect((await office.post('/api/v1/problems', b)).json().code).toBe('duplicate')
    const other = await makeRound(db())
    expect((await office.post('/api/v1/problems', { ...b, roundId: other.id })).statusCode).toBe(
      201,
    )
  })

  it.each([
    ['a round that does not exist', { roundId: uuidv7() }, '/roundId'],
    ['a region that is not a county', { regionId: world?.units.eeb.id ?? '' }, '/regionId'],
    ['an unknown lead unit', { leadUnitId: uuidv7() }, '/leadUnitId'],
    ['an unknown co unit', { coUnitIds: [uuidv7()] }, '/coUnitIds/0'],
    ['the lead unit as co unit', { coUnitIds: ['LEAD'] }, '/coUnitIds/0'],
    ['an unknown parent', { parentId: uuidv7() }, '/parentId'],
  ])('refuses %s with 422', async (_name, o, path) => {
    const fixed = Object.fromEntries(
      Object.entries(o).map(([k, v]) => [
        k,
        k === 'regionId'
          ? world.units.eeb.id
          : Array.isArray(v) && v[0] === 'LEAD'
            ? [world.units.eeb.id]
            : v,
      ]),
    )
    const before = (await db().select().from(problems)).length
    const res = await office.post('/api/v1/problems', body(fixed))
    expect(res.statusCode, res.body).toBe(422)
    expect(res.json().errors[0].path).toBe(path)
    expect((await db().select().from(problems)).length).toBe(before)
  })

  it('refuses unknown fields with 422 and creates nothing', async () => {
    const before = (await db().select().from(problems)).length
    const res = await office.post('/api/v1/problems', {
      ...body(),
      status: 'closed',
      light: 'green',
    })
    expect(res.statusCode).toBe(422)
    expect((await db().select().from(problems)).length).toBe(before)
  })

  it('is the office’s: a lead unit gets 403', async () => {
    expect((await lead.post('/api/v1/problems', body())).statusCode).toBe(403)
  })
})

describe('editing a problem', () => {
  const create = async (o: Record<string, unknown> = {}) =>
    (await office.post('/api/v1/problems', body(o))).json<Problem>()
  const patch = (who: Api, id: string, b: object, v: number | null = 1) =>
    who.patch(`/api/v1/problems/${id}`, b, v === null ? {} : { 'if-match': `"${v}"` })

  it('lets the office edit any field, audits only what changed and re-indexes the text', async () => {
    const p = await create()
    const res = await patch(office, p.id, {
      title: '黑臭水体整治滞后',
      coUnitIds: [world.units.countyB.id],
      regionId: world.units.countyB.id,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      version: 2,
      title: '黑臭水体整治滞后',
      coUnits: [{ id: world.units.countyB.id }],
    })
    expect(res.headers.etag).toMatch(etagFor(2))
    const [entry] = await audits(p.id, 'problem.updated')
    expect(Object.keys(entry!.after as object).sort()).toEqual(['coUnits', 'region', 'title'])
    expect(entry!.before).toMatchObject({ title: '某县污水处理厂超标排放' })
    expect(
      (await office.get(`/api/v1/problems${qs({ q: '黑臭', round: round.id })}`))
        .json()
        .items.map((x: Problem) => x.id),
    ).toContain(p.id)
    // County A no longer has anything to do with it; county B now does.
    expect((await unitA.get(`/api/v1/problems/${p.id}`)).statusCode).toBe(404)
    expect((await unitB.get(`/api/v1/problems/${p.id}`)).statusCode).toBe(200)
  })

  it('answers 428 without If-Match and 412 on a stale version, changing nothing', async () => {
    const p = await create()
    expect((await patch(office, p.id, { title: '新标题' }, null)).statusCode).toBe(428)
    expect((await patch(office, p.id, { title: '新标题' }, 2)).statusCode).toBe(412)
    expect(await row(p.id)).toMatchObject({ title: '某县污水处理厂超标排放', version: 1 })
    expect(await audits(p.id, 'problem.updated')).toHaveLength(0)
  })

  it('refuses unknown fields with 422, changing nothing', async () => {
    const p = await create()
    const res = await patch(office, p.id, { title: '新标题', status: 'closed' })
    expect(res.statusCode).toBe(422)
    expect(await row(p.id)).toMatchObject({
      title: '某县污水处理厂超标排放',
      status: 'draft',
      version: 1,
    })
  })

  it('moves the deadline only by extension once the plan is approved', async () => {
    const p = await create()
    expect((await patch(office, p.id, { deadline: addDays(today, 200) })).statusCode).toBe(200)
    await db().update(problems).set({ status: 'in_progress' }).where(eq(problems.id, p.id))
    const res = await patch(office, p.id, { deadline: addDays(today, 300) }, 2)
    expect(res.statusCode).toBe(422)
    expect(res.json().errors[0].path).toBe('/deadline')
    expect((await patch(office, p.id, { target: '稳定达标' }, 2)).statusCode).toBe(200)
  })

  it('lets the lead unit edit its draft plan’s target, persons, co-units and leader only', async () => {
    const p = await create()
    const ok = await patch(lead, p.id, {
      target: '出水稳定达到一级A',
      responsiblePersons: [{ name: '张三', post: '科长' }],
    })
    expect(ok.statusCode, ok.body).toBe(200)
    const title = await patch(lead, p.id, { title: '改标题' }, 2)
    expect(title.statusCode).toBe(403)
    expect(title.json().errors).toEqual([
      { path: '/title', message: 'only the office may change this' },
    ])
    await db().update(problems).set({ status: 'plan_review' }).where(eq(problems.id, p.id))
    expect((await patch(lead, p.id, { target: '再改' }, 2)).statusCode).toBe(409)
  })

  it('refuses a lead unit that sees but does not lead the problem (403) and one that does not see it (404)', async () => {
    const p = await create()
    const leadA = await as(
      t.app,
      await makeUser(db(), { unit: world.units.countyA, roles: ['lead_unit'] }),
    )
    const leadB = await as(
      t.app,
      await makeUser(db(), { unit: world.units.countyB, roles: ['lead_unit'] }),
    )
    expect((await patch(leadA, p.id, { target: 'x' })).statusCode).toBe(403)
    expect((await patch(leadB, p.id, { target: 'x' })).statusCode).toBe(404)
  })

  it('refuses to make a problem its own ancestor', async () => {
    const parent = await create()
    const child = await create({ parentId: parent.id, source: 'sweep' })
    expect(child.parentId).toBe(parent.id)
    const res = await patch(office, parent.id, { parentId: child.id })
    expect(res.statusCode).toBe(422)
    expect((await patch(office, parent.id, { parentId: parent.id })).statusCode).toBe(422)
  })

  it('refuses edits of a closed problem with 409', async () => {
    const p = await create()
    await db()
      .update(problems)
      .set({ status: 'closed', outcome: 'rectified', closedOn: '2026-01-01' })
      .where(eq(problems.id, p.id))
    expect((await patch(office, p.id, { title: '关闭后' })).statusCode).toBe(409)
  })
})

describe('what each role sees', () => {
  let mine: Problem, theirs: Problem, viaTown: Problem, scoped: { id: string }
  beforeAll(async () => {
    scoped = await makeRound(db())
    const mk = async (o: Record<string, unknown>) =>
      (await office.post('/api/v1/problems', body({ roundId: scoped.id, ...o }))).json<Problem>()
    mine = await mk({ regionId: world.units.countyA.id, coUnitIds: [] })
    theirs = await mk({ regionId: world.units.countyB.id, coUnitIds: [] })
    viaTown = await mk({ regionId: null, coUnitIds: [world.units.townA.id] })
    await db()
      .update(problems)
      .set({ status: 'closed', outcome: 'rectified', closedOn: '2026-01-01' })
      .where(eq(problems.id, viaTown.id))
  })

  it.each([
    ['unitA', ['mine', 'viaTown']],
    ['townA', ['viaTown']],
    ['unitB', ['theirs']],
    ['lead', ['mine', 'theirs', 'viaTown']],
    ['office', ['mine', 'theirs', 'viaTown']],
    ['leader', ['mine', 'theirs', 'viaTown']],
    ['auditor', ['mine', 'theirs', 'viaTown']],
  ] as const)('%s: the list, the details and the summary agree', async (who, visible) => {
    const api = { unitA, townA, unitB, lead, office, leader, auditor }[who]
    const all = { mine, theirs, viaTown }
    const list = (await api.get(`/api/v1/problems${qs({ round: scoped.id })}`)).json()
    expect(list.items.map((p: Problem) => p.id).sort()).toEqual(
      visible.map((k) => all[k].id).sort(),
    )
    expect(list.total).toBe(visible.length)
    for (const [k, p] of Object.entries(all)) {
      const res = await api.get(`/api/v1/problems/${p.id}`)
      expect(res.statusCode).toBe((visible as readonly string[]).includes(k) ? 200 : 404)
      expect((await api.get(`/api/v1/problems/${p.id}/timeline`)).statusCode).toBe(res.statusCode)
      expect((await api.get(`/api/v1/problems/${p.id}/extensions`)).statusCode).toBe(res.statusCode)
    }
    const summary = (await api.get(`/api/v1/problems/summary${qs({ round: scoped.id })}`)).json()
    expect(summary.total).toBe(visible.length)
    expect(summary.completed).toBe((visible as readonly string[]).includes('viaTown') ? 1 : 0)
  })
})

describe('derived fields', () => {
  it('computes a light stored for another day on the fly, without writing it', async () => {
    const p = await makeProblem(db(), {
      round,
      leadUnit: world.units.eeb,
      deadline: 5,
      light: { color: 'red', asOf: addDays(today, -1) },
    })
    const res = (await office.get(`/api/v1/problems/${p.id}`)).json<Problem>()
    expect(res.light).toMatchObject({
      color: 'blue',
      asOf: today,
      reasons: [{ code: 'deadline_near', days: 5 }],
    })
    expect(await row(p.id)).toMatchObject({ light: 'red', lightAsOf: addDays(today, -1) })
  })

  it('flags overdue from the day after the deadline, for open problems only', async () => {
    const yesterday = await makeProblem(db(), {
      round,
      leadUnit: world.units.eeb,
      status: 'in_progress',
      deadline: -1,
    })
    const onTheDay = await makeProblem(db(), {
      round,
      leadUnit: world.units.eeb,
      status: 'in_progress',
      deadline: 0,
    })
    const applied = await makeProblem(db(), {
      round,
      leadUnit: world.units.eeb,
      status: 'acceptance',
      deadline: -1,
    })
    const get = async (id: string) => (await office.get(`/api/v1/problems/${id}`)).json<Problem>()
    expect(await get(yesterday.id)).toMatchObject({ overdue: true, light: { color: 'red' } })
    expect(await get(onTheDay.id)).toMatchObject({ overdue: false, light: { color: 'blue' } })
    expect(await get(applied.id)).toMatchObject({ overdue: false, light: { color: 'green' } })
  })
})

describe('the summary', () => {
  it('speaks the sentence the office reports upward, per round and unit', async () => {
    const r = await makeRound(db())
    const mk = (o: Partial<Parameters<typeof makeProblem>[1]>) =>
      makeProblem(db(), { round: r, leadUnit: world.units.eeb, region: world.units.countyA, ...o })
    await mk({ status: 'closed' })
    const forced = await mk({ status: 'closed' })
    await db()
      .update(problems)
      .set({ outcome: 'not_rectified', rebound: true })
      .where(eq(problems.id, forced.id))
    await mk({ status: 'publicity' })
    await mk({ status: 'in_progress', deadline: 100 }) // green
    await mk({ status: 'in_progress', deadline: 3 }) // blue
    await mk({ status: 'in_progress', deadline: -2 }) // red, overdue
    await mk({ status: 'draft', deadline: -1, region: world.units.countyB }) // red, overdue, county B
    const s = (await office.get(`/api/v1/problems/summary${qs({ round: r.id })}`)).json()
    // A problem closed not_rectified is never counted as completed.
    expect(s).toEqual({
      total: 7,
      completed: 2,
      closedNotRectified: 1,
      rebound: 1,
      onSchedule: 2,
      behind: 2,
      overdue: 2,
      byStatus: { closed: 2, publicity: 1, in_progress: 3, draft: 1 },
      byLight: { green: 4, blue: 1, red: 2 },
    })
    const a = (await unitA.get(`/api/v1/problems/summary${qs({ round: r.id })}`)).json()
    expect(a).toMatchObject({ total: 6, overdue: 1 })
    const byUnit = (
      await office.get(`/api/v1/problems/summary${qs({ round: r.id, unit: world.units.city.id })}`)
    ).json()
    expect(byUnit.total).toBe(7)
  })
})

describe('my work', () => {
  it('lists reports due, returned reports, near deadlines and drafts to write', async () => {
    const r = await makeRound(db())
    const mk = (o: Partial<Parameters<typeof makeProblem>[1]>) =>
      makeProblem(db(), { round: r, leadUnit: world.units.eeb, region: world.units.countyA, ...o })
    const due = await mk({ status: 'in_progress', deadline: 100 })
    const reported = await mk({ status: 'in_progress', deadline: 100 })
    const near = await mk({ status: 'in_progress', deadline: 4 })
    const draft = await mk({ status: 'draft', deadline: 100 })
    const report = (problemId: string, status: string, reviewNote: string | null = null) =>
      db()
        .insert(progressReports)
        .values({
          id: uuidv7(),
          problemId,
          unitId: world.units.countyA.id,
          period: periodOf(today),
          done: '已完成',
          percent: 30,
          status,
          reviewNote,
        })
    await report(reported.id, 'submitted')
    const returnedId = uuidv7()
    await db()
      .insert(progressReports)
      .values({
        id: returnedId,
        problemId: due.id,
        unitId: world.units.countyA.id,
        period: periodOf(today),
        done: '草',
        percent: 10,
        status: 'returned',
        reviewNote: '佐证材料不足',
      })

    const work = (await unitA.get('/api/v1/me/work')).json()
    expect(work.period).toBe(periodOf(today))
    const ids = (l: Problem[]) => l.map((p) => p.id)
    expect(ids(work.reportsDue)).toEqual(expect.arrayContaining([due.id, near.id]))
    expect(ids(work.reportsDue)).not.toContain(reported.id)
    expect(work.returned).toContainEqual(
      expect.objectContaining({
        reportId: returnedId,
        reason: '佐证材料不足',
        problem: expect.objectContaining({ id: due.id }),
      }),
    )
    expect(ids(work.nearDeadlines)).toContain(near.id)
    expect(work.plansToDraft).toEqual([])
    const leadWork = (await lead.get('/api/v1/me/work')).json()
    expect(ids(leadWork.plansToDraft)).toContain(draft.id)
    expect(ids((await unitB.get('/api/v1/me/work')).json().reportsDue)).not.toContain(due.id)
    expect((await office.get('/api/v1/me/work')).statusCode).toBe(403)
  })
})

describe('extensions', () => {
  const inProgress = async () => {
    const p = await makeProblem(db(), {
      round,
      leadUnit: world.units.eeb,
      region: world.units.countyA,
      status: 'in_progress',
      deadline: 20,
    })
    return p
  }
  const ask = (who: Api, id: string, b: object) => who.post(`/api/v1/problems/${id}/extensions`, b)
  const decide = (who: Api, id: string, b: object, v = 1) =>
    who.post(`/api/v1/extensions/${id}/decision`, b, { 'if-match': `"${v}"` })

  it('a grant moves the deadline, keeps the original forever and never changes the status', async () => {
    const p = await inProgress()
    const first = addDays(today, 20)
    const asked = await ask(lead, p.id, {
      requestedDeadline: addDays(today, 60),
      reason: '汛期无法施工',
    })
    expect(asked.statusCode, asked.body).toBe(201)
    expect(asked.json()).toMatchObject({
      status: 'requested',
      currentDeadline: first,
      requestedBy: world.users.lead.username,
    })
    const granted = await decide(office, asked.json().id, { decision: 'grant', reason: '同意' })
    expect(granted.statusCode, granted.body).toBe(200)
    expect(granted.json()).toMatchObject({ status: 'granted', decisionReason: '同意', version: 2 })
    let problem = (await office.get(`/api/v1/problems/${p.id}`)).json<Problem>()
    expect(problem).toMatchObject({
      status: 'in_progress',
      deadline: addDays(today, 60),
      originalDeadline: first,
      version: 2,
    })

    const again = await ask(lead, p.id, { requestedDeadline: addDays(today, 90), reason: '再延' })
    expect(
      (await decide(office, again.json().id, { decision: 'grant', reason: '同意' })).statusCode,
    ).toBe(200)
    problem = (await office.get(`/api/v1/problems/${p.id}`)).json<Problem>()
    expect(problem).toMatchObject({
      status: 'in_progress',
      deadline: addDays(today, 90),
      originalDeadline: first,
    })
    expect(
      (await unitA.get(`/api/v1/problems/${p.id}/extensions`))
        .json()
        .items.map((e: { status: string }) => e.status),
    ).toEqual(['granted', 'granted'])
    expect(await audits(p.id, 'problem.deadline_extended')).toHaveLength(2)
  })

  it('extends a measure’s deadline, not the problem’s', async () => {
    const p = await inProgress()
    const m = await makeMeasure(db(), {
      problem: p,
      unit: world.units.countyA,
      deadline: addDays(today, 10),
    })
    const asked = await ask(unitA, p.id, {
      measureId: m.id,
      requestedDeadline: addDays(today, 15),
      reason: '设备到货延迟',
    })
    expect(asked.json()).toMatchObject({ measureId: m.id, currentDeadline: addDays(today, 10) })
    expect(
      (await decide(office, asked.json().id, { decision: 'grant', reason: '同意' })).statusCode,
    ).toBe(200)
    expect((await row(p.id)).deadline).toBe(addDays(today, 20))
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'measure.deadline_extended'))
    expect(entry).toMatchObject({
      entityId: m.id,
      after: expect.objectContaining({ problemId: p.id, originalDeadline: addDays(today, 10) }),
    })
  })

  it('a denial changes no deadline', async () => {
    const p = await inProgress()
    const asked = await ask(lead, p.id, { requestedDeadline: addDays(today, 60), reason: '理由' })
    expect(
      (await decide(office, asked.json().id, { decision: 'deny', reason: '理由不充分' })).json()
        .status,
    ).toBe('denied')
    expect(await row(p.id)).toMatchObject({
      deadline: addDays(today, 20),
      originalDeadline: null,
      version: 1,
    })
  })

  it.each([
    [
      'a date not after the current deadline',
      (p: { deadline: string }) => ({ requestedDeadline: p.deadline, reason: 'x' }),
      'in_progress',
      422,
    ],
    [
      'a problem not in progress',
      (p: { deadline: string }) => ({ requestedDeadline: addDays(p.deadline, 5), reason: 'x' }),
      'plan_review',
      409,
    ],
    [
      'a measure of another problem',
      (p: { deadline: string }) => ({
        requestedDeadline: addDays(p.deadline, 5),
        reason: 'x',
        measureId: uuidv7(),
      }),
      'in_progress',
      422,
    ],
  ] as const)('refuses %s', async (_n, b, status, code) => {
    const p = await makeProblem(db(), {
      round,
      leadUnit: world.units.eeb,
      region: world.units.countyA,
      status,
      deadline: 20,
    })
    expect((await ask(lead, p.id, b(p))).statusCode).toBe(code)
    expect(await db().select().from(extensions).where(eq(extensions.problemId, p.id))).toHaveLength(
      0,
    )
  })

  it('is asked by a unit that sees the problem, decided by the office only, never for its own unit', async () => {
    const p = await inProgress()
    expect(
      (await ask(unitB, p.id, { requestedDeadline: addDays(today, 60), reason: 'x' })).statusCode,
    ).toBe(404)
    expect(
      (await ask(office, p.id, { requestedDeadline: addDays(today, 60), reason: 'x' })).statusCode,
    ).toBe(403)
    const asked = (
      await ask(lead, p.id, { requestedDeadline: addDays(today, 60), reason: 'x' })
    ).json()
    expect(
      (await ask(townA, p.id, { requestedDeadline: addDays(today, 70), reason: 'x' })).statusCode,
    ).toBe(404)
    expect(
      (await ask(lead, p.id, { requestedDeadline: addDays(today, 70), reason: 'x' })).statusCode,
    ).toBe(409)
    expect((await decide(lead, asked.id, { decision: 'grant', reason: 'x' })).statusCode).toBe(403)
    const ownOffice = await as(
      t.app,
      await makeUser(db(), { unit: world.units.eeb, roles: ['office'] }),
    )
    expect((await decide(ownOffice, asked.id, { decision: 'grant', reason: 'x' })).statusCode).toBe(
      403,
    )
    expect((await decide(office, asked.id, { decision: 'grant', reason: 'x' }, 5)).statusCode).toBe(
      412,
    )
    expect((await decide(office, asked.id, { decision: 'grant' })).statusCode).toBe(422)
    expect((await decide(office, asked.id, { decision: 'deny', reason: 'x' })).statusCode).toBe(200)
    expect((await decide(office, asked.id, { decision: 'grant', reason: 'x' }, 2)).statusCode).toBe(
      409,
    )
    expect((await decide(office, uuidv7(), { decision: 'grant', reason: 'x' })).statusCode).toBe(
      404,
    )
  })
})

describe('the timeline', () => {
  it('lists the problem’s steps and those of its extensions, oldest first, with reasons', async () => {
    const p = (await office.post('/api/v1/problems', body())).json<Problem>()
    await makeMeasure(db(), { problem: { id: p.id }, unit: world.units.countyA })
    const step = (who: Api, action: string, v: number, reason?: string) =>
      who.post(
        `/api/v1/problems/${p.id}/transitions`,
        { action, ...(reason ? { reason } : {}) },
        { 'if-match': `"${v}"` },
      )
    expect((await step(lead, 'submit', 1)).statusCode).toBe(200)
    expect((await step(office, 'return', 2, '措施不具体')).statusCode).toBe(200)
    expect((await step(lead, 'submit', 3)).statusCode).toBe(200)
    expect((await step(office, 'approve', 4)).statusCode).toBe(200)
    const ext = (
      await lead.post(`/api/v1/problems/${p.id}/extensions`, {
        requestedDeadline: addDays(today, 365),
        reason: '工期不足',
      })
    ).json()
    const items = (await unitA.get(`/api/v1/problems/${p.id}/timeline`)).json().items
    expect(items.map((i: { action: string }) => i.action)).toEqual([
      'problem.created',
      'problem.submit',
      'problem.return',
      'problem.submit',
      'problem.approve',
      'extension.requested',
    ])
    expect(items[2]).toMatchObject({
      reason: '措施不具体',
      actorName: world.users.office.username,
      // Shown as the person and their unit, not the login name (issue 16).
      actorDisplayName: world.users.office.displayName,
      actorUnitName: '整改办',
      entityType: 'problem',
    })
    expect(items[5]).toMatchObject({
      entityType: 'extension',
      entityId: ext.id,
      reason: '工期不足',
    })
  })
})

describe('the lights job', () => {
  it('recomputes stale lights for the Asia/Shanghai date, once however many instances check, and backs off while the database is down', async () => {
    const { lightsJob } = await import('../src/modules/problems/lights.job.js')
    const { JobScheduler } = await import('../src/lib/jobs.js')
    const settings = { tolerance: 10, nearDays: 15 }
    const p = await makeProblem(db(), {
      round,
      leadUnit: world.units.eeb,
      status: 'in_progress',
      deadline: 3,
      light: { color: 'green', asOf: null },
    })
    let date = today
    const logged: string[] = []
    const log = {
      info: (_o: object, m: string) => logged.push(m),
      warn: (_o: object, m: string) => logged.push(`warn: ${m}`),
      error: (_o: object, m: string) => logged.push(`error: ${m}`),
    }
    // On PGlite the app's own in-process scheduler runs the job too (on PostgreSQL pg-boss does,
    // test/instances.test.ts): keep it out of the way for this test, and run the same job under a
    // name of its own, on a clock of the test's.
    const app = await t.database.query(
      `update scheduled_jobs set next_run_at = now() + interval '1 day' where name = 'refresh-lights'
        returning last_result`,
    )
    expect(app).toHaveLength(t.database.kind === 'pglite' ? 1 : 0) // scheduled at the app's start
    const job = lightsJob(db(), settings, () => date)
    let runs = 0
    const counted = {
      ...job,
      name: 'refresh-lights-test',
      run: (signal: AbortSignal) => (runs++, job.run(signal)),
    }
    const instances = [1, 2, 3].map(() => new JobScheduler(db(), [counted], log, 0))
    const lastResult = async () =>
      (
        await t.database.query<{ r: string }>(
          `select last_result as r from scheduled_jobs where name = 'refresh-lights-test'`,
        )
      )[0]!.r
    const duePeriodLater = () =>
      t.database.query(
        `update scheduled_jobs set next_run_at = now() where name = 'refresh-lights-test'`,
      )

    await Promise.all(instances.map((s) => s.tick()))
    expect(runs).toBe(1)
    expect(await row(p.id)).toMatchObject({ light: 'blue', lightAsOf: today })
    expect(await lastResult()).toMatch(new RegExp(`^[1-9]\\d* refreshed for ${today}$`))
    await Promise.all(instances.map((s) => s.tick())) // not due again within the period
    expect(runs).toBe(1)

    // Another day, a period later: the deadline is now past.
    date = addDays(today, 5)
    await duePeriodLater()
    await Promise.all(instances.map((s) => s.tick()))
    expect(runs).toBe(2)
    expect(await row(p.id)).toMatchObject({ light: 'red', lightAsOf: date })
    // Same date: nothing to do, nothing changed, nothing logged.
    await db().update(problems).set({ light: 'green' }).where(eq(problems.id, p.id))
    await duePeriodLater()
    const lines = logged.length
    await instances[0]!.tick()
    expect(runs).toBe(3)
    expect((await row(p.id)).light).toBe('green')
    expect(await lastResult()).toBe('nothing to do')
    expect(logged.length).toBe(lines)

    // The database unreachable: a warning, then no attempt until the backoff has passed.
    let attempts = 0
    const unreachable = () => {
      attempts++
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
      })
    }
    const down = new JobScheduler(
      { insert: unreachable, select: unreachable, update: unreachable } as never,
      [lightsJob({ select: unreachable } as never, settings, () => date)],
      log,
      0,
    )
    await expect(down.tick()).resolves.toBeUndefined()
    await down.tick()
    expect(attempts).toBe(1)
    expect(logged.at(-1)).toBe('warn: jobs: the database is unavailable; backing off')
    await down.stop()

    // Put every light back to today for the rest of the file.
    await lightsJob(db(), settings).run(new AbortController().signal)
    await t.database.query(
      `update scheduled_jobs set next_run_at = now() where name = 'refresh-lights'`,
    )
  })
})
