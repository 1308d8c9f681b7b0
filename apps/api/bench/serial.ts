/**
 * The search one request at a time (issue 15: "p99 ≤ 30 ms one at a time"): GET /problems?q=污水
 * and its hand-written SQL (cases.ts), loaded by one client that alternates between them request
 * by request (A, B, A, B, …), so both see the same moments of a shared machine's load. Each
 * side's p50 and p99 over every request it answered; the route's p99 carries the goal. Part of
 * BENCH_ONLY=routes (when the search case runs), BENCH_SERIAL_SECONDS long (default 20).
 */
import { SEARCH_QUERY, SEARCH_SQL } from './cases.js'
import { alternateInChild, percentile } from './load.js'
import { record } from './results.js'

/** The route's p99 one at a time, at most (issue 15). */
const GOAL_P99_MS = 30
/** Unmeasured alternating load first: the JIT and the database caches warm, as for the loads. */
const WARMUP_SECONDS = 1

export const SEARCH_ROUTE = `GET /problems?q=${SEARCH_QUERY} (50)`

export async function benchSearchSerial(
  base: string,
  token: string,
  seconds: number,
): Promise<string> {
  const targets: { url: string; headers: Record<string, string> }[] = [
    {
      url: `${base}/api/v1/problems?q=${encodeURIComponent(SEARCH_QUERY)}&limit=50`,
      headers: { authorization: `Bearer ${token}` },
    },
    { url: `${base}/bench/search-sql`, headers: {} },
  ]
  await alternateInChild({ alternate: targets, seconds: WARMUP_SECONDS })
  const result = await alternateInChild({ alternate: targets, seconds })
  if (result.failed > 0) throw new Error(`search one at a time: ${result.detail}`)
  const [route, hand] = result.ms.map((ms) => {
    const sorted = [...ms].sort((a, b) => a - b)
    return { n: ms.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) }
  }) as [Stats, Stats]
  const concurrency = 1
  record(
    {
      name: `${SEARCH_ROUTE} p50 @1`,
      value: route.p50,
      unit: 'ms',
      baseline: { name: `${SEARCH_SQL} p50 @1`, value: hand.p50 },
      concurrency,
    },
    {
      name: `${SEARCH_ROUTE} p99 @1`,
      value: route.p99,
      unit: 'ms',
      baseline: { name: `${SEARCH_SQL} p99 @1`, value: hand.p99 },
      goal: { op: '<=', limit: GOAL_P99_MS },
      concurrency,
    },
    { name: `${SEARCH_SQL} p50 @1`, value: hand.p50, unit: 'ms', concurrency },
    { name: `${SEARCH_SQL} p99 @1`, value: hand.p99, unit: 'ms', concurrency },
  )
  const row = (name: string, s: Stats) =>
    `${name.padEnd(30)}  ${String(s.n).padStart(8)}  ${s.p50.toFixed(1).padStart(6)}  ${s.p99.toFixed(1).padStart(9)}`
  return [
    `Search one at a time (1 connection, alternating with its SQL by hand, ${seconds} s):`,
    `${'route'.padEnd(30)}  requests  p50 ms  p99 ms @1`,
    row(SEARCH_ROUTE, route),
    row(SEARCH_SQL, hand),
    `route p99 ${route.p99.toFixed(1)} ms (goal ≤ ${GOAL_P99_MS}: ${route.p99 <= GOAL_P99_MS ? 'met' : 'not met'}), ` +
      `${(route.p99 / hand.p99).toFixed(2)}× its SQL's`,
  ].join('\n')
}

interface Stats {
  n: number
  p50: number
  p99: number
}
