import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  BREAKDOWN_COLUMNS,
  breakdownFigure,
  type DashboardBreakdown,
  type DashboardFigure,
} from '@rectify/schemas'
import { problemUnits, problems } from '../src/db/schema/index.js'
import type { Ctx } from '../src/lib/context.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { DashboardService } from '../src/modules/dashboard/dashboard.service.js'
import { rollupMergeJob } from '../src/modules/dashboard/dashboard.rollup.js'
import { DEFAULT_LIGHT_SETTINGS } from '../src/modules/problems/lights.js'
import { refreshStaleLights } from '../src/modules/problems/problems.derived.js'
import { ProblemsService } from '../src/modules/problems/problems.service.js'
import type { TestApp } from './build-app.js'
import type { makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'

/**
 * The office's figures off the rollup (migration 0031) against the same figures passed over the
 * facts, after writes of every kind the rollup's triggers must follow: inserts, status and light
 * changes (the lights refresher), a closing, unit links added and removed, a delete, and the
 * merge of the deltas. dashboard.test.ts runs it in its own app and world (a file of its own
 * would cost another app's start in CI), and checks each figure against its ledger list.
 */
export function describeRollup(
  app: () => { t: TestApp; world: Awaited<ReturnType<typeof makeWorld>> },
) {
  describe('the rollup', () => rollupTests(app))
}

const today = shanghaiDate()
const ctx = { actor: { cityWide: true } } as unknown as Ctx
let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
const db = () => t.database.db

/** Every problem figure of the office's dashboards, with and without the rollup. */
async function figures(rollup: boolean, round?: string) {
  const s = new DashboardService(db(), () => new Date(), rollup)
  const q = round ? { round } : {}
  return {
    overview: await s.overview(ctx, q),
    unit: await s.breakdown(ctx, { ...q, by: 'unit' }),
    unitA: await s.breakdown(ctx, { ...q, by: 'unit', unit: world.units.countyA.id }),
    region: await s.breakdown(ctx, { ...q, by: 'region' }),
    domain: await s.breakdown(ctx, { ...q, by: 'domain' }),
    trend: await s.trend(ctx, { ...q, weeks: 8 }),
    lists: (await s.lists(ctx, q)).overdue.total,
  }
}

const deltas = async () =>
  (
    await t.database.query<{ n: number }>(
      'select count(*)::int as n from problem_rollup where not merged',
    )
  )[0]!.n

/** The '_due' rows with a deadline before the day before yesterday, i.e. not folded. */
const passedDue = async () =>
  (
    await t.database.query<{ n: number }>(
      `select count(*)::int as n from problem_rollup
        where dim in ('domain_due', 'region_due', 'unit_due') and deadline < $1::date - 2`,
      [today],
    )
  )[0]!.n

async function agree(round: string) {
  for (const r of [undefined, round])
    expect(await figures(true, r)).toEqual(await figures(false, r))
}

/**
 * Every figure of an answer, wherever it sits: a breakdown's cells too, each as the SPA links it
 * (breakdownFigure: the row's query with the column's).
 */
export function figuresOf(x: unknown): DashboardFigure[] {
  if (Array.isArray(x)) return x.flatMap(figuresOf)
  if (!x || typeof x !== 'object') return []
  if ('ledgerQuery' in x && 'count' in x && 'target' in x) return [x as DashboardFigure]
  if ('columns' in x && 'rows' in x) {
    const b = x as DashboardBreakdown
    return b.rows.flatMap((row) => BREAKDOWN_COLUMNS.map((c) => breakdownFigure(b, row, c)))
  }
  return Object.values(x).flatMap(figuresOf)
}

/**
 * The office's list behind each figure counts, off the rollup where it holds the filter (round,
 * a domain, region or unit, a bucket, overdue, closing dates; problems.rollup.ts), what the
 * facts pass counts for the figure.
 */
async function listsAgree(round: string) {
  const list = new ProblemsService(db(), DEFAULT_LIGHT_SETTINGS, t.cipher)
  let nonZero = 0
  for (const f of figuresOf(await figures(false, round))) {
    const q = { ...f.ledgerQuery, limit: 1 } as Record<string, unknown>
    // The route's query string coerces 'true'; the service is called here without it.
    if (q.overdue !== undefined) q.overdue = q.overdue === 'true'
    const page = await list.list(ctx, q as never)
    expect(page.total, JSON.stringify(f.ledgerQuery)).toBe(f.count)
    if (f.count) nonZero++
  }
  expect(nonZero).toBeGreaterThan(10)
}

function rollupTests(app: () => { t: TestApp; world: Awaited<ReturnType<typeof makeWorld>> }) {
  it('gives the facts’ figures through every kind of write and after its merge', async () => {
    ;({ t, world } = app())
    const u = world.units
    const round = await makeRound(db())
    const made: { id: string }[] = []
    for (const [i, o] of [
      { leadUnit: u.eeb, region: u.countyA, coUnits: [u.countyB], status: 'in_progress' },
      { leadUnit: u.townA, region: u.countyA, status: 'plan_review', deadline: -4 },
      { leadUnit: u.countyB, region: u.countyB, status: 'draft', deadline: -1, domain: 'air' },
      { leadUnit: u.countyA, status: 'acceptance', domain: 'soil' },
      { leadUnit: u.eeb, status: 'closed', deadline: -30 },
    ].entries())
      made.push(await makeProblem(db(), { round, ...(o as object), title: `r${i}` } as never))
    const other = await makeRound(db())
    await makeProblem(db(), { round: other, leadUnit: u.countyA, status: 'in_progress' })
    expect(await deltas()).toBeGreaterThan(0)
    await agree(round.id)
    const before = await figures(true, round.id)
    expect(before.overview.byBucket.find((f) => f.key === 'overdue')?.count).toBe(2)

    // A status change, a closing on an earlier date, a deadline passed, the lights refreshed.
    await db().update(problems).set({ status: 'acceptance' }).where(eq(problems.id, made[0]!.id))
    await db()
      .update(problems)
      .set({ closedOn: addDays(today, -9) })
      .where(eq(problems.id, made[4]!.id))
    await db()
      .update(problems)
      .set({ deadline: addDays(today, -3), lightAsOf: null })
      .where(eq(problems.id, made[3]!.id))
    await refreshStaleLights(db(), today)
    await agree(round.id)

    // Links: a co-unit removed, another added; a problem deleted.
    await db().delete(problemUnits).where(eq(problemUnits.problemId, made[0]!.id))
    await db()
      .insert(problemUnits)
      .values({ problemId: made[1]!.id, unitId: u.countyB.id, role: 'co' })
    await db().transaction(async (tx) => {
      await tx.delete(problemUnits).where(eq(problemUnits.problemId, made[2]!.id))
      await tx.execute(sql`delete from measures where problem_id = ${made[2]!.id}`)
      await tx.delete(problems).where(eq(problems.id, made[2]!.id))
    })
    await agree(round.id)
    await listsAgree(round.id)

    // Merged: no delta left, one row per key, the same figures; the '_due' rows whose deadline
    // passed before yesterday folded into one row per key, round and status dated the day before.
    const merged = await figures(true, round.id)
    expect(await passedDue()).toBeGreaterThan(1)
    expect(await rollupMergeJob(db()).run(new AbortController().signal)).toMatch(/keys merged/)
    expect(await deltas()).toBe(0)
    expect(await passedDue()).toBe(0)
    const dupes = await t.database.query<{ n: number }>(
      `select count(*)::int as n from (select 1 from problem_rollup group by dim, key, round_id,
        status, light, outcome, deadline, closed_on having count(*) > 1) d`,
    )
    expect(dupes[0]!.n).toBe(0)
    expect(await figures(true, round.id)).toEqual(merged)
    await agree(round.id)
    expect(await rollupMergeJob(db()).run(new AbortController().signal)).toBeNull()
  })
}
