/**
 * The write path in `pnpm bench` (issue 15): WRITERS writers, each submitting progress reports
 * (POST /problems/:id/reports: the report, its event, its audit entry linked into the chain, its
 * change-feed row — one transaction) on a problem of its own, one after another, for
 * BENCH_SECONDS — once with the audit chain on, once with it off (RECTIFY_AUDIT_CHAIN=off: the
 * entry appended without the chain's lock and link, modules/audit/README.md) — next to a
 * pgbench-style SQL baseline at the same concurrency: BEGIN; the chain's kind of advisory lock;
 * select the last link; insert the next; COMMIT — and the same without the lock.
 *
 * Goals: the chain costs at most 20 % of the throughput (on ≥ 0.8 × off) and the route makes at
 * least 25 % of the lock-free pgbench figure. PostgreSQL only (BENCH_DATABASE_URL): PGlite has a
 * single connection, so there is no concurrency to measure. The writers run in the load
 * generator's child process (bench/load.ts); pgbench (PG_BIN, or the PostgreSQL 15/16/17
 * binaries) runs as a child process too. The reports land in the run's copy of the database.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Database } from '../src/db/client.js'
import { syncProblemUnits } from '../src/modules/problems/problems.derived.js'
import { DEMO_PASSWORD } from '../src/seed/demo.js'
import { withDatabase } from './database.js'
import { writersInChild, type LoadResult } from './load.js'
import { record } from './results.js'

const WRITERS = 20
const run = promisify(execFile)

function pgbenchPath(): string {
  const dirs = [
    process.env.PG_BIN,
    ...['17', '16', '15'].map((v) => `/usr/lib/postgresql/${v}/bin`),
  ]
  for (const d of dirs) if (d && existsSync(join(d, 'pgbench'))) return join(d, 'pgbench')
  return 'pgbench'
}

/** WRITERS in-progress problems led by the demo's `eco` account, copied from one of its own. */
async function writerProblems(database: Database): Promise<string[]> {
  const [template] = await database.query<{ id: string }>(
    `select p.id from problems p join units u on u.id = p.lead_unit_id
      where u.code = 'JZ-EEB' and p.status = 'in_progress' order by p.id limit 1`,
  )
  if (!template) throw new Error('the write bench needs an in-progress problem led by JZ-EEB')
  const columns = (
    await database.query<{ name: string }>(
      `select column_name as name from information_schema.columns
        where table_schema = current_schema() and table_name = 'problems'
          and is_generated = 'NEVER' and column_name not in ('id', 'code')`,
    )
  ).map((c) => `"${c.name}"`)
  const list = columns.join(', ')
  const rows = await database.query<{ id: string }>(
    `insert into problems (id, code, ${list})
     select gen_random_uuid(), 'BENCH-WRITE-' || g || '-' || $2, ${list}
       from problems, generate_series(1, ${WRITERS}) g where id = $1
     returning id`,
    [template.id, process.pid],
  )
  for (const r of rows) await syncProblemUnits(database.db, r.id)
  return rows.map((r) => r.id)
}

const SCRIPT_LOCKED = `BEGIN;
SELECT pg_advisory_xact_lock(7263000099);
SELECT seq, hash FROM bench_write_chain ORDER BY seq DESC LIMIT 1;
INSERT INTO bench_write_chain (seq, prev_hash, hash, body)
  SELECT seq + 1, hash, encode(sha256(convert_to(hash || :client_id, 'UTF8')), 'hex'), '{"action":"report.submitted"}'
    FROM bench_write_chain ORDER BY seq DESC LIMIT 1;
COMMIT;
`
const SCRIPT_FREE = `BEGIN;
SELECT seq, hash FROM bench_write_free ORDER BY seq DESC LIMIT 1;
INSERT INTO bench_write_free (prev_hash, hash, body)
  VALUES ('', encode(sha256(convert_to(:client_id || '', 'UTF8')), 'hex'), '{"action":"report.submitted"}');
COMMIT;
`

