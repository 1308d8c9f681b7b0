import type {
  ImportCellError,
  ImportColumn,
  ProgressCompletion,
  ProgressImportField,
} from '@rectify/schemas'
import { cellRef, missingColumnError } from '../../lib/workbook/index.js'
import {
  codeKey,
  itemNumber,
  leadingCode,
  parseCompletion,
  parsePercent,
  PROGRESS_FIELDS,
} from './fields.js'

/**
 * What the import needs of the shared reader's table (lib/workbook `readTable`): the mapped
 * columns and the data rows between the header block and the notes.
 */
export interface ProgressTable {
  sheet: string
  columns: readonly {
    index: number
    header: string
    field: ProgressImportField | null
    by: ImportColumn['by']
  }[]
  records: readonly { rowNo: number; cells: readonly string[] }[]
  /** Excel row numbers of the header block (a missing column's error marks the first). */
  headerRows?: readonly number[]
}

/** One data row as written, with what its cells were understood as. */
export interface ParsedRow {
  row: number
  code: string
  title: string
  progress: string
  completionText: string
  completion: ProgressCompletion | null
  percent: number | null
  deadline: string
  unitText: string
  issues: string
  nextSteps: string
  note: string
  /** The code compared whole and the item number it names (第12项 → 12), for matching. */
  codeKey: string
  item: number | null
}

/** What a report's texts may hold (CreateReportBodySchema). */
const MAX_TEXT = 5000

/** Field names as the dry run says them when a column is missing. */
const FIELD_LABELS: Record<ProgressImportField, [string, string]> = {
  seq: ['序号', 'No.'],
  code: ['问题编号', 'code'],
  title: ['问题/整改任务', 'problem or task'],
  progress: ['整改进展', 'progress'],
  completion: ['是否完成', 'completed?'],
  percent: ['完成进度', 'percent complete'],
  deadline: ['完成时限', 'deadline'],
  unit: ['责任单位', 'responsible unit'],
  issues: ['存在问题', 'difficulties'],
  nextSteps: ['下一步计划', 'next steps'],
  note: ['备注', 'notes'],
}

/** The label an error names a field's column by: its header as written, else the field's name. */
export function columnLabel(t: ProgressTable, field: ProgressImportField): string {
  return t.columns.find((c) => c.field === field)?.header ?? FIELD_LABELS[field][0]
}

/**
 * The cell an error about a field points at on a row (C12): the field's column — for the
 * problem, the title's or else the code's — or null when the table has none.
 */
export function columnCell(
  t: ProgressTable,
  field: ProgressImportField,
  rowNo: number,
): string | null {
  const c =
    t.columns.find((x) => x.field === field) ??
    (field === 'title' ? t.columns.find((x) => x.field === 'code') : undefined)
  return c ? cellRef(rowNo, c.index) : null
}

/**
 * Reads every data row: blank rows (nothing but a 序号) are passed over; each cell a row needs is
 * checked — 是否完成 must be one of the known words, 完成进度 a percent, 已完成 with a percent
 * under 100 contradicts itself — each error naming its row and column in Chinese and English.
 * `missing`: fields no column maps to that every row needs (the problem: a code or a title; the
 * progress).
 */
