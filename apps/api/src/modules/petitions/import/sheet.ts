import ExcelJS from 'exceljs'

/** One non-blank sheet row: its number as Excel shows it and every cell as trimmed text. */
export interface SheetRow {
  rowNo: number
  cells: string[]
}

export interface Sheet {
  name: string
  rows: SheetRow[]
}

/** Thrown when the bytes are not a workbook exceljs can read (the service answers 422). */
export class UnreadableSheetError extends Error {}

/**
 * Reads the first worksheet of an .xlsx into text rows. Every cell becomes a string the way a
 * person reads it in Excel: numbers without exponent or float noise (receipt numbers typed as
 * numbers stay whole, zero-padded when the cell's format pads them), rich text joined, formulas
 * by their result, dates as YYYY-MM-DD. A merged cell's value is repeated in every cell it
 * covers (exceljs answers the master's value), so a region merged down several rows applies to
 * each. Blank rows are left out.
 */
export async function readSheet(buffer: Buffer): Promise<Sheet> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch (err) {
    throw new UnreadableSheetError(err instanceof Error ? err.message : String(err))
  }
  const ws = wb.worksheets[0]
  if (!ws) throw new UnreadableSheetError('the workbook has no worksheet')
  const rows: SheetRow[] = []
  const width = ws.columnCount
  ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells: string[] = []
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)))
    while (cells.length && cells[cells.length - 1] === '') cells.pop()
    if (cells.some((x) => x !== '')) rows.push({ rowNo, cells })
  })
  return { name: ws.name, rows }
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return numberText(v, cell.numFmt)
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object' && 'result' in v) {
    const r = (v as { result?: unknown }).result
    if (typeof r === 'number') return numberText(r, cell.numFmt)
    if (r instanceof Date) return r.toISOString().slice(0, 10)
    return r === undefined || r === null ? '' : String(r as string).trim()
  }
  return (cell.text ?? '').trim()
}

/** 202406020025 stays whole, 0.30000000000000004 reads 0.3, and `0000` formats pad. */
function numberText(n: number, numFmt: string | undefined): string {
  const text = Number.isInteger(n) ? BigInt(n).toString() : String(Number(n.toPrecision(15)))
  const pad = numFmt && /^0+$/.test(numFmt) ? numFmt.length : 0
  return pad && Number.isInteger(n) && n >= 0 ? text.padStart(pad, '0') : text
}

/**
 * A header as the importer compares it: line breaks and every kind of space removed (real
 * sheets wrap 收件\n编号 and pad with full-width spaces), full-width brackets made ASCII (NFKC).
 */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/gu, '')
}

/** Where the table starts: its header row (and a sub-header row under grouped columns). */
export interface HeaderLayout {
  /** Index into `rows` of the header row. */
  headerIndex: number
  /** Index of the first data row. */
  dataIndex: number
  /** One header per column (sub-header text where a grouped header has one). */
  headers: string[]
}

/**
 * Finds the header row: the first row (of the first 30) where at least two cells map to known
 * fields — real sheets have a title row, a "填报单位" line or a blank row above. When the next
 * row names fields under a grouped header (处理情况 over 责令整改(家), 罚款金额(万元) …) its
 * cells become those columns' headers and the data starts below it. Null when no row qualifies.
 */
export function findHeader(
  rows: readonly SheetRow[],
  known: (header: string) => boolean,
): HeaderLayout | null {
  const limit = Math.min(rows.length, 30)
  for (let i = 0; i < limit; i++) {
    const headers = rows[i]!.cells.map(normalizeHeader)
    if (headers.filter((h) => h && known(h)).length < 2) continue
    const next = rows[i + 1]?.cells.map(normalizeHeader) ?? []
    const isSub = next.some((h, c) => h && h !== headers[c] && known(h))
    if (!isSub) return { headerIndex: i, dataIndex: i + 1, headers }
    const width = Math.max(headers.length, next.length)
    const merged = Array.from({ length: width }, (_, c) => {
      const sub = next[c] ?? ''
      return sub && sub !== headers[c] ? sub : (headers[c] ?? '')
    })
    return { headerIndex: i, dataIndex: i + 2, headers: merged }
  }
  return null
}