/** pgbench at WRITERS clients for `seconds`: transactions per second (without connection time). */
async function pgbench(url: string, script: string, seconds: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-pgbench-'))
  try {
    const file = join(dir, 'script.sql')
    writeFileSync(file, script)
    const { stdout } = await run(
      pgbenchPath(),
      ['-n', '-c', String(WRITERS), '-j', '2', '-T', String(seconds), '-f', file, url],
      { timeout: (seconds + 60) * 1000 },
    )
    const tps = /tps = ([\d.]+)/.exec(stdout)
    if (!tps) throw new Error(`pgbench printed no tps: ${stdout}`)
    return Number(tps[1])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'eco', password: DEMO_PASSWORD }),
  })
  if (!res.ok) throw new Error(`login as eco failed with ${res.status}`)
  return ((await res.json()) as { accessToken: string }).accessToken
}

/**
 * The statements the server ran, from pg_stat_statements when the server loads it (null when it
 * does not): with the writes' count, the round trips one write costs, whatever the load.
 */
async function statementsRun(database: Database): Promise<number | null> {
  try {
    // The run's copy of the database is scratch: the view is made in it when the server has
    // the library loaded (shared_preload_libraries), and refused otherwise.
    await database.query('create extension if not exists pg_stat_statements')
    const [row] = await database.query<{ n: string }>(
      `select coalesce(sum(calls), 0) n from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database())`,
    )
    return Number(row!.n)
  } catch {
    return null
  }
}

async function writers(base: string, token: string, problemIds: string[], seconds: number) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const body = JSON.stringify({ period: '2026-11', done: '基准：本期完成管网排查', percent: 40 })
  const result = await writersInChild({
    writers: problemIds.map((id) => ({
      url: `${base}/api/v1/problems/${id}/reports`,
      headers,
      body,
    })),
    seconds,
    status: 201,
  })
  if (result.failed > 0) throw new Error(`write bench: ${result.detail}`)
  return result
}

