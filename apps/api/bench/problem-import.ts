/**
 * The problem list from Excel in `pnpm bench`: importing a 5,000-task workbook (generated here:
 * 3 measures a task, co-units, text deadlines with stages) into a new round through the API — its
 * dry run first (which also loads the workbook libraries), then the commit: time and peak RSS,
 * goal ≤ 3 s — next to a plain bulk INSERT of every row the import wrote, in the same run (the
 * baseline: what the database alone costs, bench/baseline.ts), as a ratio. Each run makes a new
 * round (the import needs an empty one) in the run's fresh copy of the bench database
 * (bench/database.ts). The 50,000-row ledger export is measured on the built server in a process
 * of its own (bench/server-memory.ts).
 */
import ExcelJS from 'exceljs'
import type { Database } from '../src/db/client.js'
import { sql } from 'drizzle-orm'
import { rounds } from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'
import { TASK_HEADERS } from '../src/modules/problem-import/template.js'
import { copyWritten, shift } from './baseline.js'
import { cpuSince, cpuText, readCpu } from './cpu.js'
import { record } from './results.js'

const TASKS = 5_000
const rss = () => process.memoryUsage.rss()

const roundRow = (name: string) => ({
  id: uuidv7(),
  name: `${name} ${new Date().toISOString()}`,
  kind: 'central',
  planApprovedDate: '2026-03-01',
  settings: { acceptanceLevels: ['county', 'city'], publicityDays: 5 },
})

async function newRound(database: Database, name: string) {
  const row = roundRow(name)
  await database.db.insert(rounds).values(row)
  return row.id
}

/** Thrown to roll the baseline back: the bench database keeps only the import's rows. */
class RollBack extends Error {}

async function lastAuditSeq(database: Database): Promise<number> {
  const [row] = await database.query<{ n: string }>(
    'select coalesce(max(seq), 0)::int8 as n from audit_log',
  )
  return Number(row!.n)
}

