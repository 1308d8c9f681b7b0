/**
 * The API's memory as an operator sees it (issue 15), in `pnpm bench` (`BENCH_ONLY=memory`): the
 * built server (apps/api/dist, built first when its sources changed, as `pnpm start` does) run
 * as `pnpm start` runs it — node with the start script's flags and source maps on, in apps/api —
 * in a process of its own, on the run's copy of the bench database, with the production
 * defaults (schedulers and job engine on, logging at warn) — the server alone, as the API's
 * Dockerfile runs it, without start.mjs's own checks before it (docs/scale.md: a few MB more).
 * Its resident set is read from /proc/<pid>/status:
 * - idle: VmRSS once the server answered its first request (a login and GET /me) and then sat
 *   idle 5 s; goal ≤ 150 MB; next to the same server started without the start script's node
 *   flags (V8's defaults), the same-run baseline; and again after 30 s idle, as an operator sees
 *   a server that has been idle a while (no goal: it shows how much of the first reading is the
 *   garbage of start-up and the first requests, which V8 gives back after ~10 s);
 * - the 50,000-row ledger export (GET /exports/problems, read to the end over HTTP): the
 *   process's peak RSS — VmHWM, reset through /proc/<pid>/clear_refs just before the request
 *   (so start-up's peak does not count), and VmRSS polled every 5 ms as a cross-check; the larger
 *   of the two is the figure — against the goal ≤ 300 MB. The whole process, not an increase.
 * PostgreSQL only (BENCH_DATABASE_URL): the goals are read on PostgreSQL. PGlite runs the
 * database inside the API's process (its WebAssembly heap alone is ~250 MB), and its data
 * directory cannot be opened by two processes, so under PGlite this section says it was skipped.
 * Linux only (procfs).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Database } from '../src/db/client.js'
import { uuidv7 } from '../src/lib/ids.js'
import { DEMO_PASSWORD } from '../src/seed/demo.js'
import { BENCH_DATA_KEY, benchRunDatabaseUrl } from './database.js'
import { record } from './results.js'

const API_DIR = fileURLToPath(new URL('..', import.meta.url))
const LEDGER_ROWS = 50_000
const IDLE_MS = 5_000
/** A second reading, once V8's memory reducer has run on an idle process (it waits ~10 s). */
const SETTLED_MS = 30_000
const IDLE_GOAL_MB = 150
const EXPORT_GOAL_MB = 300
const MB = 1024 // /proc reports kB

/** The built server in a child process, and what it printed (for the error of a failed start). */
interface Server {
  child: ChildProcess
  base: string
  output: () => string
}

/** A port free on 127.0.0.1 now (the server binds it a moment later). */
async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  if (!address || typeof address === 'string') throw new Error('no free port')
  return address.port
}

/** A field of /proc/<pid>/status in kB (VmRSS, VmHWM). */
export function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)
  if (!match) throw new Error(`/proc/${pid}/status has no ${field}`)
  return Number(match[1])
}

/** CPU time (user + system) the process has used, in ms, from /proc/<pid>/stat. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which is in parentheses and may hold spaces): utime is the
  // 14th field and stime the 15th, in clock ticks (100 a second on Linux).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Resets the process's peak RSS (VmHWM) to its current RSS; false where the kernel refuses. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

/**
 * The node flags `pnpm start` gives the API: those of the root package.json's start script
 * (`node <flags> scripts/start.mjs`), so the bench measures the process an operator runs.
 */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(API_DIR, '../../package.json'), 'utf8')) as {
    scripts: { start: string }
  }
  const words = pkg.scripts.start.trim().split(/\s+/u)
  const script = words.indexOf('scripts/start.mjs')
  if (words[0] !== 'node' || script < 0)
    throw new Error(`the start script is not \`node … scripts/start.mjs\`: ${pkg.scripts.start}`)
  return words.slice(1, script)
}