/** The write path's table, or why it was skipped. */
export async function benchWrites(
  base: string,
  database: Database,
  seconds: number,
): Promise<string> {
  const server = process.env.BENCH_DATABASE_URL
  if (database.kind !== 'postgres' || !server)
    return 'write path: skipped (PostgreSQL only: set BENCH_DATABASE_URL)'
  // pgbench runs against the run's copy of the database, where the scratch tables are.
  const [current] = await database.query<{ name: string }>('select current_database() as name')
  const url = withDatabase(server, current!.name)
  const problemIds = await writerProblems(database)
  await database.query(`create table if not exists bench_write_chain
    (seq bigint primary key, prev_hash text not null, hash text not null, body jsonb not null)`)
  await database.query(`insert into bench_write_chain values (0, '', 'genesis', '{}')
    on conflict do nothing`)
  await database.query(`create table if not exists bench_write_free
    (seq bigserial primary key, prev_hash text not null, hash text not null, body jsonb not null)`)
  const token = await login(base)
  const previous = process.env.RECTIFY_AUDIT_CHAIN
  const route: Record<'on' | 'off', LoadResult> = {} as never
  // The API's CPU time per write (the load generator runs in its own process) and the
  // statements per write: both independent of how loaded the machine is.
  const perWrite: Record<
    'on' | 'off',
    { cpuMs: number; systemMs: number; statements: number | null }
  > = {} as never
  await statementsRun(database)
  try {
    for (const chain of ['on', 'off'] as const) {
      if (chain === 'off') process.env.RECTIFY_AUDIT_CHAIN = 'off'
      else delete process.env.RECTIFY_AUDIT_CHAIN
      await writers(base, token, problemIds, 1) // warm-up
      const cpu = process.cpuUsage()
      const statements = await statementsRun(database)
      route[chain] = await writers(base, token, problemIds, seconds)
      const used = process.cpuUsage(cpu)
      const after = await statementsRun(database)
      const n = Math.max(1, route[chain].requests)
      perWrite[chain] = {
        cpuMs: (used.user + used.system) / 1000 / n,
        systemMs: used.system / 1000 / n,
        // Less the one statement that reads the count.
        statements: statements === null || after === null ? null : (after - statements - 1) / n,
      }
    }
  } finally {
    if (previous === undefined) delete process.env.RECTIFY_AUDIT_CHAIN
    else process.env.RECTIFY_AUDIT_CHAIN = previous
  }
  const locked = await pgbench(url, SCRIPT_LOCKED, seconds)
  const free = await pgbench(url, SCRIPT_FREE, seconds)
  await database.query('drop table bench_write_chain, bench_write_free')

  const on = route.on
  const off = route.off
  record(
    {
      name: `write path, chain on vs off (${WRITERS} writers)`,
      value: on.rps,
      unit: 'writes/s',
      baseline: { name: 'same route, chain off', value: off.rps },
      goal: { op: '>=', limit: 0.8, of: 'ratio' },
      concurrency: WRITERS,
    },
    {
      name: `write path, chain on vs lock-free pgbench (${WRITERS} writers)`,
      value: on.rps,
      unit: 'writes/s',
      baseline: { name: 'pgbench select-last + insert without the lock', value: free },
      goal: { op: '>=', limit: 0.25, of: 'ratio' },
      concurrency: WRITERS,
    },
    {
      name: `write path, chain on vs locked pgbench (${WRITERS} writers)`,
      value: on.rps,
      unit: 'writes/s',
      baseline: { name: 'pgbench lock + select-last + insert', value: locked },
      concurrency: WRITERS,
    },
    {
      name: 'write path, API CPU per write, chain on',
      value: perWrite.on.cpuMs,
      unit: 'ms',
      concurrency: WRITERS,
    },
    {
      name: 'write path, API CPU per write, chain off',
      value: perWrite.off.cpuMs,
      unit: 'ms',
      concurrency: WRITERS,
    },
    ...(perWrite.on.statements === null
      ? []
      : [
          {
            name: 'write path, SQL statements per write, chain on',
            value: perWrite.on.statements,
            unit: 'statements',
            concurrency: WRITERS,
          },
        ]),
    { name: 'write path, chain on p50', value: on.p50, unit: 'ms', concurrency: WRITERS },
    { name: 'write path, chain on p99', value: on.p99, unit: 'ms', concurrency: WRITERS },
    { name: 'write path, chain off p50', value: off.p50, unit: 'ms', concurrency: WRITERS },
    { name: 'write path, chain off p99', value: off.p99, unit: 'ms', concurrency: WRITERS },
  )
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`
  return [
    `write path: progress report + audit link, ${WRITERS} writers on ${WRITERS} problems, ${seconds} s each`,
    `  chain on : ${on.rps.toFixed(1)} writes/s, p50 ${on.p50.toFixed(0)} ms, p99 @${WRITERS} ${on.p99.toFixed(0)} ms`,
    `  chain off: ${off.rps.toFixed(1)} writes/s, p50 ${off.p50.toFixed(0)} ms, p99 @${WRITERS} ${off.p99.toFixed(0)} ms`,
    `  pgbench @${WRITERS}, lock + select-last + insert + commit: ${locked.toFixed(0)} tps; without the lock: ${free.toFixed(0)} tps`,
    `  API CPU per write: chain on ${perWrite.on.cpuMs.toFixed(2)} ms (system ${perWrite.on.systemMs.toFixed(2)}), off ${perWrite.off.cpuMs.toFixed(2)} ms (system ${perWrite.off.systemMs.toFixed(2)}); SQL statements per write: ${perWrite.on.statements?.toFixed(1) ?? 'n/a (no pg_stat_statements)'}`,
    `  chain on is ${pct(on.rps, off.rps)} of chain off (goal ≥ 80 %), ${pct(on.rps, free)} of lock-free pgbench (goal ≥ 25 %), ${pct(on.rps, locked)} of locked pgbench`,
  ].join('\n')
}
