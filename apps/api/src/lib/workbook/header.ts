import type { ColumnLabels } from './fields.js'
import { normalizeLabel } from './normalize.js'
import type { MergeRange, SheetRow, WorkbookSheet } from './sheet.js'

/**
 * Merged areas as a lookup: the text every cell of a merged area shows (its top-left value),
 * for the header block always and for data rows when the import asks for it.
 */
export class MergeIndex {
  private readonly byRow = new Map<number, MergeRange[]>()
  private readonly rowMap: Map<number, SheetRow>

  constructor(sheet: WorkbookSheet) {
    this.rowMap = new Map(sheet.rows.map((r) => [r.rowNo, r]))
    for (const m of sheet.merges)
      for (let n = m.top; n <= m.bottom; n++) {
        const list = this.byRow.get(n)
        if (list) list.push(m)
        else this.byRow.set(n, [m])
      }
  }

  /** The merged area a cell (1-based row, 0-based column) lies in, or null. */
  at(rowNo: number, index: number): MergeRange | null {
    for (const m of this.byRow.get(rowNo) ?? [])
      if (index + 1 >= m.left && index + 1 <= m.right) return m
    return null
  }

  /** Row numbers a merged area reaches, with a value, that have no cell of their own. */
  coveredRows(): number[] {
    return [...this.byRow.keys()].filter((n) => !this.rowMap.has(n) && this.filled(n).some(Boolean))
  }

  /** The row's cells with every covered cell showing its merged area's value. */
  filled(rowNo: number): string[] {
    const own = this.rowMap.get(rowNo)?.cells ?? []
    const merges = this.byRow.get(rowNo)
    if (!merges) return own
    const out = [...own]
    for (const m of merges) {
      const text = this.rowMap.get(m.top)?.cells[m.left - 1] ?? ''
      if (!text) continue
      for (let c = m.left - 1; c < m.right; c++) {
        while (out.length < c) out.push('')
        if (!out[c]) out[c] = text
      }
    }
    return out
  }
}

/** Where the header block is: Excel row numbers, top to bottom (one to three rows). */
export interface HeaderBlock {
  /** Index into sheet.rows of the block's first row. */
  start: number
  /** Index into sheet.rows of the first row after the block. */
  end: number
  rowNos: number[]
  labels: ColumnLabels[]
}

const SCAN_ROWS = 30
const MAX_HEADER_ROWS = 3

/**
 * Finds the header block: the first row (of the first 30) where at least two labels name known
 * fields — title rows, a 附件 line or a 填报单位 line above it are passed over; the row above it
 * too when it holds group labels over it (two cells or more, one merged across columns or down
 * into it); then the rows under it, up to three in all, that a header cell is merged down into
 * or that name known fields under a group label. Null when no row qualifies.
 */
export function findHeaderBlock(
  sheet: WorkbookSheet,
  merges: MergeIndex,
  known: (label: string) => boolean,
): HeaderBlock | null {
  const rows = sheet.rows
  const labelsOf = (i: number) => merges.filled(rows[i]!.rowNo).map(normalizeLabel)
  const knownCount = (labels: string[]) => new Set(labels.filter((l) => l && known(l))).size
  let start = -1
  for (let i = 0; i < Math.min(rows.length, SCAN_ROWS); i++)
    if (knownCount(labelsOf(i)) >= 2) {
      start = i
      break
    }
  if (start < 0) return null
  const adjacent = (i: number, j: number) =>
    rows[j] && rows[i] && rows[j].rowNo === rows[i].rowNo + 1
  let first = start
  if (start > 0 && adjacent(start - 1, start) && isGroupRow(rows[start - 1]!, rows[start]!, merges))
    first = start - 1
  let last = start
  while (last - first + 1 < MAX_HEADER_ROWS && adjacent(last, last + 1)) {
    const next = rows[last + 1]!
    const above = labelsOf(last)
    const below = labelsOf(last + 1)
    const mergedDown = below.some((_, c) => {
      const m = merges.at(next.rowNo, c)
      return !!m && m.top >= rows[first]!.rowNo && m.top < next.rowNo
    })
    const subLabels = below.some(
      (l, c) =>
        l &&
        l !== above[c] &&
        known(l) &&
        (!above[c] || !known(above[c]!) || isWide(merges.at(rows[last]!.rowNo, c))),
    )
    if (!mergedDown && !subLabels) break
    last++
  }
  const block = rows.slice(first, last + 1).map((r) => merges.filled(r.rowNo).map(normalizeLabel))
  const width = Math.max(...block.map((b) => b.length))
  const labels: ColumnLabels[] = []
  for (let c = 0; c < width; c++) {
    const stack: string[] = []
    for (const b of block) {
      const l = b[c] ?? ''
      if (l && stack.at(-1) !== l) stack.push(l)
    }
    labels.push({ index: c, leaf: stack.at(-1) ?? '', groups: stack.slice(0, -1) })
  }
  return {
    start: first,
    end: last + 1,
    rowNos: rows.slice(first, last + 1).map((r) => r.rowNo),
    labels,
  }
}

const isWide = (m: MergeRange | null) => !!m && m.right > m.left

/** A row of group labels over the header row: two labels or more, one merged across or down. */
function isGroupRow(row: SheetRow, below: SheetRow, merges: MergeIndex): boolean {
  if (row.cells.filter(Boolean).length < 2) return false
  return row.cells.some((text, c) => {
    const m = text ? merges.at(row.rowNo, c) : null
    return !!m && m.top === row.rowNo && (m.right > m.left || m.bottom >= below.rowNo)
  })
}
