/**
 * `pnpm bench`: throughput and latency of selected routes, each next to two baselines — (a) a
 * bare Fastify route and (b) a single primary-key SELECT — so a slow route shows how far it is
 * from what the stack can do.
 *
 * Runs the real app in this process on a fresh copy of a seeded database (bench/database.ts:
 * PGlite, or PostgreSQL when BENCH_DATABASE_URL is set), with logging off and rate limits out of
 * reach. autocannon runs in a child process of its own (bench/load.ts), on 127.0.0.1, bounded in
 * time. Environment: BENCH_SECONDS (default 5) per route, BENCH_CONNECTIONS (default 10),
 * BENCH_PROFILE=province (the province-sized ledger, BENCH_PROBLEMS problems, default 50,000).
 * Then the dossier's time and memory, small against large (bench/dossier.ts), and the other
 * benches below, last the workbook reader on a ~20 MB .xlsx (bench/workbook.ts).
 * Every figure is also written to bench-results.json at the repository root (bench/results.ts),
 * with the machine's load average. Any error or non-2xx answer fails the run: the bench must
 * never measure 401s.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../src/app.js'
import { dataDir, loadConfig, type Config } from '../src/config.js'
import { openFieldCipher } from '../src/lib/crypto/data-keys.js'
import { shanghaiDate } from '../src/lib/dates.js'
import type { Database } from '../src/db/client.js'
import { rollupMergeJob } from '../src/modules/dashboard/index.js'
import { fileStoreFor } from '../src/modules/files/index.js'
import { refreshStaleLights } from '../src/modules/problems/index.js'
import { DEMO_PASSWORD } from '../src/seed/demo.js'
import { PROVINCE_DEFAULTS } from '../src/seed/province.js'
import { CASES, HELLO, PK, benchRoutes, type BenchCase, type BenchFixtures } from './cases.js'
import { BENCH_DATA_KEY, openBenchDatabase } from './database.js'
import { loadInChild } from './load.js'
import { RESULTS_PATH, ResultsFile, loadLine, record, useResults } from './results.js'
import { benchDashboard } from './dashboard.js'
import { benchDossier } from './dossier.js'
import { benchReminders } from './reminders.js'
import { benchWebhooks } from './webhooks.js'
import { benchPetitionImport } from './petitions-import.js'
import { benchPetitionRepeats } from './petitions-repeats.js'
import { benchProblemImport } from './problem-import.js'
import { benchServerMemory } from './server-memory.js'
import { benchWorkbook } from './workbook.js'
import { benchWrites } from './writes.js'
import { benchLcp, withBuiltSpa } from './lcp.js'
import { benchRedmine } from './redmine.js'
import { SEARCH_ROUTE, benchSearchSerial } from './serial.js'

const SECONDS = positiveInt('BENCH_SECONDS', 5)
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 10)
/**
 * BENCH_ONLY: a comma-separated list of the benches to run (routes, dossier, reminders, webhooks,
 * petition-import, petition-repeats, dashboard, problem-import, memory, workbook, writes, lcp,
 * redmine);
 * all when unset.
 */
const BENCHES = [
  'routes',
  'dossier',
  'reminders',
  'webhooks',
  'petition-import',
  'petition-repeats',
  'dashboard',
  'problem-import',
  'memory',
  'workbook',
  'writes',
  'lcp',
  'redmine',
] as const
const ONLY = selected(process.env.BENCH_ONLY)
/** BENCH_PROBLEMS (e.g. 500000 for the dashboard and list at ten times the province) implies it. */
const PROFILE =
  process.env.BENCH_PROFILE === 'province' || process.env.BENCH_PROBLEMS ? 'province' : 'demo'
if (process.env.BENCH_PROFILE && process.env.BENCH_PROFILE !== PROFILE)
  throw new Error(`BENCH_PROFILE is province or unset, not ${process.env.BENCH_PROFILE}`)
const runs = (name: (typeof BENCHES)[number]) => !ONLY || ONLY.has(name)

function selected(raw: string | undefined): Set<string> | null {
  if (!raw?.trim()) return null
  const names = raw.split(',').map((n) => n.trim())
  const unknown = names.filter((n) => !(BENCHES as readonly string[]).includes(n))
  if (unknown.length)
    throw new Error(`BENCH_ONLY: unknown ${unknown.join(', ')} (known: ${BENCHES.join(', ')})`)
  return new Set(names)
}

/** Unmeasured load before each case, so the JIT and the database caches are warm. */
const WARMUP_SECONDS = 1

