import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { breakdownFigure, type DashboardBreakdownRow, type DashboardFigure } from '@rectify/schemas'
import { measures, notices, problemUnits, problems, units } from '../src/db/schema/index.js'
import type { Ctx } from '../src/lib/context.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { DashboardService } from '../src/modules/dashboard/dashboard.service.js'
import { refreshStaleLights } from '../src/modules/problems/problems.derived.js'
import { isoWeeks } from '../src/modules/dashboard/dashboard.weeks.js'
import { createTestApp, type TestApp } from './build-app.js'
import { describeRollup, figuresOf } from './dashboard-rollup.js'
import { closeNotRectified } from './dispatch-factories.js'
import { as, makeWorld } from './factories.js'
import { makeMeasure, makeProblem, makeRound, qs } from './ledger-factories.js'
import { makeBatch, makeCase } from './petition-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
type Api = Awaited<ReturnType<typeof as>>
let office: Api, unitA: Api, leader: Api
let round: { id: string }
const today = shanghaiDate()
const ids: Record<string, string> = {}

const db = () => t.database.db
const ROUTES = [
  'overview',
  'breakdown?by=unit',
  'breakdown?by=region',
  'breakdown?by=domain',
].concat(['trend?weeks=8', 'lists', 'supervision', 'petitions'])

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(db())
  office = await as(t.app, world.users.office)
  unitA = await as(t.app, world.users.unitA)
  leader = await as(t.app, world.users.leader)
  round = await makeRound(db())
  const u = world.units
  const p = async (
    name: string,
    o: Omit<Parameters<typeof makeProblem>[1], 'round'> & { light?: never },
    light: 'green' | 'blue' | 'yellow' | 'red' = 'green',
  ) => {
    const row = await makeProblem(db(), { round, ...o, light: { color: light, asOf: today } })
    ids[name] = row.id
    return row
  }
  await p('eebGreen', {
    leadUnit: u.eeb,
    region: u.countyA,
    coUnits: [u.countyA],
    status: 'in_progress',
  })
  await p(
    'eebYellow',
    { leadUnit: u.eeb, region: u.countyB, status: 'in_progress', domain: 'air' },
    'yellow',
  )
  await p(
    'aRedOverdue',
    {
      leadUnit: u.countyA,
      region: u.countyA,
      status: 'in_progress',
      deadline: -5,
      reportedProgress: 20,
    },
    'red',
  )
  await p('townOverdue', {
    leadUnit: u.townA,
    region: u.countyA,
    status: 'plan_review',
    deadline: -2,
  })
  await p('bAcceptance', {
    leadUnit: u.countyB,
    region: u.countyB,
    status: 'acceptance',
    domain: 'soil',
  })
  await p('eebClosed', { leadUnit: u.eeb, coUnits: [u.countyB], status: 'closed' })
  await p('aForced', { leadUnit: u.countyA, region: u.countyA, status: 'closed' })
  await closeNotRectified(db(), ids.aForced!)
  await p('bDraft', { leadUnit: u.countyB, region: u.countyB, domain: 'soil' })
  await p('eebClosedEarlier', { leadUnit: u.eeb, status: 'closed', deadline: -20 })
  await db()
    .update(problems)
    .set({ closedOn: addDays(today, -14) })
    .where(eq(problems.id, ids.eebClosedEarlier!))
  // Another round: never counted when the dashboard asks for `round`.
  await makeProblem(db(), {
    round: await makeRound(db()),
    leadUnit: u.countyA,
    status: 'in_progress',
  })
  // Supervision: two notices to county A (one overdue), one to county B; a yellow card to A.
  for (const [unit, level, problem] of [
    [u.countyA, 'reminder', ids.aRedOverdue],
    [u.countyA, 'warning', ids.eebGreen],
    [u.countyB, 'reminder', ids.eebYellow],
  ] as const) {
    const res = await office.post('/api/v1/notices', {
      level,
      unitId: unit.id,
      problemIds: [problem],
      title: '关于加快推进整改的提醒函',
      body: '请加快推进整改。',
      replyDue: addDays(today, 7),
    })
    expect(res.statusCode).toBe(201)
    ids[`notice-${unit.name}-${level}`] = res.json().id
  }
  await db()
    .update(notices)
    .set({ replyDue: addDays(today, -1) })
    .where(eq(notices.id, ids[`notice-${u.countyA.name}-reminder`]!))
  const card = await office.post('/api/v1/cards', {
    unitId: u.countyA.id,
    color: 'yellow',
    reason: '整改滞后',
    problemIds: [ids.aRedOverdue],
  })
  expect(card.statusCode).toBe(201)
  // Petitions: handled by A (true, closed), by A's township (untrue), by B (in handling).
  const batch = await makeBatch(db(), { round })
  await makeCase(db(), { batch, handlingUnit: u.countyA, status: 'closed', finding: 'true' })
  await makeCase(db(), { batch, handlingUnit: u.townA, status: 'submitted', finding: 'untrue' })
  await makeCase(db(), { batch, handlingUnit: u.countyB })
  await makeCase(db(), { batch })
})
afterAll(() => t.close())

