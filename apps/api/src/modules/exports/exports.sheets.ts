import type { SQL } from 'drizzle-orm'
import type { ExportAccountabilityQuery } from '@rectify/schemas'
import { ACCOUNTABILITY_FORMS } from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import type { XlsxSink } from '../../lib/xlsx-stream.js'
import { label } from '../dossier/index.js'
import { addDataRow, addTable, type Column } from '../../lib/xlsx-table.js'
import { chineseDate } from '../../lib/dates.js'
import { periodName, word } from './exports.format.js'
import { exportsRepository as repo, type ProblemKey } from './exports.repository.js'

/** Rows read and committed per batch: small enough to keep memory flat, large enough to be quick. */
export const BATCH = 500

/** A timestamp's Asia/Shanghai date, YYYY-MM-DD. */
export const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })

export const asOf = (today: string) => `导出日期：${chineseDate(today)}`

/** Reads keyset batches with `next` until one comes back short, writing each and pacing. */
async function stream<R>(
  sink: XlsxSink,
  next: (after: R | null) => Promise<R[]>,
  write: (row: R) => void,
): Promise<void> {
  let after: R | null = null
  for (;;) {
    const rows = await next(after)
    for (const r of rows) write(r)
    await sink.pace()
    if (rows.length < BATCH) return
    after = rows[rows.length - 1]!
  }
}

type MeasureRow = Awaited<ReturnType<typeof repo.measures>>[number]
type ReportRow = Awaited<ReturnType<typeof repo.reports>>[number]

const key = (r: { codeKey: string; problemId: string; id: string }): ProblemKey => [
  r.codeKey,
  r.problemId,
  r.id,
]

const MEASURE_COLUMNS: Column[] = [
  { header: '问题编号', width: 14 },
  { header: '问题', width: 36, wrap: true },
  { header: '牵头单位', width: 18, wrap: true },
  { header: '措施序号', width: 10, kind: 'integer' },
  { header: '整改措施', width: 50, wrap: true },
  { header: '责任单位', width: 18, wrap: true },
  { header: '责任人', width: 10 },
  { header: '开始日期', width: 17, kind: 'date' },
  { header: '完成时限', width: 17, kind: 'date' },
  { header: '措施状态', width: 10 },
  { header: '完成进度', width: 10, kind: 'percent' },
  { header: '完成日期', width: 17, kind: 'date' },
]

/** 整改措施台账: one row per measure, problems in code order. */
export async function measuresSheet(db: Db, sink: XlsxSink, where: SQL | undefined, today: string) {
  const sheet = addTable(sink.workbook, '整改措施', '整改措施台账', asOf(today), MEASURE_COLUMNS, {
    frozenColumns: 1,
  })
  await stream<MeasureRow>(
    sink,
    (after) => repo.measures(db, where, BATCH, after ? key(after) : null),
    (m) =>
      addDataRow(sheet, MEASURE_COLUMNS, [
        m.code,
        m.title,
        m.leadUnitName,
        m.seq,
        m.content,
        m.unitName,
        m.personName,
        m.startDate,
        m.deadline,
        label('measureStatus', m.status),
        m.percent,
        m.doneDate,
      ]),
  )
}

const REPORT_COLUMNS: Column[] = [
  { header: '问题编号', width: 14 },
  { header: '问题', width: 32, wrap: true },
  { header: '牵头单位', width: 16, wrap: true },
  { header: '报送单位', width: 16, wrap: true },
  { header: '调度期', width: 12 },
  { header: '本期进展', width: 48, wrap: true },
  { header: '完成进度', width: 10, kind: 'percent' },
  { header: '存在问题', width: 30, wrap: true },
  { header: '下步计划', width: 30, wrap: true },
  { header: '审核状态', width: 10 },
  { header: '序时评定', width: 10 },
  { header: '审核意见', width: 24, wrap: true },
  { header: '报送人', width: 10 },
  { header: '报送日期', width: 17, kind: 'date' },
]

/** 整改进展报告 of one dispatch period: one row per report, problems in code order. */
export async function reportsSheet(
  db: Db,
  sink: XlsxSink,
  where: SQL | undefined,
  period: string,
  today: string,
) {
  const title = `${periodName(period)}整改进展报告`
  const sheet = addTable(sink.workbook, '整改进展', title, asOf(today), REPORT_COLUMNS, {
    frozenColumns: 1,
  })
  await stream<ReportRow>(
    sink,
    (after) => repo.reports(db, where, BATCH, after ? key(after) : null),
    (r) =>
      addDataRow(sheet, REPORT_COLUMNS, [
        r.code,
        r.title,
        r.leadUnitName,
        r.unitName,
        r.period,
        r.done,
        r.percent,
        r.issues,
        r.nextSteps,
        label('reportStatus', r.status),
        r.rating ? label('rating', r.rating) : '',
        r.reviewNote,
        r.submittedByName,
        shanghaiDay.format(r.createdAt),
      ]),
  )
}

/** 问责情况统计: one row per unit, one column per form, and the totals. */
export async function accountabilitySheet(
  sink: XlsxSink,
  counts: { unitId: string; unitName: string; form: string; n: number }[],
  q: ExportAccountabilityQuery,
  today: string,
) {
  const columns: Column[] = [
    { header: '单位', width: 24, wrap: true },
    ...ACCOUNTABILITY_FORMS.map((f): Column => ({
      header: word('form', f),
      width: 11,
      kind: 'integer',
    })),
    { header: '合计', width: 10, kind: 'integer' },
  ]
  const range =
    q.from || q.to
      ? `决定日期：${q.from ? chineseDate(q.from) : '—'}至${q.to ? chineseDate(q.to) : '—'}；`
      : ''
  const sheet = addTable(sink.workbook, '问责情况', '问责情况统计', range + asOf(today), columns, {
    frozenColumns: 1,
  })
  const byUnit = new Map<string, { name: string; n: Map<string, number> }>()
  for (const c of counts) {
    const u = byUnit.get(c.unitId) ?? { name: c.unitName, n: new Map<string, number>() }
    u.n.set(c.form, (u.n.get(c.form) ?? 0) + c.n)
    byUnit.set(c.unitId, u)
  }
  const totals = new Map<string, number>()
  for (const u of byUnit.values()) {
    const cells = ACCOUNTABILITY_FORMS.map((f) => u.n.get(f) ?? 0)
    ACCOUNTABILITY_FORMS.forEach((f, i) => totals.set(f, (totals.get(f) ?? 0) + cells[i]!))
    addDataRow(sheet, columns, [u.name, ...cells, cells.reduce((s, n) => s + n, 0)])
  }
  const sums = ACCOUNTABILITY_FORMS.map((f) => totals.get(f) ?? 0)
  addDataRow(sheet, columns, ['合计', ...sums, sums.reduce((s, n) => s + n, 0)], {
    restyle: (row) => row.eachCell((cell) => (cell.font = { name: '宋体', size: 10, bold: true })),
  })
  await sink.pace()
}