interface Row {
  name: string
  rps: number
  p50: number
  p99: number
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name]
  if (!raw) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a positive integer, not ${raw}`)
  return n
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'office', password: DEMO_PASSWORD }),
  })
  if (!res.ok)
    throw new Error(`login as office failed with ${res.status}: the bench needs the demo accounts`)
  return ((await res.json()) as { accessToken: string }).accessToken
}

function request(c: BenchCase, fx: BenchFixtures, token: string) {
  const headers: Record<string, string> = c.auth ? { authorization: `Bearer ${token}` } : {}
  if (c.body !== undefined) headers['content-type'] = 'application/json'
  return {
    path: typeof c.path === 'function' ? c.path(fx) : c.path,
    method: c.method ?? 'GET',
    headers,
    ...(c.body !== undefined ? { body: JSON.stringify(c.body) } : {}),
  }
}

/** One request per case before any load: each must answer 2xx, or the numbers would be lies. */
async function preflight(base: string, fx: BenchFixtures, token: string): Promise<void> {
  for (const c of CASES) {
    const r = request(c, fx, token)
    const res = await fetch(base + r.path, { method: r.method, headers: r.headers, body: r.body })
    if (!res.ok)
      throw new Error(`${c.name} answered ${res.status} before the run: ${await res.text()}`)
  }
  // The API itself still demands credentials; the baselines do not (no policy row, no auth).
  const anonymous = await fetch(`${base}/api/v1/me`)
  if (anonymous.status !== 401)
    throw new Error(`GET /api/v1/me without a token answered ${anonymous.status}, not 401`)
}

async function load(base: string, c: BenchCase, fx: BenchFixtures, token: string, seconds: number) {
  const r = request(c, fx, token)
  const result = await loadInChild({
    url: base + r.path,
    method: r.method,
    headers: r.headers,
    ...(r.body !== undefined ? { body: r.body } : {}),
    connections: CONNECTIONS,
    seconds,
  })
  if (result.failed > 0) throw new Error(`${c.name}: ${result.detail}`)
  return result
}

function table(rows: Row[]): string {
  const hello = rows.find((r) => r.name === HELLO)!
  const pk = rows.find((r) => r.name === PK)!
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
  const header = [
    'route',
    'req/s',
    'p50 ms',
    `p99 ms @${CONNECTIONS}`,
    'vs hello',
    'vs pk',
    'vs own baseline',
  ]
  const body = rows.map((r) => {
    const own = CASES.find((c) => c.name === r.name)?.baseline
    const base = own ? rows.find((x) => x.name === own) : undefined
    return [
      r.name,
      r.rps.toFixed(0),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      ratio(r.rps, hello.rps),
      ratio(r.rps, pk.rps),
      base ? `${ratio(r.rps, base.rps)} (${own})` : '',
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

async function main() {
  // A temporary DATA_DIR in either mode: nothing the app writes (evidence files) lands in ./data.
  const dir = mkdtempSync(join(tmpdir(), 'rectify-bench-'))
  try {
    const config = loadConfig(
      { ...process.env, DATABASE_URL: '', DATA_DIR: dir, FILES_DIR: '' },
      {
        LOG_LEVEL: 'silent',
        RATE_LIMIT_MAX: 1_000_000_000,
        LOGIN_RATE_LIMIT_MAX: 1_000_000_000,
        PUBLIC_RATE_LIMIT_MAX: 1_000_000_000,
        // No scheduler passes during the load: the reminders case times one by itself.
        REMINDER_INTERVAL_SECONDS: 0,
        // The webhook case runs its own dispatcher: the app's must not compete with it.
        WEBHOOK_INTERVAL_MS: 0,
        DATA_KEY: BENCH_DATA_KEY,
      },
    )
    const database = await openBenchDatabase({
      profile: PROFILE,
      problems: positiveInt('BENCH_PROBLEMS', PROVINCE_DEFAULTS.problems),
      runDir: dir,
    })
    const results = new ResultsFile(RESULTS_PATH, {
      database: `${database.kind}, ${PROFILE}`,
      concurrency: CONNECTIONS,
    })
    useResults(results)
    let complete = false
    try {
      await bench(config, database, () => results.write())
      complete = true
    } finally {
      results.write(complete)
      await database.close()
    }
    console.log(`\n${loadLine()}; every figure also in ${RESULTS_PATH}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The problem the detail and dossier cases read: one with measures and reports — a province
 * problem under BENCH_PROFILE=province (the ledger that size is about), else the demo city's.
 */
