import type { Database } from '../src/db/client.js'
import type { Ctx } from '../src/lib/context.js'
import { DashboardService } from '../src/modules/dashboard/index.js'
import { record } from './results.js'

/** The dashboard routes timed, each with the query the SPA sends. */
const ROUTES = [
  '/api/v1/dashboard/overview',
  '/api/v1/dashboard/breakdown?by=unit',
  '/api/v1/dashboard/breakdown?by=region',
  '/api/v1/dashboard/breakdown?by=domain',
  '/api/v1/dashboard/trend?weeks=26',
  '/api/v1/dashboard/lists',
  '/api/v1/dashboard/supervision',
  '/api/v1/dashboard/petitions',
]
/** Goal per route (issues 7 and 15): p50 ≤ 50 ms at the province's 50k problems, ≤ 100 ms at 500k. */
const goalP50 = (problems: number) => (problems >= 500_000 ? 100 : 50)

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function time(url: string, headers: Record<string, string>, runs: number) {
  const ms: number[] = []
  for (let i = 0; i < runs + 3; i++) {
    const started = performance.now()
    const res = await fetch(url, { headers })
    await res.arrayBuffer()
    if (!res.ok) throw new Error(`${url} answered ${res.status}`)
    // The first three are warm-up (JIT, plan cache, buffer cache).
    if (i >= 3) ms.push(performance.now() - started)
  }
  ms.sort((a, b) => a - b)
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) }
}

/**
 * Each dashboard aggregate over the whole ledger, one request at a time (latency, not
 * throughput: a leader opens the page, the SPA sends the six at once), `runs` times each: p50,
 * p99 and the ratio of p50 against the same run's primary-key SELECT (/bench/pk, timed the same
 * way). Run with BENCH_PROFILE=province for the province-sized ledger.
 */
export async function benchDashboard(
  base: string,
  database: Database,
  token: () => Promise<string>,
  runs: number,
): Promise<string> {
  const [size] = await database.query<{ n: string }>('select count(*) as n from problems')
  const GOAL_P50_MS = goalP50(Number(size?.n ?? 0))
  const headers = { authorization: `Bearer ${await token()}` }
  const pk = await time(`${base}/bench/pk`, {}, runs)
  const rows: string[][] = []
  for (const route of ROUTES) {
    const r = await time(base + route, headers, runs)
    const name = `dashboard ${route.replace('/api/v1/dashboard/', '')}`
    record(
      {
        name: `${name} p50`,
        value: r.p50,
        unit: 'ms',
        baseline: { name: 'pk p50', value: pk.p50 },
        goal: { op: '<=', limit: GOAL_P50_MS },
        concurrency: 1,
      },
      { name: `${name} p99`, value: r.p99, unit: 'ms', concurrency: 1 },
    )
    rows.push([
      route.replace('/api/v1', ''),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      `${(r.p50 / pk.p50).toFixed(1)}×`,
      r.p50 <= GOAL_P50_MS ? 'ok' : 'OVER',
    ])
  }
  const header = ['route', 'p50 ms', 'p99 ms @1', 'p50 vs pk', `goal p50 ≤ ${GOAL_P50_MS}`]
  const all = [header, ...rows]
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  const compared = await rollupAgainstFacts(database, runs)
  return [
    `dashboard aggregates over ${size?.n ?? 0} problems, ${runs} sequential requests each as the office ` +
      `(pk baseline p50 ${pk.p50.toFixed(2)} ms, p99 ${pk.p99.toFixed(2)} ms)`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    `the office's figures in-process, rollup against the facts pass, alternating, ${runs} each (p50 ms):`,
    ...compared,
  ].join('\n')
}

/** The service calls the routes make, as the office (city-wide: the rollup's case). */
const CALLS: Record<string, (s: DashboardService, ctx: Ctx) => Promise<unknown>> = {
  overview: (s, ctx) => s.overview(ctx, {}),
  'breakdown?by=unit': (s, ctx) => s.breakdown(ctx, { by: 'unit' }),
  'breakdown?by=region': (s, ctx) => s.breakdown(ctx, { by: 'region' }),
  'breakdown?by=domain': (s, ctx) => s.breakdown(ctx, { by: 'domain' }),
  'trend?weeks=26': (s, ctx) => s.trend(ctx, { weeks: 26 }),
  lists: (s, ctx) => s.lists(ctx, {}),
}

/**
 * Each figure-bearing call timed off the rollup and off the facts (DashboardService's
 * `useRollup`), one after the other in turn, so both see the same load: the ratio is the change.
 */
async function rollupAgainstFacts(database: Database, runs: number): Promise<string[]> {
  const ctx = { actor: { cityWide: true } } as unknown as Ctx
  const services = [true, false].map((r) => new DashboardService(database.readDb, undefined, r))
  const out: string[] = []
  for (const [name, call] of Object.entries(CALLS)) {
    const ms: [number[], number[]] = [[], []]
    for (let i = 0; i < runs + 2; i++)
      for (const k of i % 2 ? [1, 0] : [0, 1]) {
        const started = performance.now()
        await call(services[k]!, ctx)
        if (i >= 2) ms[k]!.push(performance.now() - started)
      }
    const [rollup, facts] = ms.map((m) =>
      percentile(
        m.sort((a, b) => a - b),
        50,
      ),
    ) as [number, number]
    record({
      name: `dashboard ${name} rollup vs facts p50`,
      value: rollup,
      unit: 'ms',
      baseline: { name: 'facts pass p50', value: facts },
      concurrency: 1,
    })
    out.push(
      `  ${name.padEnd(20)} rollup ${rollup.toFixed(1).padStart(7)}  facts ${facts.toFixed(1).padStart(7)}  ${(facts / rollup).toFixed(1)}× faster`,
    )
  }
  return out
}
