import type ExcelJS from 'exceljs'
import {
  cellRef,
  columnIndex,
  inspectXlsx,
  workbookFormat,
  WorkbookRefusedError,
  type WorkbookLimits,
} from './workbook/index.js'

/**
 * An import's errors written into the user's own workbook, so the clerk fixes the file they know:
 * every bad cell filled (errors light red, warnings yellow) and given a note (批注) saying what is
 * wrong, in Chinese; a problem that is the row's (a column the sheet lacks, a repeated case)
 * fills the row and puts its note in the row's first cell; and a last sheet, 错误清单, lists them
 * all with their cell references. The first sheet stays the table with its layout (title rows,
 * merged header, widths), so the fixed file imports again as it is. Every import uses it: the
 * problem list, petitions, progress tables.
 */

/** One thing to mark: the sheet row and column as Excel numbers them (column null: the row). */
export interface CellMark {
  /** 1-based row, as Excel shows it. */
  sheetRow: number
  /** 1-based column (A = 1); null when the problem is the row's. */
  column: number | null
  /** What is wrong, in Chinese. */
  message: string
  level: 'error' | 'warning'
}

/** An import report's error or warning: its row, header, cell (C12 or null) and message. */
export interface ReportedIssue {
  row: number
  column: string
  cell: string | null
  message: string
}

const FILLS = { error: 'FFFFC7CE', warning: 'FFFFEB9C' } as const
const PREFIX = { error: '错误', warning: '提示' } as const
const LIST_SHEET = '错误清单'

/**
 * The marks of an import report: each issue at its `cell` (the report's explicit reference, so
 * a header over two merged rows or title rows above it never shifts the mark); an issue without
 * a cell marks its row and names its column in the note.
 */
export function marksOf(
  errors: readonly ReportedIssue[],
  warnings: readonly ReportedIssue[] = [],
): CellMark[] {
  const mark =
    (level: CellMark['level']) =>
    (e: ReportedIssue): CellMark => {
      const letters = e.cell ? /^[A-Z]+/.exec(e.cell)?.[0] : undefined
      const column = letters ? columnIndex(letters) + 1 : null
      const named = !column && e.column ? `${e.column}：${e.message}` : e.message
      return { sheetRow: e.row, column, message: named, level }
    }
  return [...errors.map(mark('error')), ...warnings.map(mark('warning'))]
}

/**
 * The uploaded workbook with `marks` written into its first sheet, as .xlsx bytes. An .xlsx is
 * checked against the workbook limits before it is inflated and then kept as it is (styles,
 * merged cells, widths, other sheets); an .xls (which exceljs cannot open) is carried over as an
 * .xlsx with its values, number formats, merged areas, widths and heights (xls-convert.ts).
 * Anything else is refused (WorkbookRefusedError), as the import refused it.
 */
export async function annotateWorkbook(
  bytes: Buffer,
  marks: readonly CellMark[],
  limits: WorkbookLimits,
): Promise<Buffer> {
  // exceljs (and SheetJS for an .xls) load with the first annotated workbook, not at start.
  const { default: excel } = await import('exceljs')
  const wb = new excel.Workbook()
  const format = workbookFormat(bytes)
  if (format === 'xlsx') {
    await inspectXlsx(bytes, limits)
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } else if (format === 'xls')
    (await import('./workbook/xls-convert.js')).addXlsSheet(wb, bytes, limits)
  else throw new WorkbookRefusedError('format', '该文件不是工作簿', 'This file is not a workbook')
  const ws = wb.worksheets[0]!
  const width = Math.max(1, ws.actualColumnCount, ...marks.map((m) => m.column ?? 1))
  // One note per cell, however many marks it has; errors win the fill over warnings.
  const byCell = new Map<string, { cell: ExcelJS.Cell; marks: CellMark[]; row: boolean }>()
  for (const m of marks) {
    let cell = ws.getCell(m.sheetRow, m.column ?? 1)
    if (cell.isMerged) cell = cell.master
    const entry = byCell.get(cell.address) ?? { cell, marks: [], row: false }
    entry.marks.push(m)
    entry.row ||= m.column === null
    byCell.set(cell.address, entry)
  }
  for (const { cell, marks: here, row } of byCell.values()) {
    const level = here.some((m) => m.level === 'error') ? 'error' : 'warning'
    if (row)
      for (let c = 1; c <= width; c++) {
        const other = ws.getCell(Number(cell.row), c)
        if (!other.isMerged || other.master.address === other.address) paint(other, level)
      }
    paint(cell, level, true)
    const text = here.map((m) => `${PREFIX[m.level]}：${m.message}`).join('\n')
    const before = noteText(cell.note)
    cell.note = {
      texts: [{ text: before ? `${before}\n${text}` : text }],
      margins: { insetmode: 'auto', inset: [0.13, 0.13, 0.25, 0.25] },
      editAs: 'absolute',
    }
  }
  addList(wb, marks)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * Fills a cell: its style is copied first — exceljs shares one style object among the cells a
 * loaded file gives the same style, and filling it in place would fill them all. An error's
 * fill is not turned yellow by a warning on the same row.
 */
function paint(cell: ExcelJS.Cell, level: CellMark['level'], own = false): void {
  const current = cell.fill as ExcelJS.FillPattern | undefined
  const argb = current?.type === 'pattern' ? current.fgColor?.argb : undefined
  if (!own && level === 'warning' && argb === FILLS.error) return
  cell.style = {
    ...cell.style,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[level] } },
  }
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return ''
  if (typeof note === 'string') return note
  return (note.texts ?? []).map((t) => t.text).join('')
}

/** The 错误清单 sheet: where, how serious, what; after the user's sheets so imports read the table. */
function addList(wb: ExcelJS.Workbook, marks: readonly CellMark[]): void {
  let name = LIST_SHEET
  for (let i = 2; wb.getWorksheet(name); i++) name = `${LIST_SHEET}${i}`
  const ws = wb.addWorksheet(name)
  ws.columns = [
    { header: '位置', width: 10 },
    { header: '行', width: 7 },
    { header: '类别', width: 7 },
    { header: '问题', width: 80 },
  ]
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  const sorted = [...marks].sort(
    (a, b) => a.sheetRow - b.sheetRow || (a.column ?? 0) - (b.column ?? 0),
  )
  for (const m of sorted) {
    const row = ws.addRow([
      m.column ? cellRef(m.sheetRow, m.column - 1) : `第${m.sheetRow}行`,
      m.sheetRow,
      PREFIX[m.level],
      m.message,
    ])
    row.alignment = { wrapText: true, vertical: 'top' }
  }
}

/**
 * 整改任务清单.xlsx → 整改任务清单-错误标注.xlsx — always .xlsx, whatever was uploaded (an .xls
 * comes back converted); send it with files.routes' contentDisposition (RFC 5987 filename*).
 */
export function annotatedFileName(uploaded: string): string {
  const base = uploaded.split(/[/\\]/).pop() ?? ''
  const stem = base.replace(/\.(xlsx|xlsm|xls|et)$/i, '').trim() || '导入文件'
  return `${stem}-错误标注.xlsx`
}

/** A stream's bytes (an upload read back from the file store). */
export async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const chunk of chunks) parts.push(Buffer.from(chunk))
  return Buffer.concat(parts)
}
