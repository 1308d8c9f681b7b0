import { eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROBLEM_SORTS, breakdownFigure, type Problem } from '@rectify/schemas'
import { problems } from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { encodeCursor } from '../src/lib/http.js'
import { uuidv7 } from '../src/lib/ids.js'
import { DEFAULT_LIGHT_SETTINGS } from '../src/modules/problems/lights.js'
import { ProblemsService } from '../src/modules/problems/problems.service.js'
import { DashboardService } from '../src/modules/dashboard/dashboard.service.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { makeProblem, makeRound, qs } from './ledger-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
type Api = Awaited<ReturnType<typeof as>>
let office: Api, unitA: Api
const today = shanghaiDate()
const ids = (items: Problem[]) => items.map((p) => p.id)

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  office = await as(t.app, world.users.office)
  unitA = await as(t.app, world.users.unitA)
})
afterAll(() => t.close())

async function list(api: Api, q: Record<string, string | number | boolean | undefined>) {
  const res = await api.get(`/api/v1/problems${qs(q)}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ items: Problem[]; nextCursor: string | null; total: number }>()
}

describe('filters', () => {
  let round: { id: string }
  const p: Record<string, { id: string }> = {}
  beforeAll(async () => {
    const db = t.database.db
    const { eeb, countyA, countyB, townA } = world.units
    round = await makeRound(db)
    p.overdue = await makeProblem(db, {
      round,
      leadUnit: eeb,
      region: countyA,
      coUnits: [townA],
      status: 'in_progress',
      mode: 'immediate',
      source: 'petition',
      nature: 'common',
      domain: 'air',
      leadLeader: { name: '王副市长', post: '副市长' },
      deadline: -1,
      rebound: true,
      title: '秸秆焚烧',
    })
    p.today = await makeProblem(db, {
      round,
      leadUnit: countyA,
      region: countyA,
      status: 'draft',
      deadline: 0,
      leadLeader: { name: '王五', post: '局长' },
      title: '建筑工地扬尘',
    })
    p.applied = await makeProblem(db, {
      round,
      leadUnit: eeb,
      region: countyB,
      coUnits: [countyB],
      status: 'acceptance',
      deadline: -5,
      parentId: p.overdue.id,
      source: 'sweep',
      title: '非法采砂',
    })
    p.inDescription = await makeProblem(db, {
      round,
      leadUnit: eeb,
      status: 'in_progress',
      deadline: 100,
      title: '工业园区VOCs治理',
      description: '园区配套污水管网未建成，code ABC_7',
    })
    p.inTitle = await makeProblem(db, {
      round,
      leadUnit: eeb,
      status: 'in_progress',
      deadline: 100,
      title: '县城污水处理厂超标排放',
    })
    p.apart = await makeProblem(db, {
      round,
      leadUnit: eeb,
      status: 'in_progress',
      deadline: 100,
      title: '污染水体',
      description: '污 水 分开, ABCx7 100%',
    })
  })

  it.each([
    ['status', { status: 'in_progress' }, ['overdue', 'inDescription', 'inTitle', 'apart']],
    ['light', { light: 'red' }, ['overdue']],
    ['light blue', { light: 'blue' }, ['today']],
    ['mode', { mode: 'immediate' }, ['overdue']],
    ['source', { source: 'sweep' }, ['applied']],
    ['nature', { nature: 'common' }, ['overdue']],
    ['domain', { domain: 'air' }, ['overdue']],
    ['region', { region: 'countyA' }, ['overdue', 'today']],
    ['unit (lead or co, with its subtree)', { unit: 'countyA' }, ['overdue', 'today']],
    ['unit of a township (co only)', { unit: 'townA' }, ['overdue']],
    ['unit that is only a region', { unit: 'countyB' }, ['applied']],
    ['unit that does not exist', { unit: 'nobody' }, []],
    ['leader, exact', { leader: '王五' }, ['today']],
    ['leader, prefix', { leader: '王' }, ['overdue', 'today']],
    [
      'deadline range',
      { deadlineFrom: addDays(today, -1), deadlineTo: today },
      ['overdue', 'today'],
    ],
    ['overdue', { overdue: true }, ['overdue']],
    ['not overdue', { overdue: false }, ['today', 'applied', 'inDescription', 'inTitle', 'apart']],
    ['rebound', { rebound: true }, ['overdue']],
    ['parent', { parent: 'overdue' }, ['applied']],
    ['q=污水 in a title or a description only', { q: '污水' }, ['inDescription', 'inTitle']],
    ['q on the code or text, case-insensitive', { q: 'abc_7' }, ['inDescription']],
    ['q with a LIKE wildcard taken literally', { q: '%' }, ['apart']],
    ['q of one Chinese character', { q: '砂' }, ['applied']],
    ['two filters', { status: 'in_progress', q: '污水' }, ['inDescription', 'inTitle']],
  ] as const)('%s', async (_name, filter, expected) => {
    const resolved = Object.fromEntries(
      Object.entries(filter).map(([k, v]) => [
        k,
        v === 'nobody'
          ? uuidv7()
          : k === 'region' || k === 'unit'
            ? world.units[v as 'countyA'].id
            : k === 'parent'
              ? p[v as string]!.id
              : v,
      ]),
    )
    const page = await list(office, { round: round.id, ...resolved, limit: 200 })
    expect(ids(page.items).sort()).toEqual(expected.map((k) => p[k]!.id).sort())
    expect(page.total).toBe(expected.length)
  })

  it('keeps the actor’s scope under every filter', async () => {
    const page = await list(unitA, { round: round.id, q: '污水' })
    expect(page.items).toEqual([])
    expect(ids((await list(unitA, { round: round.id, status: 'in_progress' })).items)).toEqual([
      p.overdue!.id,
    ])
  })
})

describe('sorting and cursor paging', () => {
  let round: { id: string }
  type Row = typeof problems.$inferSelect & { updatedKey: string }
  let rows: Row[]
  // The exact updated_at (microseconds), as the database orders it.
  const load = () =>
    t.database.db
      .select({
        p: problems,
        updatedKey: sql<string>`to_char(${problems.updatedAt} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`,
      })
      .from(problems)
      .where(eq(problems.roundId, round.id))
      .then((r) => r.map((x) => ({ ...x.p, updatedKey: x.updatedKey })))
  const rank = { red: 0, yellow: 1, blue: 2, green: 3 } as const
  beforeAll(async () => {
    const db = t.database.db
    round = await makeRound(db)
    const colors = ['red', 'yellow', 'blue', 'green'] as const
    for (let i = 0; i < 12; i++) {
      await makeProblem(db, {
        round,
        leadUnit: world.units.eeb,
        code: `C${String((i * 7) % 12).padStart(2, '0')}`,
        // Ties on purpose: four deadlines, three problems each.
        deadline: (i % 4) * 10,
        light: { color: colors[i % 3]!, asOf: today },
      })
    }
    rows = await load()
    // Three problems updated in the same instant: the id breaks the tie.
    await db
      .update(problems)
      .set({ updatedAt: new Date('2026-01-01T00:00:00.123Z') })
      .where(
        inArray(
          problems.id,
          rows.slice(0, 3).map((r) => r.id),
        ),
      )
    rows = await load()
  })

  const cmp = (a: (string | number)[], b: (string | number)[]) => {
    for (let i = 0; i < a.length; i++)
      if (a[i]! < b[i]!) return -1
      else if (a[i]! > b[i]!) return 1
    return 0
  }
  const key =
    (sort: string) =>
    (r: (typeof rows)[number]): (string | number)[] => {
      const base = sort.replace('-', '')
      if (base === 'deadline') return [r.deadline, r.id]
      if (base === 'code') return [r.codeKey, r.id]
      if (base === 'updated') return [r.updatedKey, r.id]
      return [rank[r.light as keyof typeof rank], r.deadline, r.id]
    }

  it.each(PROBLEM_SORTS)(
    'sort=%s visits every row exactly once, in order, 5 at a time',
    async (sort) => {
      const expected = [...rows]
        .sort((a, b) => cmp(key(sort)(a), key(sort)(b)) * (sort.startsWith('-') ? -1 : 1))
        .map((r) => r.id)
      const seen: string[] = []
      let cursor: string | undefined
      let pages = 0
      do {
        const page = await list(office, { round: round.id, sort, limit: 5, cursor })
        expect(page.total).toBe(12)
        expect(page.items.length).toBeLessThanOrEqual(5)
        seen.push(...ids(page.items))
        cursor = page.nextCursor ?? undefined
        pages++
      } while (cursor && pages < 10)
      expect(pages).toBe(3)
      expect(seen).toEqual(expected)
    },
  )

  it('refuses a cursor of another sort or a forged one with 400', async () => {
    const first = await list(office, { round: round.id, sort: 'deadline', limit: 5 })
    expect(
      (await office.get(`/api/v1/problems${qs({ sort: 'code', cursor: first.nextCursor! })}`))
        .statusCode,
    ).toBe(400)
    expect(
      (
        await office.get(
          `/api/v1/problems${qs({ sort: 'deadline', cursor: encodeCursor(['deadline', 'not-a-date', 'x']) })}`,
        )
      ).statusCode,
    ).toBe(400)
    expect((await office.get(`/api/v1/problems${qs({ cursor: 'garbage' })}`)).statusCode).toBe(400)
    expect((await office.get(`/api/v1/problems${qs({ sort: 'sideways' })}`)).statusCode).toBe(400)
  })
})

describe('the total', () => {
  let round: { id: string }
  beforeAll(async () => {
    round = await makeRound(t.database.db)
    for (let i = 0; i < 4; i++)
      await makeProblem(t.database.db, { round, leadUnit: world.units.eeb, title: `黑臭水体${i}` })
  })

  it('is exact up to the threshold and says so', async () => {
    const page = await list(office, { round: round.id, limit: 1 })
    expect(page).toMatchObject({ total: 4, totalIsEstimate: false })
  })

  const officeCtx = () => ({
    actor: {
      type: 'user' as const,
      id: world.users.office.id,
      name: 'office',
      unitId: world.units.office.id,
      unitPath: null,
      roles: ['office' as const],
      scopes: [],
      sessionId: null,
      cityWide: true,
    },
    meta: { requestId: null, ip: null, userAgent: null },
  })

  it('is the planner’s estimate above it, never below what was counted, and says so', async () => {
    const office = world.users.office
    const ctx = {
      actor: {
        type: 'user' as const,
        id: office.id,
        name: 'office',
        unitId: world.units.office.id,
        unitPath: null,
        roles: ['office' as const],
        scopes: [],
        sessionId: null,
        cityWide: true,
      },
      meta: { requestId: null, ip: null, userAgent: null },
    }
    const service = new ProblemsService(t.database.db, DEFAULT_LIGHT_SETTINGS, t.cipher, 2)
    const page = await service.list(ctx, { round: round.id, q: '黑臭', limit: 2 })
    expect(page.totalIsEstimate).toBe(true)
    expect(page.total).toBeGreaterThanOrEqual(3)
    expect(page.items).toHaveLength(2)
    expect(page.nextCursor).not.toBeNull()
    const exact = await service.list(ctx, { round: round.id, q: '黑臭水体0' })
    expect(exact).toMatchObject({ total: 1, totalIsEstimate: false })
  })

  it('of a text search is exact up to the search’s own lower threshold, then estimated; same rows', async () => {
    const ctx = officeCtx()
    const bounded = new ProblemsService(t.database.db, DEFAULT_LIGHT_SETTINGS, t.cipher, 10, 2)
    const unbounded = new ProblemsService(t.database.db, DEFAULT_LIGHT_SETTINGS, t.cipher, 10, 10)
    const search = { round: round.id, q: '黑臭', limit: 50 }
    const [estimated, exact] = [await bounded.list(ctx, search), await unbounded.list(ctx, search)]
    expect(exact).toMatchObject({ total: 4, totalIsEstimate: false })
    expect(estimated.totalIsEstimate).toBe(true)
    expect(estimated.total).toBeGreaterThanOrEqual(3)
    expect(ids(estimated.items)).toEqual(ids(exact.items))
    expect(estimated.items).toHaveLength(4)
    // Several bigrams are estimated as the rarest one's matches (statistics as ANALYZE leaves
    // them): not as the product of the bigrams' frequencies, which is below what was counted.
    await t.database.query('analyze problems')
    const phrase = await bounded.list(ctx, { q: '黑臭水体', limit: 1 })
    expect(phrase.totalIsEstimate).toBe(true)
    expect(phrase.total).toBeGreaterThanOrEqual(4)
    // Without a text the list's own threshold (10) holds.
    expect(await bounded.list(ctx, { round: round.id, limit: 1 })).toMatchObject({
      total: 4,
      totalIsEstimate: false,
    })
  })

  it('is exact above it when a dashboard figure links there: figure and list agree', async () => {
    const ctx = officeCtx()
    const service = new ProblemsService(t.database.db, DEFAULT_LIGHT_SETTINGS, t.cipher, 2)
    const dashboard = new DashboardService(t.database.db)
    const figures = [
      (await dashboard.overview(ctx, { round: round.id })).total,
      ...(await dashboard
        .breakdown(ctx, { round: round.id, by: 'unit' })
        .then((b) => b.rows.map((r) => breakdownFigure(b, r, 'total')))),
      ...(await dashboard.overview(ctx, {})).byBucket,
    ]
    expect(figures[0]!.count).toBe(4)
    for (const f of figures.filter((x) => x.count > 2)) {
      const page = await service.list(ctx, { ...f.ledgerQuery, limit: 1 } as never)
      expect(page, JSON.stringify(f.ledgerQuery)).toMatchObject({
        total: f.count,
        totalIsEstimate: false,
      })
    }
    // A filter the facts cannot answer (mode) above the threshold is still estimated.
    const mode = await service.list(ctx, { round: round.id, mode: 'time_bound', limit: 1 })
    expect(mode.totalIsEstimate).toBe(true)
  })

  it('is exact over the facts above it for a unit user, whose figures pass over the facts too', async () => {
    // The office's totals read the rollup; a unit user's scope is no key of it, so its total
    // overflows the capped count into the facts pass its dashboards make.
    const own = await makeRound(t.database.db)
    const { countyA, townA } = world.units
    for (const [i, leadUnit] of [countyA, countyA, townA, townA, world.units.eeb].entries())
      await makeProblem(t.database.db, { round: own, leadUnit, title: `县${i}`, deadline: -i })
    const office = officeCtx()
    const ctx = {
      ...office,
      actor: {
        ...office.actor,
        id: world.users.unitA.id,
        unitId: countyA.id,
        unitPath: countyA.path,
        roles: ['unit' as const],
        cityWide: false,
      },
    }
    const service = new ProblemsService(t.database.db, DEFAULT_LIGHT_SETTINGS, t.cipher, 2)
    const overview = await new DashboardService(t.database.db).overview(ctx, { round: own.id })
    expect(overview.total.count).toBe(4)
    for (const f of [overview.total, ...overview.byBucket, ...overview.byStatus]) {
      const page = await service.list(ctx, { ...f.ledgerQuery, limit: 1 } as never)
      expect(page, JSON.stringify(f.ledgerQuery)).toMatchObject({
        total: f.count,
        totalIsEstimate: false,
      })
    }
  })
})