/** A 5,000-task table in a published plan's layout, with the demo city's unit names. */
async function workbook(units: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('任务清单')
  ws.addRow(['基准：整改任务清单'])
  ws.addRow([...TASK_HEADERS])
  const deadlines = [
    '2026年底前',
    '2027年6月底前',
    '立行立改、长期坚持',
    '2026年底前完成排查；2027年底前全部完成',
  ]
  for (let i = 1; i <= TASKS; i++)
    ws.addRow([
      i,
      `基准-${i}`,
      `第${i}项：城区污水管网雨污混流，部分河段水质不达标`,
      `${units[i % units.length]}（牵头）、${units[(i + 3) % units.length]}`,
      '王明（副市长）',
      '消除直排，断面水质稳定达标',
      deadlines[i % deadlines.length],
      '1、2026年6月底前完成排查；\n2、新建管网12公里；\n3、建立长效监管机制。',
      '',
    ])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * Runs `fn` while sampling RSS every 5 ms: its time, its CPU time (this process — the server
 * runs in it — and the database's backends, bench/cpu.ts) and the peak increase in MB.
 */
async function measured<T>(database: Database, fn: () => Promise<T>) {
  const before = rss()
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 5)
  const cpu = await readCpu(database)
  const started = performance.now()
  try {
    const value = await fn()
    const ms = performance.now() - started
    return {
      value,
      ms,
      cpu: cpuSince(cpu, await readCpu(database)),
      mb: (Math.max(peak, rss()) - before) / 2 ** 20,
    }
  } finally {
    clearInterval(sampler)
  }
}

async function importCase(base: string, token: string, database: Database): Promise<string[]> {
  const units = (
    await database.query<{ name: string }>(
      "select name from units where active and kind in ('department','county') and code like 'JZ-%' and code <> 'JZ-OFFICE' order by code",
    )
  ).map((u) => u.name)
  const data = await workbook(units)
  const form = new FormData()
  form.append(
    'file',
    new Blob([data], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    '基准任务清单.xlsx',
  )
  const auth = { authorization: `Bearer ${token}` }
  const up = await fetch(`${base}/api/v1/files`, { method: 'POST', headers: auth, body: form })
  if (!up.ok) throw new Error(`bench import: upload answered ${up.status}: ${await up.text()}`)
  const fileId = ((await up.json()) as { id: string }).id
  const roundId = await newRound(database, '基准：导入')
  // The dry run first, as the import dialog does: measured on its own, and it loads the workbook
  // libraries (imported when first used) so the commit below is measured warm.
  const dry = await measured(database, async () => {
    const res = await fetch(`${base}/api/v1/rounds/${roundId}/problem-import`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ fileId, dryRun: true }),
    })
    const body = (await res.json()) as { counts?: { tasks: number; errors: number } }
    if (!res.ok || !body.counts || body.counts.errors)
      throw new Error(`bench dry run answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`)
    return body.counts
  })
  const seqBefore = await lastAuditSeq(database)
  const run = await measured(database, async () => {
    const res = await fetch(`${base}/api/v1/rounds/${roundId}/problem-import`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ fileId, dryRun: false }),
    })
    const body = (await res.json()) as {
      imported?: boolean
      counts?: { new: number; measures: number }
      detail?: string
    }
    if (!res.ok || !body.imported)
      throw new Error(`bench import answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`)
    return body.counts!
  })
  // Baseline: every row the import wrote (problems, unit links, measures, milestones, events,
  // audit entries, change-feed rows and heads) bulk-inserted again into another round, in a
  // transaction rolled back (bench/baseline.ts).
  const shiftBy = (await lastAuditSeq(database)) - seqBefore
  const ids = sql`(select id from problems where round_id = ${roundId})`
  let bulk = null as Awaited<ReturnType<typeof copyWritten>> | null
  await database.db
    .transaction(async (tx) => {
      const baseRound = uuidv7()
      await tx.insert(rounds).values({ ...roundRow('基准：批量插入'), id: baseRound })
      bulk = await copyWritten(
        tx,
        [
          { table: 'problems', where: sql`t.round_id = ${roundId}` },
          { table: 'problem_units', where: sql`t.problem_id in ${ids}` },
          { table: 'measures', where: sql`t.problem_id in ${ids}` },
          {
            table: 'milestones',
            where: sql`t.measure_id in (select id from measures where problem_id in ${ids})`,
          },
          { table: 'events', where: sql`t.entity_type = 'problem' and t.entity_id in ${ids}` },
          { table: 'audit_log', where: sql`t.seq > ${seqBefore}`, tweak: shift('seq', shiftBy) },
          {
            table: 'changes',
            where: sql`t.audit_seq > ${seqBefore}`,
            tweak: shift('audit_seq', shiftBy),
          },
          {
            table: 'change_heads',
            where: sql`t.entity_type = 'problem' and t.entity_id in ${ids}`,
          },
        ],
        database,
        new Map([[roundId, baseRound]]),
      )
      throw new RollBack()
    })
    .catch((err: unknown) => {
      if (!(err instanceof RollBack)) throw err
    })
  if (!bulk) throw new Error('bench import: the baseline did not run')
  record({
    name: `import ${TASKS} tasks`,
    value: run.ms / 1000,
    unit: 's',
    baseline: { name: 'bulk INSERT of the rows the import wrote', value: bulk.ms / 1000 },
    goal: { op: '<=', limit: 3 },
    concurrency: 1,
  })
  return [
    `dry run of ${dry.value.tasks} tasks (first call: loads the workbook libraries): ${(dry.ms / 1000).toFixed(2)} s, ${cpuText(dry.cpu, database)}`,
    `import ${TASKS} tasks (${run.value.measures} measures), the commit after its dry run (whose analysis it reuses): ${(run.ms / 1000).toFixed(2)} s (goal ≤ 3 s), ${cpuText(run.cpu, database)}, peak RSS +${run.mb.toFixed(0)} MB`,
    `baseline bulk INSERT of the ${bulk.rows} rows the import wrote: ${(bulk.ms / 1000).toFixed(2)} s, ${cpuText(bulk.cpu, database)} → import is ${(run.ms / bulk.ms).toFixed(1)}× the baseline`,
    `  (baseline by table: ${bulk.tables})`,
  ]
}

/** The import lines of the bench report. */
export async function benchProblemImport(
  base: string,
  database: Database,
  login: () => Promise<string>,
): Promise<string> {
  const lines = await importCase(base, await login(), database)
  return ['problem list from Excel', ...lines.map((l) => `  ${l}`)].join('\n')
}
