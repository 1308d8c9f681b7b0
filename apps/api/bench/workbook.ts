/**
 * The workbook reader in `pnpm bench`: reading a ~20 MB .xlsx (a 60,000-row petition table of
 * varied Chinese text) with the peak RSS rise printed, beside a same-run baseline — exceljs's
 * plain `xlsx.load` of the same bytes, which is what the imports did before the reader. Each
 * measurement runs in a child process of its own, so one's heap never flatters the next. Then
 * load: two reads at once in one process. The file inflates beyond the default 50 MB limit, so
 * the bench reads it with raised limits and also prints how fast the default limits refuse it.
 * BENCH_WORKBOOK_ROWS sets the size (default 60,000 rows). Run alone: `tsx bench/workbook.ts`.
 */
import { fork } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { DEFAULT_LIMITS, readTable, readWorkbook } from '../src/lib/workbook/index.js'
import { HEADER_SYNONYMS } from '../src/modules/petitions/import/fields.js'

const RAISED = { ...DEFAULT_LIMITS, maxUncompressedBytes: 1024 * 1024 * 1024, maxRows: 1_000_000 }
const WORDS = '企业夜间偷排废水工地扬尘噪声扰民油烟直排养殖场粪污外溢河道采砂垃圾填埋渗滤液异味恶臭'

interface Measure {
  ms: number
  peakMb: number
  rows: number
}

async function writeWorkbook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false })
  const ws = wb.addWorksheet('信访件')
  ws.addRow(['第三批交办信访件']).commit()
  ws.addRow([
    '序号',
    '收件编号',
    '行政区域',
    '被反映对象',
    '地址',
    '交办问题基本情况',
    '污染类型',
    '是否属实',
    '处理和整改情况',
    '问责情况',
  ]).commit()
  let seed = 7
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const text = (n: number) =>
    Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join('')
  for (let i = 1; i <= rows; i++)
    ws.addRow([
      i,
      `D${3600000 + i}`,
      '临湖县',
      `${text(6)}有限公司`,
      `临湖县${text(8)}路${i}号`,
      text(120),
      '大气',
      '属实',
      text(80),
      text(20),
    ]).commit()
  await wb.commit()
}

/** In a child: one read of the file, its time and the peak RSS rise. */
async function child(mode: string, path: string): Promise<void> {
  const buffer = readFileSync(path)
  const before = process.memoryUsage.rss()
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2)
  const started = performance.now()
  const read = async () => {
    if (mode === 'baseline') {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(buffer as unknown as ArrayBuffer)
      return wb.worksheets[0]!.rowCount
    }
    const sheet = await readWorkbook(buffer, mode === 'default' ? DEFAULT_LIMITS : RAISED)
    return readTable(sheet, { fields: HEADER_SYNONYMS })?.records.length ?? 0
  }
  const rows =
    mode === 'concurrent'
      ? (await Promise.all([read(), read()])).reduce((a, b) => a + b)
      : mode === 'default'
        ? await read().catch(() => -1)
        : await read()
  const ms = performance.now() - started
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage.rss())
  process.send!({ ms, peakMb: (peak - before) / 1024 / 1024, rows } satisfies Measure)
}

function inChild(mode: string, path: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const p = fork(fileURLToPath(import.meta.url), ['--child', mode, path], {
      execArgv: ['--import', 'tsx'],
    })
    p.once('message', (m) => resolve(m as Measure))
    p.once('error', reject)
    p.once('exit', (code) => code && reject(new Error(`the ${mode} read exited with ${code}`)))
  })
}

export async function benchWorkbook(rows = 60_000): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-workbook-'))
  try {
    const path = join(dir, 'batch.xlsx')
    await writeWorkbook(path, rows)
    const mb = statSync(path).size / 1024 / 1024
    const base = await inChild('baseline', path)
    const ours = await inChild('reader', path)
    const both = await inChild('concurrent', path)
    const refused = await inChild('default', path)
    const f = (m: Measure) => `${(m.ms / 1000).toFixed(2)} s, peak RSS +${m.peakMb.toFixed(0)} MB`
    return [
      `workbook reader: a ${mb.toFixed(1)} MB .xlsx of ${rows} rows (raised limits: 1 GB inflated, 1,000,000 rows)`,
      `  baseline exceljs xlsx.load: ${f(base)}`,
      `  readWorkbook + readTable:   ${f(ours)} (${ours.rows} records) → ${(ours.ms / base.ms).toFixed(2)}× the baseline's time, ${(ours.peakMb / Math.max(base.peakMb, 1)).toFixed(2)}× its memory`,
      `  two reads at once:          ${f(both)}`,
      refused.rows < 0
        ? `  default limits (50 MB):     refused in ${refused.ms.toFixed(0)} ms, peak RSS +${refused.peakMb.toFixed(0)} MB`
        : `  default limits (50 MB):     within them, read in ${f(refused)}`,
    ].join('\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!)
else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.env.BENCH_WORKBOOK_ROWS ?? 60_000)
  console.log(await benchWorkbook(n))
}