async function detailFixture(database: Database): Promise<string> {
  const province = PROFILE === 'province'
  const [problem] = await database.query<{ id: string }>(
    `select p.id from problems p join units u on u.id = p.lead_unit_id
      where exists (select 1 from measures m where m.problem_id = p.id)
        and exists (select 1 from progress_reports r where r.problem_id = p.id)
        and (u.code like 'P%') = $1
      order by p.id limit 1`,
    [province],
  )
  if (!problem)
    throw new Error(
      `the database has no ${province ? 'province ' : ''}problem with measures and reports`,
    )
  return problem.id
}

/**
 * BENCH_CASES: a comma-separated list of words; only the cases whose name contains one of them
 * run (with hello, pk and their own baselines), e.g. BENCH_CASES=problems for an A/B of the ledger.
 */
function casesToRun(): BenchCase[] {
  const words = (process.env.BENCH_CASES ?? '')
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean)
  if (!words.length) return CASES
  const chosen = new Set(CASES.filter((c) => words.some((w) => c.name.includes(w))))
  for (const c of [...chosen]) if (c.baseline) chosen.add(CASES.find((b) => b.name === c.baseline)!)
  return CASES.filter((c) => c.name === HELLO || c.name === PK || chosen.has(c))
}

/** One case's load after its warm-up. */
async function measureCase(
  bases: { cached: string; uncached: string },
  c: BenchCase,
  fx: BenchFixtures,
  seconds = SECONDS,
) {
  const base = c.uncached ? bases.uncached : bases.cached
  // A fresh token per case: a long run must not outlive the 15-minute access token.
  const token = await login(bases.cached)
  await load(base, c, fx, token, WARMUP_SECONDS)
  return load(base, c, fx, token, seconds)
}

/** The route loads: one table, and each case's req/s, p50 and p99 in bench-results.json. */
async function benchRoutesTable(bases: { cached: string; uncached: string }, fx: BenchFixtures) {
  const rows: Row[] = []
  for (const c of casesToRun()) {
    const result = await measureCase(bases, c, fx)
    rows.push({ name: c.name, rps: result.rps, p50: result.p50, p99: result.p99 })
  }
  const pk = rows.find((r) => r.name === PK)!
  for (const r of rows) {
    const own = CASES.find((c) => c.name === r.name)?.baseline
    const base = (own && rows.find((x) => x.name === own)) || (r === pk ? null : pk)
    const concurrency = CONNECTIONS
    record(
      {
        name: `${r.name} req/s`,
        value: r.rps,
        unit: 'req/s',
        baseline: base ? { name: base.name, value: base.rps } : null,
        concurrency,
      },
      { name: `${r.name} p50`, value: r.p50, unit: 'ms', concurrency },
      { name: `${r.name} p99`, value: r.p99, unit: 'ms', concurrency },
    )
  }
  return table(rows)
}

/**
 * A seeded database's lights are of the day it was seeded: from the next day on (midnight in
 * Asia/Shanghai, 16:00 UTC) every one is stale, so each list request would recompute its page's
 * lights (one more statement) and the app's refresh-lights job would rewrite all 50k problems
 * while routes are timed. Refreshed here, once, as the job does in production within 30 s of
 * midnight, then the problems vacuumed (the refresh leaves a dead version of every row). Nothing
 * to do on the day of the seed.
 */
async function refreshLights(database: Database, config: Config) {
  const refreshed = await refreshStaleLights(database.db, shanghaiDate(), {
    tolerance: config.LIGHT_TOLERANCE_POINTS,
    nearDays: config.LIGHT_NEAR_DAYS,
  })
  if (refreshed) await database.query('vacuum analyze problems, problem_facts')
  return refreshed
}

/**
 * The seed merges its rollup at its end, but a template seeded before it did holds the deltas
 * unmerged (462,787 rows for the province's 50k problems): merged here, once, as the app's merge
 * job does in its first minute, so that no route or dashboard is timed while that first merge
 * runs (18 s at 50k under load) or while it still reads the deltas (on a merged copy it finds
 * nothing to do). The job keeps it merged after (every minute).
 */
async function mergeRollup(database: Database) {
  await rollupMergeJob(database.db).run(new AbortController().signal)
  await database.query('vacuum analyze problem_rollup')
}

