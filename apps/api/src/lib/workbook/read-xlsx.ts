import ExcelJS from 'exceljs'
import { refuse, type WorkbookLimits } from './limits.js'
import { dateText, numberText, trimRow, type MergeRange, type WorkbookSheet } from './sheet.js'

/**
 * The first worksheet of an .xlsx that inspectXlsx has passed, through exceljs. Every cell
 * becomes its text: numbers without float noise, dates as 2023年6月30日, formulas by their
 * result, rich text joined. A merged area's value is kept in its top-left cell only.
 */
export async function readXlsxSheet(
  buffer: Buffer,
  limits: WorkbookLimits,
): Promise<WorkbookSheet> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch (err) {
    throw refuse.unreadable(err instanceof Error ? err.message : String(err))
  }
  const ws = wb.worksheets[0]
  if (!ws) throw refuse.noSheet()
  const rows: WorkbookSheet['rows'] = []
  const merges = new Map<string, MergeRange>()
  ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
    if (rowNo > limits.maxRows) throw refuse.tooManyRows(rowNo, limits.maxRows)
    const cells: string[] = []
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged && cell.master.address !== cell.address) {
        // A merged area is rectangular: its covered cells give its extent.
        const m = cell.master
        const r = merges.get(m.address)
        const top = Number(m.row)
        const left = Number(m.col)
        if (!r) merges.set(m.address, { top, left, bottom: rowNo, right: col })
        else {
          r.bottom = Math.max(r.bottom, rowNo)
          r.right = Math.max(r.right, col)
        }
        return
      }
      const text = cellText(cell)
      if (!text) return
      if (col > limits.maxColumns) throw refuse.tooManyColumns(col, limits.maxColumns)
      while (cells.length < col - 1) cells.push('')
      cells[col - 1] = text
    })
    const trimmed = trimRow(cells)
    if (trimmed) rows.push({ rowNo, cells: trimmed })
  })
  return { name: ws.name, format: 'xlsx', rows, merges: [...merges.values()] }
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return numberText(v, cell.numFmt)
  if (v instanceof Date) return dateText(v)
  if (typeof v === 'object' && 'result' in v) {
    const r = (v as { result?: unknown }).result
    if (typeof r === 'number') return numberText(r, cell.numFmt)
    if (r instanceof Date) return dateText(r)
    return r === undefined || r === null ? '' : String(r as string).trim()
  }
  if (typeof v === 'object' && 'richText' in v)
    return (v as ExcelJS.CellRichTextValue).richText
      .map((t) => t.text)
      .join('')
      .trim()
  return (cell.text ?? '').trim()
}
