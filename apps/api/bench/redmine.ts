/**
 * Redmine 5 as a same-run baseline (issue 15 states three goals as ratios to it): the ledger list,
 * a problem's detail and the search for 污水, each loaded right after Redmine's counterpart with
 * the same load generator, connections and seconds (pairSeconds), on a Redmine seeded province-sized by
 * scripts/redmine-baseline.sh. Only when BENCH_REDMINE_URL (http://127.0.0.1:port) and
 * BENCH_REDMINE_KEY (an admin's API key) are set; `BENCH_ONLY=redmine` runs just this.
 *
 * The search is Redmine's own (/search.json, issues only): like ours it matches the query in the
 * subject (our title) and the description, not only the subject as the issue list's
 * `subject=~` filter would.
 */
import { loadInChild, type LoadOptions, type LoadResult } from './load.js'
import { record } from './results.js'

export interface RedmineOptions {
  connections: number
  /** Our routes' seconds (BENCH_SECONDS): each pair runs at least this long, see pairSeconds. */
  seconds: number
  warmupSeconds: number
  /** Loads one of our bench cases (by name: cases.ts) for `seconds` after a warm-up. */
  ours: (caseName: string, seconds: number) => Promise<LoadResult>
  /** The load generator for Redmine's routes: autocannon in a child process, as for ours. */
  load?: (opts: LoadOptions) => Promise<LoadResult>
}

interface Pair {
  ours: string
  redmine: string
  path: (ids: Ids) => string
  /** Ours must answer at least this many times Redmine's req/s (issue 15). */
  goal: number
}

interface Ids {
  status: number
  tracker: number
  issue: number
}

const QUERY = '污水'
const PAIRS: Pair[] = [
  {
    ours: 'GET /problems (2 filters, sort, 50)',
    redmine: 'Redmine GET /issues.json (2 filters, sort, 50)',
    path: (ids) =>
      `/issues.json?status_id=${ids.status}&tracker_id=${ids.tracker}&sort=due_date&limit=50`,
    goal: 100,
  },
  {
    ours: 'GET /problems/:id',
    redmine: 'Redmine GET /issues/:id.json',
    path: (ids) => `/issues/${ids.issue}.json`,
    goal: 50,
  },
  {
    ours: `GET /problems?q=${QUERY} (50)`,
    redmine: `Redmine GET /search.json?q=${QUERY}&issues=1 (50)`,
    path: () => `/search.json?q=${encodeURIComponent(QUERY)}&issues=1&limit=50`,
    goal: 100,
  },
]

/** Redmine at 2–4 req/s and 10 connections waits seconds per answer: autocannon's 10 s is tight. */
const TIMEOUT_SECONDS = 120
/**
 * Both sides of a pair load for BENCH_REDMINE_SECONDS (default 30, never less than BENCH_SECONDS):
 * at 2–4 req/s and a load of 30, 5 s holds a handful of answers, or none (a first run measured
 * 0 req/s for the list: every answer took longer than the run), and a rate needs many.
 */
function pairSeconds(seconds: number): number {
  const raw = process.env.BENCH_REDMINE_SECONDS
  const n = raw === undefined ? 30 : Number(raw)
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`BENCH_REDMINE_SECONDS must be a positive integer, not ${raw}`)
  return Math.max(n, seconds)
}
/** Fewer answers than connections make no rate: the run says so instead of dividing by ~0. */
const MIN_ANSWERS = 10

export function redmineTarget(): { url: string; key: string } | null {
  const url = process.env.BENCH_REDMINE_URL?.replace(/\/+$/, '')
  const key = process.env.BENCH_REDMINE_KEY
  if (!url && !key) return null
  if (!url || !key) throw new Error('BENCH_REDMINE_URL and BENCH_REDMINE_KEY go together')
  return { url, key }
}

async function getJson<T>(url: string, key: string): Promise<T> {
  const res = await fetch(url, { headers: { 'x-redmine-api-key': key } })
  if (!res.ok) throw new Error(`Redmine answered ${res.status} to ${url}: the bench needs 2xx`)
  return (await res.json()) as T
}

