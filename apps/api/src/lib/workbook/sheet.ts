/**
 * The in-memory sheet every reader produces, whatever the file format: the non-blank rows with
 * each cell as the text a person reads in Excel, and the merged areas. A merged area's value
 * sits in its first (top-left) cell only; the table reader decides whether the other cells read
 * blank or repeat it.
 */
export interface SheetRow {
  /** The row number as Excel shows it (1-based). */
  rowNo: number
  /** Column A first; trailing blanks cut. */
  cells: string[]
}

/** A merged area, 1-based and inclusive, as Excel numbers rows and columns. */
export interface MergeRange {
  top: number
  left: number
  bottom: number
  right: number
}

export interface WorkbookSheet {
  name: string
  /** What the file was: OOXML (.xlsx) or BIFF (.xls, Excel 97–2003). */
  format: 'xlsx' | 'xls'
  rows: SheetRow[]
  merges: MergeRange[]
}

/** Dates as an Excel date cell shows them to a Chinese reader: 2023年6月30日. */
export function dateText(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/**
 * A number as Excel shows it in a General cell: 202406020025 stays whole (no exponent),
 * 0.30000000000000004 reads 0.3, and a `0000` format pads (receipt numbers typed as numbers).
 */
export function numberText(n: number, numFmt: string | undefined): string {
  if (!Number.isFinite(n)) return ''
  const whole = Number.isInteger(n) && Math.abs(n) < 1e21
  const text = whole ? BigInt(n).toString() : String(Number(n.toPrecision(15)))
  const pad = numFmt && /^0+$/.test(numFmt) ? numFmt.length : 0
  return pad && whole && n >= 0 ? text.padStart(pad, '0') : text
}

/** Cuts trailing blank cells; null when the row is blank. */
export function trimRow(cells: string[]): string[] | null {
  let end = cells.length
  while (end > 0 && cells[end - 1] === '') end--
  return end ? (end === cells.length ? cells : cells.slice(0, end)) : null
}
