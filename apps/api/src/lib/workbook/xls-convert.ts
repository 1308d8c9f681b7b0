import * as XLSX from '@e965/xlsx'
import type ExcelJS from 'exceljs'
import type { WorkbookLimits } from './limits.js'
import { readXlsSheet } from './read-xls.js'

/** Excel's own date format for a Chinese reader (a date cell shows 2026年11月16日). */
const DATE_FORMAT = 'yyyy"年"m"月"d"日"'

/**
 * The first worksheet of an .xls (Excel 97–2003) written into `wb` as an exceljs worksheet, so
 * an .xls upload can come back as an .xlsx that looks like the file the user sent: values with
 * their types (numbers and dates stay numbers and dates, with their number formats), merged
 * areas, column widths, row heights and hidden rows and columns. Fonts, fills and borders of an
 * .xls are not carried over (SheetJS does not read them from BIFF). The sheet is first held to
 * the workbook limits by the shared reader (a refusal throws WorkbookRefusedError).
 */
export function addXlsSheet(wb: ExcelJS.Workbook, buffer: Buffer, limits: WorkbookLimits): void {
  readXlsSheet(buffer, limits)
  const book = XLSX.read(buffer, {
    type: 'buffer',
    dense: true,
    cellDates: true,
    cellNF: true,
    cellStyles: true,
    cellFormula: false,
    cellHTML: false,
    sheets: 0,
    sheetRows: limits.maxRows + 1,
    UTC: true,
  })
  const name = book.SheetNames[0]!
  const src = book.Sheets[name]!
  const ws = wb.addWorksheet(name)
  const data = (src['!data'] ?? []) as (XLSX.CellObject | undefined)[][]
  data.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return
      const value = cellValue(cell)
      if (value === null) return
      const target = ws.getCell(r + 1, c + 1)
      target.value = value
      const fmt = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : null
      if (value instanceof Date) target.numFmt = fmt && /[ymd]/i.test(fmt) ? fmt : DATE_FORMAT
      else if (fmt && typeof value === 'number') target.numFmt = fmt
      if (typeof value === 'string' && value.includes('\n'))
        target.alignment = { wrapText: true, vertical: 'top' }
    }),
  )
  for (const m of src['!merges'] ?? []) ws.mergeCells(m.s.r + 1, m.s.c + 1, m.e.r + 1, m.e.c + 1)
  ;(src['!cols'] ?? []).forEach((col, i) => {
    if (!col) return
    const width = col.wch ?? (col.wpx ? col.wpx / 7 : undefined) ?? col.width
    const target = ws.getColumn(i + 1)
    if (width) target.width = Math.round(width * 100) / 100
    if (col.hidden) target.hidden = true
  })
  ;(src['!rows'] ?? []).forEach((row, i) => {
    if (!row) return
    const target = ws.getRow(i + 1)
    const height = row.hpt ?? (row.hpx ? (row.hpx * 3) / 4 : undefined)
    if (height) target.height = height
    if (row.hidden) target.hidden = true
  })
}

function cellValue(cell: XLSX.CellObject): ExcelJS.CellValue {
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null
    case 'd':
      return cell.v instanceof Date ? cell.v : null
    case 's':
      return cell.v === undefined || cell.v === '' ? null : String(cell.v)
    case 'b':
      return !!cell.v
    case 'e':
      return cell.w ? String(cell.w) : null
    default:
      return null
  }
}