async function startServer(databaseUrl: string, dataDir: string, flags: string[]): Promise<Server> {
  // As `pnpm start` does: the API's build, rebuilt only when its sources changed.
  const buildScript = new URL('../scripts/build.mjs', import.meta.url).href
  const { ensureApiBuild } = (await import(buildScript)) as {
    ensureApiBuild: () => Promise<string | null>
  }
  await ensureApiBuild()
  const port = await freePort()
  // A clean environment: nothing of the bench's (tsx's loader, its DATABASE_URL) leaks in.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: process.env.LANG,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    DATA_KEY: BENCH_DATA_KEY,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'never',
  }
  const child = spawn(process.execPath, [...flags, '--enable-source-maps', 'dist/server.js'], {
    cwd: API_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const server = { child, base: `http://127.0.0.1:${port}`, output: () => output }
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the built server exited (${child.exitCode ?? child.signalCode}): ${output}`)
    if (Date.now() > deadline) {
      await stopServer(server)
      throw new Error(`the built server did not answer within 180 s: ${output}`)
    }
    const ok = await fetch(`${server.base}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return server
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function stopServer(server: Server): Promise<void> {
  const { child } = server
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const force = setTimeout(() => child.kill('SIGKILL'), 30_000)
  await exited
  clearTimeout(force)
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'office', password: DEMO_PASSWORD }),
  })
  if (!res.ok) throw new Error(`login as office answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { accessToken: string }).accessToken
}

/** VmRSS of the server once it answered a login and GET /me and then sat idle 5 s and 30 s; and the token. */
async function idleRss(server: Server): Promise<{ mb: number; settledMb: number; token: string }> {
  const token = await login(server.base)
  const me = await fetch(`${server.base}/api/v1/me`, {
    headers: { authorization: `Bearer ${token}` },
  })
  if (!me.ok) throw new Error(`GET /me answered ${me.status}`)
  await new Promise((r) => setTimeout(r, IDLE_MS))
  const mb = procStatusKb(server.child.pid!, 'VmRSS') / MB
  await new Promise((r) => setTimeout(r, SETTLED_MS - IDLE_MS))
  return { mb, settledMb: procStatusKb(server.child.pid!, 'VmRSS') / MB, token }
}

/** A new round holding a 50,000-problem ledger (one INSERT … SELECT); returns its id. */
async function seedLedger(database: Database): Promise<string> {
  const roundId = uuidv7()
  await database.query(
    `insert into rounds (id, name, kind, plan_approved_date, settings)
     values ($1, $2, 'central', date '2026-03-01', $3::jsonb)`,
    [
      roundId,
      `基准：台账导出 ${new Date().toISOString()}`,
      JSON.stringify({ acceptanceLevels: ['county', 'city'], publicityDays: 5 }),
    ],
  )
  await database.query(
    `insert into problems (id, round_id, code, title, description, source, nature, domain, mode, target, deadline, deadline_text, lead_unit_id, status, light, light_as_of)
     select gen_random_uuid(), $1, 'EXP-' || lpad(g::text, 6, '0'), '第' || g || '项：污水管网雨污混流，部分河段水质不达标', '', 'feedback', 'individual', 'water',
       'time_bound', '消除直排', date '2026-12-31', '2026年底前', u.id, 'in_progress', (array['green','blue','yellow','red'])[1 + g % 4], current_date
     from generate_series(1, ${LEDGER_ROWS}) g, (select id from units where code = 'JZ-EEB') u`,
    [roundId],
  )
  await database.query(
    `insert into problem_units (problem_id, unit_id, role) select id, lead_unit_id, 'lead' from problems where round_id = $1`,
    [roundId],
  )
  return roundId
}

/** One server's figures: start, idle RSS, then the export. */
async function measureServer(url: string, dataDir: string, flags: string[], roundId: string) {
  const started = performance.now()
  const server = await startServer(url, dataDir, flags)
  try {
    const readyMs = performance.now() - started
    const idle = await idleRss(server)
    return {
      readyMs,
      idleMb: idle.mb,
      settledMb: idle.settledMb,
      export: await exportPeak(server, idle.token, roundId),
    }
  } finally {
    await stopServer(server)
  }
}

/** Downloads the ledger export while polling the server's RSS; its peak, bytes and time. */
async function exportPeak(server: Server, token: string, roundId: string) {
  const pid = server.child.pid!
  const exact = resetPeak(pid)
  let polled = procStatusKb(pid, 'VmRSS')
  const poll = setInterval(() => {
    try {
      polled = Math.max(polled, procStatusKb(pid, 'VmRSS'))
    } catch {
      // The process is gone: the download below fails and says why.
    }
  }, 5)
  const started = performance.now()
  const cpu = cpuMs(pid)
  try {
    const res = await fetch(`${server.base}/api/v1/exports/problems?round=${roundId}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    if (!res.ok || !res.body) throw new Error(`the export answered ${res.status}`)
    let bytes = 0
    for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength
    const ms = performance.now() - started
    const cpuUsed = cpuMs(pid) - cpu
    const hwm = exact ? procStatusKb(pid, 'VmHWM') : 0
    return {
      bytes,
      ms,
      cpuMs: cpuUsed,
      peakKb: Math.max(hwm, polled),
      hwmKb: exact ? hwm : null,
      polledKb: polled,
    }
  } finally {
    clearInterval(poll)
  }
}

