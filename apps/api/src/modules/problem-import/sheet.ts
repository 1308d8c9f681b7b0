import ExcelJS from 'exceljs'

/**
 * Reading a task table's first sheet. Unlike a flat list, a task table spreads one task over
 * several rows (one per measure) with the task's cells merged down or left blank, so a merged
 * cell's value is read in its first (master) cell only and the cells it covers read blank: the
 * grouping (tasks.ts) then treats merged and blank alike.
 */
export interface SheetRow {
  rowNo: number
  cells: string[]
}

export interface Sheet {
  name: string
  rows: SheetRow[]
}

/** The bytes are not a workbook exceljs can read (the service answers 422). */
export class UnreadableSheetError extends Error {}

/** The first worksheet as text rows (blank rows left out), merged cells read once. */
export async function readTaskSheet(buffer: Buffer): Promise<Sheet> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch (err) {
    throw new UnreadableSheetError(err instanceof Error ? err.message : String(err))
  }
  const ws = wb.worksheets[0]
  if (!ws) throw new UnreadableSheetError('the workbook has no worksheet')
  const rows: SheetRow[] = []
  const width = Math.min(ws.columnCount, 100)
  ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells: string[] = []
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c)
      cells.push(cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell))
    }
    while (cells.length && cells[cells.length - 1] === '') cells.pop()
    if (cells.length) rows.push({ rowNo, cells })
  })
  return { name: ws.name, rows }
}

/** Dates as an Excel date cell shows them to a Chinese reader: 2023年6月30日. */
function dateText(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'number')
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)))
  if (v instanceof Date) return dateText(v)
  if (typeof v === 'object' && 'result' in v) {
    const r = (v as { result?: unknown }).result
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

/**
 * A header as compared: NFKC (full-width brackets and digits made ASCII), every space and line
 * break removed (整改\n时限 → 整改时限).
 */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/gu, '')
}

/**
 * The header row: the first of the first 30 rows where at least two cells name known fields
 * (published plans put a title, a 附件 line and a blank row above it). Null when none does.
 */
export function findHeaderRow(
  rows: readonly SheetRow[],
  known: (header: string) => boolean,
): number | null {
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const hits = rows[i]!.cells.filter((c) => c && known(normalizeHeader(c))).length
    if (hits >= 2) return i
  }
  return null
}
