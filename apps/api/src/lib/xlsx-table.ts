import type ExcelJS from 'exceljs'

/**
 * How an exported table reads and prints, as a clerk who has kept 台账 in Excel for years lays
 * one out: a title merged across the table, a line saying what was exported and when, a bold
 * header with a fill and filter buttons, frozen with the rows above it; dates as real date cells
 * shown 2026年11月16日, percentages as numbers formatted %, counts as numbers; widths for Chinese
 * text; and print setup for the 台账 that gets printed — A3 landscape, fit to one page wide, the
 * title and header repeated on every page, 第 N 页 共 M 页 in the footer.
 *
 * Works with exceljs's streaming WorkbookWriter (every feature here is one it writes: views,
 * pageSetup with printTitlesRow as the _xlnm.Print_Titles defined name, headerFooter,
 * autoFilter, column widths, numFmt); each row is committed as it is written.
 */

/** What a column holds, which decides its cell type and number format. */
export type ColumnKind = 'text' | 'date' | 'percent' | 'integer' | 'decimal'

export interface Column {
  header: string
  /**
   * Width in characters (a CJK character counts about two). Not 9: exceljs takes 9 for its
   * default and leaves the column out, so Excel would show its own 8.43.
   */
  width: number
  /**
   * `date`: the value is `YYYY-MM-DD` (or a Date) and is written as a date cell; `percent`: a
   * number 0–100 written as a fraction formatted 0%; `integer`/`decimal`: numbers; default text.
   */
  kind?: ColumnKind
  /** Long text: wrapped, top aligned. */
  wrap?: boolean
}

/** Excel's number format for a date as Chinese documents write it: 2026年11月16日. */
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"'
const FORMATS: Partial<Record<ColumnKind, string>> = {
  date: DATE_FORMAT,
  percent: '0%',
  integer: '0',
  decimal: '0.00',
}

/** The page footer: 第 3 页 共 12 页, centred. */
export const PAGE_FOOTER = '&C第 &P 页 共 &N 页'

/** The rows above the data: title, the note line, the header. Data starts on row 4. */
export const HEADER_ROWS = 3

const FONT = '宋体'
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9E1F2' },
}
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } }
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN }

/** A1-style letters of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

export interface TableOptions {
  /** Columns kept in view when scrolling right (序号 and 编号 in the ledger). */
  frozenColumns?: number
}

/**
 * Adds a worksheet laid out as an exported table (see the file comment) and writes its title,
 * note and header rows.
 */
export function addTable(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  title: string,
  note: string,
  columns: readonly Column[],
  options: TableOptions = {},
): ExcelJS.Worksheet {
  const last = columns.length
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROWS, xSplit: options.frozenColumns ?? 0 }],
    pageSetup: {
      paperSize: 8 as ExcelJS.PaperSize, // A3
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as it takes
      printTitlesRow: `1:${HEADER_ROWS}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: PAGE_FOOTER, evenFooter: PAGE_FOOTER },
  })
  sheet.columns = columns.map((c) => ({ width: c.width }))
  sheet.autoFilter = `A${HEADER_ROWS}:${columnLetter(last)}${HEADER_ROWS}`
  const titleRow = sheet.addRow([title])
  titleRow.height = 32
  titleRow.getCell(1).font = { name: FONT, size: 18, bold: true }
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' }
  sheet.mergeCells(1, 1, 1, last)
  titleRow.commit()
  const noteRow = sheet.addRow([note])
  noteRow.getCell(1).font = { name: FONT, size: 10, color: { argb: 'FF595959' } }
  noteRow.getCell(1).alignment = { horizontal: 'right', vertical: 'middle' }
  sheet.mergeCells(2, 1, 2, last)
  noteRow.commit()
  const head = sheet.addRow(columns.map((c) => c.header))
  head.height = 30
  head.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true }
    cell.fill = HEADER_FILL
    cell.border = BORDER
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  })
  head.commit()
  return sheet
}

/**
 * A value as its cell holds it: dates become UTC-midnight Dates (Excel serials have no zone, and
 * exceljs reads them back at UTC midnight), percentages fractions, numbers numbers; empty is blank.
 */
function cellValue(c: Column, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null
  switch (c.kind) {
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? new Date(`${v}T00:00:00Z`)
        : (v as ExcelJS.CellValue)
    case 'percent':
      return typeof v === 'number' ? Math.round(v * 100) / 10000 : (v as ExcelJS.CellValue)
    case 'integer':
    case 'decimal':
      return typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : String(v)
    default:
      return v as ExcelJS.CellValue
  }
}

/** How a cell's value is typed for its style: exceljs gives General or a date format by type. */
function typeOf(value: ExcelJS.CellValue): string {
  if (value === null) return 'null'
  if (value instanceof Date) return 'date'
  return typeof value
}

/**
 * One style object per table, column, value type and fill, shared by every cell that has it:
 * exceljs's style manager keys its cache by the style object itself, so a shared one costs a
 * WeakMap hit per cell where a fresh one costs building and hashing its XML (and the garbage
 * of ~20 objects a cell, most of an export's time and heap). Never mutated once made.
 */
const shared = new WeakMap<readonly Column[], Map<string, Partial<ExcelJS.Style>>>()

function cellStyle(
  columns: readonly Column[],
  i: number,
  value: ExcelJS.CellValue,
  fill: string | undefined,
): Partial<ExcelJS.Style> {
  const type = typeOf(value)
  const key = `${i}|${type}|${fill ?? ''}`
  let styles = shared.get(columns)
  if (!styles) shared.set(columns, (styles = new Map()))
  let style = styles.get(key)
  if (style) return style
  const c = columns[i]!
  const numeric = c.kind && c.kind !== 'text'
  // A date column may hold the plan's words (2023年底前) where there is no single date.
  const fmt = c.kind ? FORMATS[c.kind] : undefined
  style = {
    border: BORDER,
    font: { name: FONT, size: 10 },
    alignment: {
      vertical: 'top',
      wrapText: !!c.wrap,
      ...(numeric && { horizontal: 'center' as const }),
    },
    ...(fmt && type !== 'string' && { numFmt: fmt }),
    ...(fill && { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } } }),
  }
  styles.set(key, style)
  return style
}

/** What a data row may add to its columns' styles. */
export interface RowStyle {
  /** A solid fill (ARGB) for one cell: column number (1-based) and colour, e.g. the light. */
  fill?: { column: number; argb: string }
  /** Restyles the row before the commit; its cells get styles of their own (not shared). */
  restyle?: (row: ExcelJS.Row) => void
}

/** Adds and commits one data row, styled per column (see RowStyle for what a row may add). */
export function addDataRow(
  sheet: ExcelJS.Worksheet,
  columns: readonly Column[],
  values: readonly unknown[],
  style: RowStyle = {},
): void {
  const cells = columns.map((c, i) => cellValue(c, values[i]))
  const row = sheet.addRow(cells)
  cells.forEach((value, i) => {
    const fill = style.fill?.column === i + 1 ? style.fill.argb : undefined
    const model = cellStyle(columns, i, value, fill)
    // exceljs's setters (cell.font = …) change the style object in place: a row restyled by its
    // caller gets copies, so the shared ones stay as they are.
    row.getCell(i + 1).style = style.restyle ? structuredClone(model) : model
  })
  style.restyle?.(row)
  row.commit()
}