async function bench(config: Config, database: Database, checkpoint: () => void) {
  const [unit] = await database.query<{ id: string }>(
    "select id from units where code = 'JZ-OFFICE'",
  )
  if (!unit) throw new Error('the database has no unit JZ-OFFICE: the bench needs the demo city')
  const fx: BenchFixtures = { unitId: unit.id, problemId: await detailFixture(database) }
  // Before the merge: the refresh's new lights are rollup deltas too.
  const refreshed = await refreshLights(database, config)
  if (refreshed) console.log(`${refreshed} stale lights refreshed before timing`)
  await mergeRollup(database)
  const { cipher } = await openFieldCipher(database, config, dataDir(config))
  const deps = {
    database,
    signingKey: randomBytes(32),
    cipher,
    extraRoutes: benchRoutes(database, fx),
  }
  const app = await buildApp(config, deps)
  try {
    const base = await app.listen({ host: '127.0.0.1', port: 0 })
    await preflight(base, fx, await login(base))
    console.log(
      `${database.kind} (${PROFILE}), ${CONNECTIONS} connections, ${SECONDS} s per route (after ${WARMUP_SECONDS} s warm-up); ${loadLine()}\n`,
    )
    if (runs('routes')) {
      // The same app with the public board's in-process cache off, for the uncached board case.
      const uncached = await buildApp({ ...config, PUBLIC_CACHE_SECONDS: 0 }, deps)
      try {
        const uncachedBase = await uncached.listen({ host: '127.0.0.1', port: 0 })
        console.log(await benchRoutesTable({ cached: base, uncached: uncachedBase }, fx))
        // The search's p99 one at a time, against its SQL by hand (issue 15: ≤ 30 ms), for
        // BENCH_SERIAL_SECONDS: a p99 needs a few hundred answers, not 5 s worth.
        if (casesToRun().some((c) => c.name === SEARCH_ROUTE))
          console.log(
            `\n${await benchSearchSerial(base, await login(base), positiveInt('BENCH_SERIAL_SECONDS', 20))}`,
          )
      } finally {
        await uncached.close()
      }
      checkpoint()
    }
    const section = async (name: (typeof BENCHES)[number], fn: () => Promise<string>) => {
      if (!runs(name)) return
      console.log(`\n${await fn()}`)
      checkpoint()
    }
    // Redmine 5 beside the ledger list, detail and search (issue 15's ratios), when configured.
    await section('redmine', () =>
      benchRedmine({
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        ours: (name, seconds) => {
          const c = CASES.find((x) => x.name === name)
          if (!c) throw new Error(`the Redmine baseline compares with ${name}, not in cases.ts`)
          return measureCase({ cached: base, uncached: base }, c, fx, seconds)
        },
      }),
    )
    const token = () => login(base)
    const store = fileStoreFor(config)
    // The dossier streams an archive: time per download and peak memory, small vs large.
    const dossierRuns = positiveInt('BENCH_DOSSIER_RUNS', 3)
    await section('dossier', () =>
      benchDossier(base, database, store, fx.problemId, token, dossierRuns),
    )
    // The reminder scheduler's pass over the whole ledger, and a second one sending nothing.
    await section('reminders', () => benchReminders(database))
    await section('webhooks', () =>
      benchWebhooks(database, positiveInt('BENCH_WEBHOOK_EVENTS', 500)),
    )
    // A 5,000-case petition batch through the import (dry run, commit) against a bulk INSERT.
    await section('petition-import', () =>
      benchPetitionImport(database, store, cipher, positiveInt('BENCH_PETITION_ROWS', 5000)),
    )
    // The repeat check of one new case against 200,000 earlier ones (goal p99 ≤ 50 ms).
    await section('petition-repeats', () => benchPetitionRepeats(database))
    // The dashboard aggregates (issue 7): p50/p99 per route against the pk baseline.
    await section('dashboard', () =>
      benchDashboard(base, database, token, positiveInt('BENCH_DASHBOARD_RUNS', 30)),
    )
    // The problem list from Excel: a 5,000-task import.
    await section('problem-import', () => benchProblemImport(base, database, token))
    // The built server in a process of its own: idle RSS, and its peak RSS while it streams the
    // 50,000-row ledger export (PostgreSQL only).
    await section('memory', () => benchServerMemory(database))
    // The workbook reader on a ~20 MB .xlsx against exceljs's plain load (peak RSS, two at once).
    await section('workbook', () => benchWorkbook(positiveInt('BENCH_WORKBOOK_ROWS', 60_000)))
    // The write path (issue 15): 20 writers, audit chain on and off, against pgbench-style SQL.
    await section('writes', () => benchWrites(base, database, SECONDS))
    // The ledger page's LCP in headless Chromium, cold and warm (issue 15), on the built SPA.
    await section('lcp', () =>
      withBuiltSpa(async (webRoot) => {
        const web = await buildApp(config, { ...deps, webRoot })
        try {
          return await benchLcp(web, positiveInt('BENCH_LCP_RUNS', 5))
        } finally {
          await web.close()
        }
      }),
    )
  } finally {
    await app.close()
  }
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