/** The seed's status `in_progress` and tracker `water` (redmine-seed.ts), and one issue in them. */
async function fixtures(url: string, key: string): Promise<Ids & { issues: number }> {
  const named = async (path: string, prop: string, name: string) => {
    const body = await getJson<Record<string, { id: number; name: string }[]>>(url + path, key)
    const row = body[prop]?.find((r) => r.name === name)
    if (!row) throw new Error(`Redmine has no ${prop} '${name}': seed it with redmine-baseline.sh`)
    return row.id
  }
  const status = await named('/issue_statuses.json', 'issue_statuses', 'in_progress')
  const tracker = await named('/trackers.json', 'trackers', 'water')
  const all = await getJson<{ total_count: number }>(`${url}/issues.json?limit=1`, key)
  const ids = { status, tracker, issue: 0 }
  const list = await getJson<{ issues: { id: number }[] }>(url + PAIRS[0]!.path(ids), key)
  if (!list.issues[0]) throw new Error('Redmine lists no in_progress water issue')
  return { ...ids, issue: list.issues[0].id, issues: all.total_count }
}

async function loadRedmine(url: string, key: string, o: RedmineOptions, seconds: number) {
  const result = await (o.load ?? loadInChild)({
    url,
    method: 'GET',
    headers: { 'x-redmine-api-key': key },
    connections: o.connections,
    seconds,
    timeout: TIMEOUT_SECONDS,
  })
  // Puma closes a busy keep-alive connection now and then (its clients reconnect): such a
  // connection error is Redmine's own cost and leaves its req/s counting answers only. A wrong
  // status or a timeout still fails the run.
  if (result.failed > result.errors || result.errors > result.requests / 20)
    throw new Error(`Redmine ${url}: ${result.detail}`)
  if (seconds > o.warmupSeconds && result.requests < MIN_ANSWERS)
    throw new Error(
      `Redmine ${url} answered ${result.requests} times in ${seconds} s: raise BENCH_REDMINE_SECONDS`,
    )
  return result
}

/** The three pairs, ours then Redmine's back to back: a table, and each ratio with its goal. */
export async function benchRedmine(o: RedmineOptions): Promise<string> {
  const target = redmineTarget()
  if (!target) return 'Redmine baseline: skipped (BENCH_REDMINE_URL, BENCH_REDMINE_KEY unset)'
  const { url, key } = target
  const ids = await fixtures(url, key)
  const matches: string[] = []
  for (const p of PAIRS) {
    const body = await getJson<{ total_count?: number }>(url + p.path(ids), key)
    if (body.total_count !== undefined) matches.push(`${p.redmine}: ${body.total_count}`)
  }
  const seconds = pairSeconds(o.seconds)
  const rows: string[][] = []
  const closed: string[] = []
  for (const p of PAIRS) {
    const ours = await o.ours(p.ours, seconds)
    await loadRedmine(url + p.path(ids), key, o, o.warmupSeconds)
    const theirs = await loadRedmine(url + p.path(ids), key, o, seconds)
    if (theirs.errors) closed.push(`${p.redmine} ${theirs.errors} of ${theirs.requests}`)
    const ratio = ours.rps / theirs.rps
    const concurrency = o.connections
    record(
      { name: `${p.redmine} req/s`, value: theirs.rps, unit: 'req/s', concurrency },
      { name: `${p.redmine} p50`, value: theirs.p50, unit: 'ms', concurrency },
      { name: `${p.redmine} p99`, value: theirs.p99, unit: 'ms', concurrency },
      {
        name: `${p.ours} vs Redmine req/s`,
        value: ours.rps,
        unit: 'req/s',
        baseline: { name: p.redmine, value: theirs.rps },
        goal: { op: '>=', limit: p.goal, of: 'ratio' },
        concurrency,
      },
    )
    rows.push([
      p.ours,
      ours.rps.toFixed(0),
      theirs.rps.toFixed(1),
      ours.p50.toFixed(0),
      theirs.p50.toFixed(0),
      `${ratio.toFixed(1)}×`,
      `≥ ${p.goal}×`,
      ratio >= p.goal ? 'met' : 'not met',
    ])
  }
  const header = ['ours vs Redmine 5', 'req/s', 'Redmine', 'p50 ms', 'Redmine', 'ratio', 'goal', '']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [
    `Redmine 5 at ${url}: ${ids.issues} issues; matches ${matches.join(', ')}; ${seconds} s per route, ours first`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    ...(closed.length
      ? [`connections Redmine closed without an answer (not counted): ${closed.join(', ')}`]
      : []),
  ].join('\n')
}
