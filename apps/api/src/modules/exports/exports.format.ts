import type ExcelJS from 'exceljs'

/**
 * How the exported workbooks read: a title row across the table, a line saying what was
 * exported and when, a frozen header, column widths for Chinese text, and dates as real date
 * cells displayed 2026年11月28日. The zh-CN words of the codes follow the SPA's zh-CN catalogue.
 */

export interface Column {
  header: string
  /** Width in characters (a CJK character counts about two). */
  width: number
  /** A date column: the value is `YYYY-MM-DD` and is written as a date cell. */
  date?: boolean
  /** Long text: wrapped, top aligned. */
  wrap?: boolean
}

/** Excel's number format for a date as Chinese documents write it. */
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"'

/** 2026-11-28 → 2026年11月28日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** 2026-10 → 2026年10月; 2026-W42 → 2026年第42周. */
export function periodName(period: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period)
  if (week) return `${week[1]}年第${Number(week[2])}周`
  const [y, m] = period.split('-').map(Number)
  return `${y}年${m}月`
}

/** The header row's fill and borders. */
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9E1F2' },
}
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } }
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN }

/** The rows above the data: title, the note line, the header. Data starts on row 4. */
export const HEADER_ROWS = 3

/**
 * Adds a worksheet laid out as an exported table: the title merged across the columns in a
 * large bold font, the note (what was exported, as of when) under it, and the header row frozen
 * with the title so it stays in view while scrolling.
 */
export function addTable(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  title: string,
  note: string,
  columns: readonly Column[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROWS, xSplit: 0 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 },
  })
  sheet.columns = columns.map((c) => ({ width: c.width }))
  const last = columns.length
  const titleRow = sheet.addRow([title])
  titleRow.height = 30
  titleRow.getCell(1).font = { name: '宋体', size: 16, bold: true }
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' }
  sheet.mergeCells(1, 1, 1, last)
  titleRow.commit()
  const noteRow = sheet.addRow([note])
  noteRow.getCell(1).font = { name: '宋体', size: 10, color: { argb: 'FF595959' } }
  sheet.mergeCells(2, 1, 2, last)
  noteRow.commit()
  const head = sheet.addRow(columns.map((c) => c.header))
  head.height = 22
  head.eachCell((cell) => {
    cell.font = { name: '宋体', size: 11, bold: true }
    cell.fill = HEADER_FILL
    cell.border = BORDER
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  })
  head.commit()
  return sheet
}

/** A cell value as written: dates become UTC-midnight Dates (Excel serials have no zone). */
function cellValue(c: Column, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null
  if (c.date && typeof v === 'string') return new Date(`${v}T00:00:00Z`)
  return v as ExcelJS.CellValue
}

/** Adds and commits one data row, styled per column; returns it for extra styling first. */
export function addDataRow(
  sheet: ExcelJS.Worksheet,
  columns: readonly Column[],
  values: readonly unknown[],
  style?: (row: ExcelJS.Row) => void,
): void {
  const row = sheet.addRow(columns.map((c, i) => cellValue(c, values[i])))
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1)
    cell.border = BORDER
    cell.font = { name: '宋体', size: 10 }
    cell.alignment = { vertical: 'top', wrapText: !!c.wrap }
    if (c.date) cell.numFmt = DATE_FORMAT
  })
  style?.(row)
  row.commit()
}

/** zh-CN words of the codes the exports print (the SPA's zh-CN catalogue). */
export const WORDS = {
  petitionStatus: {
    received: '未交办',
    handling: '办理中',
    submitted: '待审核',
    partly_closed: '阶段办结',
    closed: '已办结',
  },
  finding: { true: '属实', mostly_true: '基本属实', partly_true: '部分属实', untrue: '不属实' },
  form: {
    talk: '约谈',
    criticism: '通报批评',
    admonition: '诫勉',
    organisational: '组织处理',
    party_discipline: '党纪处分',
    administrative_sanction: '政务处分',
    judicial_transfer: '移送司法',
  },
} as const satisfies Record<string, Record<string, string>>

/** The zh-CN word of `code` in `group`; an unknown code prints as it is, none as ''. */
export function word(group: keyof typeof WORDS, code: string | null | undefined): string {
  if (!code) return ''
  return (WORDS[group] as Record<string, string>)[code] ?? code
}
