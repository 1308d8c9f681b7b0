/**
 * The problem list in and out of Excel in `pnpm bench`:
 * - importing a 5,000-task workbook (generated here: 3 measures a task, co-units, text
 *   deadlines with stages) into a new round through the API — time and peak RSS, goal ≤ 3 s —
 *   next to a plain bulk INSERT of 5,000 problem rows in the same run (the baseline: what the
 *   database alone costs), as a ratio;
 * - exporting a 50,000-row ledger (seeded with one INSERT … SELECT) through GET /exports/problems
 *   — time and peak RSS increase while streaming, goal RSS ≤ 300 MB.
 * Each run makes new rounds (the import needs an empty one); on a kept PostgreSQL bench database
 * they accumulate, which only makes the ledger bigger.
 */
import ExcelJS from 'exceljs'
import type { Database } from '../src/db/client.js'
import { problems, rounds } from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'
import { TASK_HEADERS } from '../src/modules/problem-import/template.js'

const TASKS = 5_000
const LEDGER_ROWS = 50_000
const rss = () => process.memoryUsage.rss()

async function newRound(database: Database, name: string) {
  const id = uuidv7()
  await database.db.insert(rounds).values({
    id,
    name: `${name} ${new Date().toISOString()}`,
    kind: 'central',
    planApprovedDate: '2026-03-01',
    settings: { acceptanceLevels: ['county', 'city'], publicityDays: 5 },
  })
  return id
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

/** Runs `fn` while sampling RSS every 5 ms: its time and the peak increase in MB. */
async function measured<T>(fn: () => Promise<T>) {
  const before = rss()
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 5)
  const started = performance.now()
  try {
    const value = await fn()
    return {
      value,
      ms: performance.now() - started,
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
  const run = await measured(async () => {
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
  // Baseline: the same number of problem rows as one plain bulk INSERT (chunked), no parsing,
  // no measures, lights or audit.
  const baseRound = await newRound(database, '基准：批量插入')
  const [lead] = await database.query<{ id: string }>("select id from units where code = 'JZ-EEB'")
  const bulk = await measured(() =>
    database.db.transaction(async (tx) => {
      for (let i = 0; i < TASKS; i += 500)
        await tx.insert(problems).values(
          Array.from({ length: Math.min(500, TASKS - i) }, (_, j) => ({
            id: uuidv7(),
            roundId: baseRound,
            code: `基准-${i + j + 1}`,
            title: `第${i + j + 1}项：城区污水管网雨污混流`,
            source: 'feedback',
            nature: 'individual',
            domain: 'water',
            mode: 'time_bound',
            deadline: '2026-12-31',
            leadUnitId: lead!.id,
          })),
        )
    }),
  )
  return [
    `import ${TASKS} tasks (${run.value.measures} measures): ${(run.ms / 1000).toFixed(2)} s (goal ≤ 3 s), peak RSS +${run.mb.toFixed(0)} MB`,
    `baseline bulk INSERT of ${TASKS} problem rows: ${(bulk.ms / 1000).toFixed(2)} s → import is ${(run.ms / bulk.ms).toFixed(1)}× the baseline`,
  ]
}

async function exportCase(base: string, token: string, database: Database): Promise<string> {
  const roundId = await newRound(database, '基准：台账导出')
  const started = performance.now()
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
  const seeded = performance.now() - started
  const run = await measured(async () => {
    const res = await fetch(`${base}/api/v1/exports/problems?round=${roundId}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    if (!res.ok || !res.body) throw new Error(`bench export answered ${res.status}`)
    let bytes = 0
    for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength
    return bytes
  })
  return `export ${LEDGER_ROWS} ledger rows (seeded in ${(seeded / 1000).toFixed(1)} s): ${(run.ms / 1000).toFixed(2)} s, ${(run.value / 2 ** 20).toFixed(1)} MB .xlsx, peak RSS +${run.mb.toFixed(0)} MB (goal ≤ 300 MB)`
}

/** The import and export lines of the bench report. */
export async function benchProblemImport(
  base: string,
  database: Database,
  login: () => Promise<string>,
): Promise<string> {
  const lines = await importCase(base, await login(), database)
  lines.push(await exportCase(base, await login(), database))
  return ['problem list in and out of Excel', ...lines.map((l) => `  ${l}`)].join('\n')
}
