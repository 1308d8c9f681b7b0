import * as XLSX from '@e965/xlsx'
import { parseRange } from './cells.js'
import { refuse, type WorkbookLimits } from './limits.js'
import { dateText, numberText, trimRow, type WorkbookSheet } from './sheet.js'

/** The part of SheetJS's bundled compound-file reader used here (its types say `any`). */
interface CfbEntry {
  size?: number
  content?: { length: number }
}
const cfbApi = XLSX.CFB as {
  read(data: Buffer, opts: { type: 'buffer' }): unknown
  find(container: unknown, path: string): CfbEntry | null
}

/**
 * The first worksheet of an .xls (Excel 97–2003, BIFF in an OLE compound file) through SheetJS
 * (@e965/xlsx republishes the maintained SheetJS releases on npm; the `xlsx` package there is a
 * stale 0.18.5 with known CVEs). The compound file's directory is read first: the workbook
 * stream must exist and stay under the size limit; the sheet's declared range and its rows are
 * held to the row and column limits (SheetJS stops reading at `sheetRows`). Cells become text
 * exactly as the .xlsx reader makes it, merged areas are kept.
 */
export function readXlsSheet(buffer: Buffer, limits: WorkbookLimits): WorkbookSheet {
  let cfb: unknown
  try {
    cfb = cfbApi.read(buffer, { type: 'buffer' })
  } catch (err) {
    throw refuse.unreadable(err instanceof Error ? err.message : String(err))
  }
  const stream = (name: string) => cfbApi.find(cfb, name)
  const book = stream('Workbook') ?? stream('Book')
  if (!book) {
    if (stream('EncryptedPackage'))
      throw refuse.unreadable('工作簿设有打开密码 / the workbook is password-protected')
    const what = stream('WordDocument') ? ['该 Word/WPS 文档', 'This Word/WPS document'] : null
    throw refuse.format(what?.[0] ?? '该文件', what?.[1] ?? 'This file')
  }
  const size = book.size ?? book.content?.length ?? 0
  if (size > limits.maxUncompressedBytes) throw refuse.tooLarge(limits.maxUncompressedBytes)

  let wb: XLSX.WorkBook
  try {
    wb = XLSX.read(buffer, {
      type: 'buffer',
      dense: true,
      cellDates: true,
      cellNF: true,
      cellHTML: false,
      cellFormula: false,
      sheets: 0,
      sheetRows: limits.maxRows + 1,
      UTC: true,
    })
  } catch (err) {
    throw refuse.unreadable(err instanceof Error ? err.message : String(err))
  }
  const name = wb.SheetNames[0]
  const ws = name ? wb.Sheets[name] : undefined
  if (!name || !ws) throw refuse.noSheet()
  const declared = parseRange(String(ws['!fullref'] ?? ws['!ref'] ?? 'A1'))
  if (declared && declared.bottom > limits.maxRows)
    throw refuse.tooManyRows(declared.bottom, limits.maxRows)
  if (declared && declared.right > limits.maxColumns)
    throw refuse.tooManyColumns(declared.right, limits.maxColumns)

  const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][]
  const rows: WorkbookSheet['rows'] = []
  data.forEach((row, r) => {
    if (!row) return
    const cells: string[] = []
    row.forEach((cell, c) => {
      const text = cell ? cellText(cell) : ''
      if (!text) return
      while (cells.length < c) cells.push('')
      cells[c] = text
    })
    const trimmed = trimRow(cells)
    if (trimmed) rows.push({ rowNo: r + 1, cells: trimmed })
  })
  const merges = (ws['!merges'] ?? []).map((m) => ({
    top: m.s.r + 1,
    left: m.s.c + 1,
    bottom: m.e.r + 1,
    right: m.e.c + 1,
  }))
  // Only the master keeps the value (some writers repeat it in covered cells).
  const byNo = new Map(rows.map((r) => [r.rowNo, r]))
  for (const m of merges)
    for (let n = m.top; n <= m.bottom; n++) {
      const row = byNo.get(n)
      if (!row) continue
      for (let c = m.left; c <= m.right && c <= row.cells.length; c++)
        if (n !== m.top || c !== m.left) row.cells[c - 1] = ''
    }
  const kept = rows.flatMap((r) => {
    const cells = trimRow(r.cells)
    return cells ? [{ rowNo: r.rowNo, cells }] : []
  })
  return { name, format: 'xls', rows: kept, merges }
}

function cellText(cell: XLSX.CellObject): string {
  switch (cell.t) {
    case 'n':
      return numberText(cell.v as number, typeof cell.z === 'string' ? cell.z : undefined)
    case 'd':
      return cell.v instanceof Date ? dateText(cell.v) : String(cell.w ?? '').trim()
    case 's':
      return String(cell.v ?? '').trim()
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE'
    case 'e':
      return String(cell.w ?? '').trim()
    default:
      return ''
  }
}