const LIST = {
  problems: '/api/v1/problems',
  petitions: '/api/v1/petitions',
  notices: '/api/v1/notices',
}

async function listTotal(api: Api, f: DashboardFigure): Promise<number> {
  const res = await api.get(
    `${LIST[f.target as keyof typeof LIST]}${qs({ ...f.ledgerQuery, limit: 1 })}`,
  )
  expect(res.statusCode, `${f.target} ${JSON.stringify(f.ledgerQuery)}: ${res.body}`).toBe(200)
  return res.json().total
}

const get = async (api: Api, route: string, q: Record<string, string> = {}) => {
  const sep = route.includes('?') ? '&' : '?'
  const res = await api.get(`/api/v1/dashboard/${route}${qs(q).replace('?', sep)}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

describe('every figure equals the count of the list its ledgerQuery opens', () => {
  it.each([
    ['the office, one round', () => office, () => ({ round: round.id })],
    [
      'the office, county A within the round',
      () => office,
      () => ({ round: round.id, unit: world.units.countyA.id }),
    ],
    ['a county A user (its scope), one round', () => unitA, () => ({ round: round.id })],
    ['a county A user, every round', () => unitA, () => ({})],
  ] as const)('%s', async (_who, api, query) => {
    let checked = 0
    let nonZero = 0
    for (const route of ROUTES) {
      for (const f of figuresOf(await get(api(), route, query()))) {
        if (f.ledgerQuery === null) continue
        expect(
          await listTotal(api(), f),
          `${route} ${f.key} ${JSON.stringify(f.ledgerQuery)}`,
        ).toBe(f.count)
        checked++
        if (f.count > 0) nonZero++
      }
    }
    expect(checked).toBeGreaterThan(60)
    expect(nonZero).toBeGreaterThan(15)
  })
})

describe('overview', () => {
  it('has the summary endpoint’s buckets, statuses and lights', async () => {
    for (const [api, q] of [
      [office, { round: round.id }],
      [unitA, { round: round.id }],
      [leader, { round: round.id, unit: world.units.countyB.id }],
    ] as const) {
      const o = await get(api, 'overview', q)
      const s = (await api.get(`/api/v1/problems/summary${qs(q)}`)).json()
      const b = Object.fromEntries(o.byBucket.map((f: DashboardFigure) => [f.key, f.count]))
      expect(b).toEqual({
        completed: s.completed,
        on_schedule: s.onSchedule,
        behind: s.behind,
        overdue: s.overdue,
        closed_not_rectified: s.closedNotRectified,
      })
      expect(o.total.count).toBe(s.total)
      for (const f of o.byStatus) expect(f.count).toBe(s.byStatus[f.key] ?? 0)
      for (const f of o.byLight) expect(f.count).toBe(s.byLight[f.key] ?? 0)
    }
  })

  it('counts the round’s problems for the office, and only its own for a county user', async () => {
    const all = await get(office, 'overview', { round: round.id })
    expect(all.total.count).toBe(9)
    const bucket = (o: { byBucket: DashboardFigure[] }, k: string) =>
      o.byBucket.find((f) => f.key === k)!.count
    expect(bucket(all, 'completed')).toBe(3)
    expect(bucket(all, 'closed_not_rectified')).toBe(1)
    expect(bucket(all, 'behind')).toBe(2)
    expect(bucket(all, 'on_schedule')).toBe(3)
    expect(bucket(all, 'overdue')).toBe(2)
    const mine = await get(unitA, 'overview', { round: round.id })
    // eebGreen, aRedOverdue, townOverdue, aForced: county A's lead, co, region or township.
    expect(mine.total.count).toBe(4)
  })
})

describe('breakdown', () => {
  it('by unit counts what the ledger’s unit filter counts, so rows overlap', async () => {
    const b = await get(office, 'breakdown', { round: round.id, by: 'unit' })
    const row = (id: string) => b.rows.find((r: { key: string }) => r.key === id)
    // eeb leads 4; county A leads 2, is co-unit of 1 and holds the township's 1; county B leads
    // 2 and is co-unit of 1 (a region alone is not the unit filter: eebYellow is not B's).
    expect(row(world.units.eeb.id).counts.total).toBe(4)
    expect(row(world.units.countyA.id).counts.total).toBe(4)
    expect(row(world.units.countyB.id).counts.total).toBe(3)
    expect(row(world.units.office.id)).toBeUndefined()
    expect(
      b.rows.reduce((s: number, r: DashboardBreakdownRow) => s + r.counts.total, 0),
    ).toBeGreaterThan(9)
  })

  it('by unit for a county user shows its own unit and the units below it', async () => {
    const b = await get(unitA, 'breakdown', { by: 'unit' })
    expect(b.rows.map((r: { key: string }) => r.key).sort()).toEqual(
      [world.units.countyA.id, world.units.townA.id].sort(),
    )
  })

  it.each(['unit', 'region', 'domain'])(
    'by %s: each row’s completed, closed not rectified, on schedule and behind add up to its total',
    async (by) => {
      for (const who of [office, unitA, leader]) {
        const b = await get(who, 'breakdown', { round: round.id, by })
        expect(b.rows.length).toBeGreaterThan(0)
        for (const r of b.rows) {
          const c = (r as DashboardBreakdownRow).counts
          const parts = c.completed + c.closedNotRectified + c.onSchedule + c.behind
          expect(parts, `${by} ${r.label ?? r.key}`).toBe(c.total)
          expect(c.overdue).toBeLessThanOrEqual(c.onSchedule + c.behind)
        }
      }
      // The forced close-out is in its own column, in the row of county A's region and units.
      const b = await get(office, 'breakdown', { round: round.id, by })
      const key = by === 'domain' ? 'water' : world.units.countyA.id
      const row = b.rows.find((r: { key: string }) => r.key === key)
      expect(row.counts.closedNotRectified).toBe(1)
      expect(breakdownFigure(b, row, 'closedNotRectified').ledgerQuery).toEqual({
        round: round.id,
        [by]: key,
        bucket: 'closed_not_rectified',
      })
    },
  )

  it('by region and domain name their groups', async () => {
    const r = await get(office, 'breakdown', { round: round.id, by: 'region' })
    expect(r.rows.find((x: { key: string }) => x.key === world.units.countyA.id).label).toBe('甲县')
    const d = await get(office, 'breakdown', { round: round.id, by: 'domain' })
    expect(d.rows.map((x: { key: string }) => x.key).sort()).toEqual(['air', 'soil', 'water'])
  })
})

describe('lists', () => {
  it('puts the most overdue first with its days, and the most behind with its points', async () => {
    const l = await get(office, 'lists', { round: round.id })
    expect(l.overdue.items.map((i: { id: string }) => i.id)).toEqual([
      ids.aRedOverdue,
      ids.townOverdue,
    ])
    expect(l.overdue.items[0].value).toBe(5)
    expect(l.overdue.total.count).toBe(2)
    expect(l.behind.total.count).toBe(2)
    expect(l.behind.items[0].leadUnit).toBeTypeOf('string')
  })
})

describe('supervision and petitions', () => {
  it('count notices, overdue notices and cards as the office and as county A', async () => {
    const s = await get(office, 'supervision')
    const n = (xs: DashboardFigure[], k: string) => xs.find((f) => f.key === k)!.count
    expect(n(s.noticesByLevel, 'reminder')).toBe(2)
    expect(s.noticesOverdue.count).toBe(1)
    expect(n(s.cardsByColor, 'yellow')).toBe(1)
    const a = await get(unitA, 'supervision')
    expect(n(a.noticesByLevel, 'reminder')).toBe(1)
    expect(n(a.noticesByStatus, 'issued')).toBe(2)
    expect(a.cardsByColor[0].target).toBe('none')
  })

  it('count cases by finding and status within the petition scope', async () => {
    const o = await get(office, 'petitions')
    expect(o.total.count).toBe(4)
    const a = await get(unitA, 'petitions')
    expect(a.total.count).toBe(2)
    expect(a.byFinding.find((f: DashboardFigure) => f.key === 'untrue').count).toBe(1)
  })
})

describe('trend', () => {
  const ctx: () => Ctx = () => ({
    actor: {
      type: 'user',
      id: world.users.office.id,
      name: 'office',
      unitId: world.units.office.id,
      unitPath: null,
      roles: ['office'],
      scopes: [],
      sessionId: null,
      cityWide: true,
    },
    meta: { requestId: null, ip: null, userAgent: null },
  })

  it('lists ISO weeks Monday to Sunday, the current one last', () => {
    const w = isoWeeks('2026-11-28', 3)
    expect(w.at(-1)).toEqual({ week: '2026-W48', from: '2026-11-23', to: '2026-11-29' })
    expect(w[0]).toEqual({ week: '2026-W46', from: '2026-11-09', to: '2026-11-15' })
    expect(isoWeeks('2026-11-23', 1)[0]!.from).toBe('2026-11-23')
  })

  it('counts a problem closed at 23:30 on a Sunday in Shanghai in that week', async () => {
    const r = await makeRound(db())
    const sundayLate = new Date('2026-11-22T15:30:00Z') // Sunday 23:30 in Shanghai
    const row = await makeProblem(db(), {
      round: r,
      leadUnit: world.units.eeb,
      status: 'closed',
      deadline: '2026-11-20',
    })
    await db()
      .update(problems)
      .set({ closedOn: shanghaiDate(sundayLate) })
      .where(eq(problems.id, row.id))
    const onSunday = await new DashboardService(db(), () => sundayLate).trend(ctx(), {
      round: r.id,
      weeks: 4,
    })
    expect(onSunday.weeks.at(-1)).toMatchObject({
      week: '2026-W47',
      to: '2026-11-22',
      cumulative: 1,
      planned: 1,
    })
    expect(onSunday.weeks.at(-1)!.completed.count).toBe(1)
    // An hour later it is Monday in Shanghai (still Sunday in UTC): a new week has begun.
    const monday = await new DashboardService(db(), () => new Date('2026-11-22T16:30:00Z')).trend(
      ctx(),
      { round: r.id, weeks: 4 },
    )
    expect(monday.weeks.at(-1)).toMatchObject({ week: '2026-W48', cumulative: 1 })
    expect(monday.weeks.at(-1)!.completed.count).toBe(0)
    expect(monday.weeks.at(-2)!.completed.count).toBe(1)
    expect(await listTotal(office, monday.weeks.at(-2)!.completed)).toBe(1)
  })

  it('adds up weekly completions into the burn-up against the plan', async () => {
    const tr = await get(office, 'trend', { round: round.id, weeks: '8' })
    expect(tr.weeks).toHaveLength(8)
    expect(tr.total).toBe(9)
    const last = tr.weeks.at(-1)
    expect(last.cumulative).toBe(2) // eebClosed today, eebClosedEarlier two weeks ago
    expect(
      tr.weeks.reduce((s: number, w: { completed: DashboardFigure }) => s + w.completed.count, 0),
    ).toBe(2)
    expect(last.planned).toBeGreaterThanOrEqual(3)
  })
})

describe('ledger filters for the dashboards', () => {
  const list = async (q: Record<string, string>) =>
    (await office.get(`/api/v1/problems${qs({ round: round.id, limit: 100, ...q })}`))
      .json()
      .items.map((p: { id: string }) => p.id)
      .sort()
  const of = (...names: string[]) => names.map((n) => ids[n]!).sort()

  it('bucket keeps the summary’s bucket', async () => {
    expect(await list({ bucket: 'completed' })).toEqual(
      of('bAcceptance', 'eebClosed', 'eebClosedEarlier'),
    )
    expect(await list({ bucket: 'on_schedule' })).toEqual(of('eebGreen', 'townOverdue', 'bDraft'))
    expect(await list({ bucket: 'behind' })).toEqual(of('eebYellow', 'aRedOverdue'))
    expect(await list({ bucket: 'overdue' })).toEqual(of('aRedOverdue', 'townOverdue'))
    expect(await list({ bucket: 'closed_not_rectified' })).toEqual(of('aForced'))
  })

  it('closedFrom and closedTo keep problems closed within the dates, inclusive', async () => {
    expect(await list({ closedFrom: today })).toEqual(of('eebClosed', 'aForced'))
    expect(await list({ closedTo: addDays(today, -14) })).toEqual(of('eebClosedEarlier'))
    expect(await list({ closedFrom: addDays(today, -14), closedTo: addDays(today, -1) })).toEqual(
      of('eebClosedEarlier'),
    )
    expect(await list({ closedFrom: addDays(today, 1) })).toEqual([])
  })

  it('refuses an unknown bucket', async () => {
    expect((await office.get('/api/v1/problems?bucket=late')).statusCode).toBe(400)
  })
})

describe('the narrow facts the figures read (problem_facts)', () => {
  /** Problems whose facts row is missing, left over or differs from the problem's own columns. */
  const drift = async () =>
    (
      await t.database.query<{ n: number }>(
        `select count(*)::int as n from problems p full join problem_facts f on f.id = p.id
          where f.id is null or p.id is null
             or (p.round_id, p.status, p.light, p.outcome, p.deadline, p.closed_on, p.domain, p.region_id)
                is distinct from
                (f.round_id, f.status, f.light, f.outcome, f.deadline, f.closed_on, f.domain, f.region_id)`,
      )
    )[0]!.n

  it('follow the lights refresher and every other write, so the figures see the new light', async () => {
    const r = await makeRound(db())
    const row = await makeProblem(db(), {
      round: r,
      leadUnit: world.units.eeb,
      status: 'in_progress',
      deadline: -3,
      light: { color: 'green', asOf: null },
    })
    const light = async () =>
      Object.fromEntries(
        (await get(office, 'overview', { round: r.id })).byLight.map((f: DashboardFigure) => [
          f.key,
          f.count,
        ]),
      )
    expect(await light()).toMatchObject({ green: 1, red: 0 })
    await refreshStaleLights(db(), today)
    const [stored] = await db().select().from(problems).where(eq(problems.id, row.id))
    expect(stored!.light).toBe('red') // three days overdue
    expect(await light()).toMatchObject({ green: 0, red: 1 })
    expect(await drift()).toBe(0)
    // A write that leaves the figures' columns alone keeps the facts as they were.
    await db().update(problems).set({ title: '改名' }).where(eq(problems.id, row.id))
    await db().update(problems).set({ domain: 'air' }).where(eq(problems.id, row.id))
    expect(await drift()).toBe(0)
    const byDomain = await get(office, 'breakdown?by=domain', { round: r.id })
    expect(byDomain.rows.map((x: { key: string }) => x.key)).toEqual(['air'])
  })

  /**
   * Problems whose unit set differs from what the ledger's unit filter says (ledByUnitTree: the
   * units whose subtree, by path prefix, holds a lead or co link) — an oracle apart from the
   * triggers, which read the set off the paths' segments.
   */
  const unitDrift = async () =>
    (
      await t.database.query<{ n: number }>(
        `select count(*)::int as n from problem_facts f
          where f.units is distinct from coalesce((select array_agg(u.id order by u.id) from units u
            where exists (select 1 from problem_units pu join units l on l.id = pu.unit_id
              where pu.problem_id = f.id and pu.role in ('lead', 'co') and l.path like u.path || '%')),
            '{}'::uuid[])`,
      )
    )[0]!.n
  const unitsOf = async (id: string) =>
    (
      await t.database.query<{ units: string[] }>(
        'select units::text[] as units from problem_facts where id = $1',
        [id],
      )
    )[0]?.units.sort()
  const sorted = (...us: { id: string }[]) => us.map((u) => u.id).sort()

  it('keep each problem’s unit set through a co-unit removed, a measure’s unit, a unit moved and a delete', async () => {
    const { city, countyA, countyB, townA, eeb } = world.units
    const r = await makeRound(db())
    const row = await makeProblem(db(), { round: r, leadUnit: townA, coUnits: [countyB] })
    const measure = await makeMeasure(db(), { problem: row, unit: eeb })
    const byUnit = async () =>
      Object.fromEntries(
        (await get(office, 'breakdown', { round: r.id, by: 'unit' })).rows.map(
          (x: DashboardBreakdownRow) => [x.key, x.counts.total],
        ),
      )
    expect(await unitsOf(row.id)).toEqual(sorted(city, countyA, townA, countyB))
    expect(await byUnit()).toEqual({ [countyA.id]: 1, [countyB.id]: 1 })
    expect(await unitDrift()).toBe(0)

    // The co-unit removed (PATCH, the service's setCoUnits): county B no longer counts it.
    const patched = await office.patch(
      `/api/v1/problems/${row.id}`,
      { coUnitIds: [] },
      { 'if-match': `"${row.version}"` },
    )
    expect(patched.statusCode, patched.body).toBe(200)
    expect(await unitsOf(row.id)).toEqual(sorted(city, countyA, townA))
    expect(await byUnit()).toEqual({ [countyA.id]: 1 })

    // A measure's unit is a link for the scope, not for the unit filter: the set stays.
    const moved = await office.patch(
      `/api/v1/measures/${measure.id}`,
      { unitId: countyB.id },
      { 'if-match': `"${measure.version}"` },
    )
    expect(moved.statusCode, moved.body).toBe(200)
    expect(await unitsOf(row.id)).toEqual(sorted(city, countyA, townA))
    expect(await byUnit()).toEqual({ [countyA.id]: 1 })
    expect(await unitDrift()).toBe(0)

    // The lead's unit moves under county B (one UPDATE of the subtree's paths), and back.
    const move = async (parent: { id: string }) => {
      const [u] = await db().select().from(units).where(eq(units.id, townA.id))
      const res = await (
        await as(t.app, world.users.admin)
      ).patch(
        `/api/v1/units/${townA.id}`,
        { parentId: parent.id },
        { 'if-match': `"${u!.version}"` },
      )
      expect(res.statusCode, res.body).toBe(200)
    }
    await move(countyB)
    expect(await unitsOf(row.id)).toEqual(sorted(city, countyB, townA))
    expect(await byUnit()).toEqual({ [countyB.id]: 1 })
    expect(await unitDrift()).toBe(0)
    await move(countyA)
    expect(await unitsOf(row.id)).toEqual(sorted(city, countyA, townA))

    // Deleted (no route deletes a problem; a purge would): its facts go with it.
    await db().transaction(async (tx) => {
      await tx.delete(problemUnits).where(eq(problemUnits.problemId, row.id))
      await tx.delete(measures).where(eq(measures.problemId, row.id))
      await tx.delete(problems).where(eq(problems.id, row.id))
    })
    expect(await unitsOf(row.id)).toBeUndefined()
    expect(await byUnit()).toEqual({})
    expect(await unitDrift()).toBe(0)
    expect(await drift()).toBe(0)
  })

  it.runIf(process.env.TEST_DATABASE_URL)(
    'keep the set when two transactions link one problem at once (PostgreSQL)',
    async () => {
      const { countyA, countyB, eeb } = world.units
      const row = await makeProblem(db(), { round: await makeRound(db()), leadUnit: eeb })
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      let linked!: () => void
      const firstLinked = new Promise<void>((resolve) => (linked = resolve))
      const first = db().transaction(async (tx) => {
        await tx.insert(problemUnits).values({ problemId: row.id, unitId: countyA.id, role: 'co' })
        linked()
        await held
      })
      await firstLinked
      const second = db().transaction(async (tx) => {
        await tx.insert(problemUnits).values({ problemId: row.id, unitId: countyB.id, role: 'co' })
      })
      // The second writer's trigger waits on the first one's facts row: commit the first then.
      const waiting = () =>
        t.database.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
        )
      while ((await waiting())[0]!.n === 0) await new Promise((r) => setImmediate(r))
      release()
      await Promise.all([first, second])
      expect(await unitsOf(row.id)).toEqual(sorted(world.units.city, eeb, countyA, countyB))
      expect(await unitDrift()).toBe(0)
    },
  )
})

describeRollup(() => ({ t, world }))