/** The memory lines of the bench report (PostgreSQL only). */
export async function benchServerMemory(database: Database): Promise<string> {
  const url = benchRunDatabaseUrl()
  if (!url)
    return 'built server memory: skipped — the memory goals are read on PostgreSQL (set BENCH_DATABASE_URL); under PGlite the database lives in the API process'
  const dataDir = mkdtempSync(join(tmpdir(), 'rectify-bench-server-'))
  const lines = ['built server memory (apps/api/dist in a process of its own, PostgreSQL)']
  try {
    const roundId = await seedLedger(database)
    const flags = startFlags()
    // V8's defaults first (the baseline), then as `pnpm start` runs it; one export each.
    const defaults = await measureServer(url, dataDir, [], roundId)
    const m = await measureServer(url, dataDir, flags, roundId)
    const peakMb = m.export.peakKb / MB
    const defaultsName = "the same server with V8's defaults (no start flags)"
    record(
      {
        name: 'built server idle RSS (PostgreSQL)',
        value: m.idleMb,
        unit: 'MB',
        baseline: { name: defaultsName, value: defaults.idleMb },
        goal: { op: '<=', limit: IDLE_GOAL_MB },
        concurrency: 1,
      },
      {
        name: `built server idle RSS after ${SETTLED_MS / 1000} s (PostgreSQL)`,
        value: m.settledMb,
        unit: 'MB',
        baseline: { name: defaultsName, value: defaults.settledMb },
        concurrency: 1,
      },
      {
        name: `export ${LEDGER_ROWS} ledger rows`,
        value: m.export.ms / 1000,
        unit: 's',
        concurrency: 1,
      },
      {
        name: `export ${LEDGER_ROWS} ledger rows, server CPU`,
        value: m.export.cpuMs / 1000,
        unit: 's',
        baseline: { name: defaultsName, value: defaults.export.cpuMs / 1000 },
        concurrency: 1,
      },
      {
        name: `export ${LEDGER_ROWS} ledger rows, process peak RSS`,
        value: peakMb,
        unit: 'MB',
        baseline: { name: defaultsName, value: defaults.export.peakKb / MB },
        goal: { op: '<=', limit: EXPORT_GOAL_MB },
        concurrency: 1,
      },
    )
    const line = (what: string, r: typeof m) => {
      const e = r.export
      const how =
        e.hwmKb === null
          ? `VmRSS polled every 5 ms; the kernel refused to reset VmHWM`
          : `VmHWM ${(e.hwmKb / MB).toFixed(0)} MB, VmRSS polled every 5 ms ${(e.polledKb / MB).toFixed(0)} MB`
      return [
        `  ${what}: first 200 after ${(r.readyMs / 1000).toFixed(1)} s; idle RSS after a login, GET /me and ${IDLE_MS / 1000} s idle: ${r.idleMb.toFixed(0)} MB (goal ≤ ${IDLE_GOAL_MB} MB), after ${SETTLED_MS / 1000} s: ${r.settledMb.toFixed(0)} MB`,
        `    export ${LEDGER_ROWS} ledger rows over HTTP: ${(e.ms / 1000).toFixed(1)} s, server CPU ${(e.cpuMs / 1000).toFixed(1)} s, ${(e.bytes / 2 ** 20).toFixed(1)} MB .xlsx, process peak RSS ${(e.peakKb / MB).toFixed(0)} MB (goal ≤ ${EXPORT_GOAL_MB} MB; ${how})`,
      ]
    }
    lines.push(
      ...line(`node ${[...flags, '--enable-source-maps'].join(' ')} (as pnpm start)`, m),
      ...line("baseline, V8's defaults: node --enable-source-maps", defaults),
    )
    return lines.join('\n')
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