export function parseRows(t: ProgressTable): {
  rows: ParsedRow[]
  errors: ImportCellError[]
  missing: string[]
} {
  const has = (f: ProgressImportField) => t.columns.some((c) => c.field === f)
  const missing: string[] = []
  if (!has('title') && !has('code')) missing.push('title')
  if (!has('progress')) missing.push('progress')
  const errors: ImportCellError[] = missing.map((f) => {
    const [label, labelEn] = FIELD_LABELS[f as ProgressImportField]
    // The problem is found by its title or else its code: either column will do.
    const accepted =
      f === 'title'
        ? [...PROGRESS_FIELDS.title, ...PROGRESS_FIELDS.code]
        : PROGRESS_FIELDS[f as ProgressImportField]
    return missingColumnError(t.headerRows?.[0] ?? 1, { label, labelEn, accepted })
  })
  const rows: ParsedRow[] = []
  for (const r of t.records) {
    const v = (f: ProgressImportField) => {
      const c = t.columns.find((x) => x.field === f)
      return c ? (r.cells[c.index] ?? '').trim() : ''
    }
    const title = v('title')
    const code = v('code') || leadingCode(title)
    const progress = v('progress')
    if (!code && !title && !progress) continue
    const err = (field: ProgressImportField, message: string, messageEn: string) =>
      errors.push({
        row: r.rowNo,
        column: columnLabel(t, field),
        cell: columnCell(t, field, r.rowNo),
        message,
        messageEn,
      })
    const completionText = v('completion')
    const completion = parseCompletion(completionText)
    if (completion === undefined)
      err(
        'completion',
        `无法识别“${completionText}”：请填写已完成、基本完成、未完成或持续推进`,
        `“${completionText}” is not understood: write 已完成, 基本完成, 未完成 or 持续推进`,
      )
    const percentText = v('percent')
    const percent = parsePercent(percentText)
    if (percent === undefined)
      err(
        'percent',
        `完成进度“${percentText}”应为 0 至 100 之间的百分比`,
        `The percent complete “${percentText}” must be a percentage from 0 to 100`,
      )
    else if (completion === 'done' && percent !== null && percent < 100)
      err(
        'percent',
        `是否完成为“${completionText}”，完成进度却为${percent}%`,
        `Marked completed (“${completionText}”) but ${percent}% complete`,
      )
    const note = v('note')
    if (!progress)
      err(
        'progress',
        '整改进展为空：请填写本期整改进展',
        'The progress is empty: say what was done',
      )
    else if (doneText({ progress, note }).length > MAX_TEXT)
      err(
        'progress',
        '整改进展（含备注）超过 5000 字',
        'The progress (with notes) exceeds 5,000 characters',
      )
    for (const f of ['issues', 'nextSteps'] as const)
      if (v(f).length > MAX_TEXT)
        err(
          f,
          `${columnLabel(t, f)}超过 5000 字`,
          `The ${FIELD_LABELS[f][1]} exceed 5,000 characters`,
        )
    if (!code && !title)
      err('title', '没有问题编号或问题名称，无法对应问题', 'Neither a code nor a problem to match')
    rows.push({
      row: r.rowNo,
      code,
      title,
      progress,
      completionText,
      completion: completion ?? null,
      percent: percent ?? null,
      deadline: v('deadline'),
      unitText: v('unit'),
      issues: v('issues'),
      nextSteps: v('nextSteps'),
      note,
      codeKey: codeKey(code),
      item: code ? itemNumber(code) : null,
    })
  }
  return { rows, errors, missing }
}

/**
 * Problems by code within the round: the whole code (反馈问题第12项, 信访件 D3600000-0123) and
 * the item number (第12项 and 12 both mean 反馈问题第12项), the number only when one problem of
 * the round has it.
 */
export function codeIndex<P extends { code: string }>(problems: readonly P[]) {
  const byCode = new Map<string, P>()
  const byItem = new Map<number, P | null>()
  for (const p of problems) {
    byCode.set(codeKey(p.code), p)
    const n = itemNumber(p.code)
    if (n !== null) byItem.set(n, byItem.has(n) ? null : p)
  }
  return (row: Pick<ParsedRow, 'codeKey' | 'item'>): P | null =>
    (row.codeKey && byCode.get(row.codeKey)) ||
    (row.item !== null ? (byItem.get(row.item) ?? null) : null)
}

/** The report's text: the progress, with the 备注 cell kept beside it. */
export function doneText(r: Pick<ParsedRow, 'progress' | 'note'>): string {
  return r.note ? `${r.progress}\n（备注：${r.note}）` : r.progress
}
