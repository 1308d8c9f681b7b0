import { cellRef } from './cells.js'
import {
  fieldMatcher,
  mapColumns,
  type FieldDictionary,
  type FieldMapping,
  type TableColumn,
} from './fields.js'
import { findHeaderBlock, MergeIndex } from './header.js'
import { normalizeLabel } from './normalize.js'
import type { SheetRow, WorkbookSheet } from './sheet.js'

export interface TableOptions<F extends string> {
  /** The import's own field dictionary (synonyms by field). */
  fields: FieldDictionary<F>
  /** The user's mapping of headers (as reported) to fields; null ignores a column. */
  mapping?: FieldMapping<F>
  /** Choices remembered from earlier imports (import_mappings), keyed by header. */
  remembered?: ReadonlyMap<string, F | null>
  /**
   * Data cells covered by a merged area: `fill` repeats the area's value in each (a region
   * merged down several cases applies to each), `blank` leaves them empty so a task spread over
   * merged rows can be grouped (the problem list). Header cells are always filled.
   */
  merged?: 'fill' | 'blank'
}

/** One data row: its Excel row number and its cells, column A first (0-based like columns). */
export interface TableRecord {
  rowNo: number
  cells: string[]
}

/** A row that is neither header nor data, and why it was passed over. */
export interface SkippedRow {
  rowNo: number
  kind: 'note' | 'total' | 'section' | 'header' | 'column_numbers'
  text: string
}

export interface Table<F extends string> {
  sheet: string
  format: WorkbookSheet['format']
  /** Rows above the header block (the title, 附件1, 填报单位 …). */
  titleRows: SheetRow[]
  /** Excel row numbers of the header block (one to three rows). */
  headerRows: number[]
  /** Every labelled column, mapped or not (unknown ones have field null, by `none`). */
  columns: TableColumn<F>[]
  records: TableRecord[]
  skipped: SkippedRow[]
}

/** Notes under a table: 填表说明, 备注：…, 注：…, 制表人, 审核人, 联系电话 … (normalised text). */
const NOTE =
  /^(?:(?:填表说明|填报说明|填表须知|填报须知|制表人|填表人|填报人|审核人|审核人员|联系电话|单位负责人|分管领导|签发人|报送单位|报送日期|填报日期|制表日期)|(?:备注|附注|说明|注\d*|审核|联系人|负责人|制表|日期)(?::|$))/u
/** Totals (合计, 总计 …): never a record, but the table goes on after a 小计. */
const TOTAL = /^(?:合计|总计|小计|共计)(?::|$|\d)/u
/** A row of column numbers under the header: 1 2 3 … or (1) (2) (3) …. */
const COLUMN_NO = /^\(?(\d{1,3})\)?$/u

/**
 * Reads a sheet as a table: finds the header block (findHeaderBlock), maps its columns with the
 * import's dictionary and the user's mappings (mapColumns), and returns the data rows between it
 * and the notes below. A header row is never a record (nor a header repeated further down), a
 * notes row ends the table, totals and section rows (one value merged across the table:
 * 一、大气污染问题) are passed over and listed in `skipped`. Null when no header is found.
 */
export function readTable<F extends string>(
  sheet: WorkbookSheet,
  opts: TableOptions<F>,
): Table<F> | null {
  const match = fieldMatcher(opts.fields)
  const given = new Set(Object.keys(opts.mapping ?? {}).map(normalizeLabel))
  const known = (label: string) =>
    match(label) !== null || given.has(label) || !!opts.remembered?.get(label)
  const merges = new MergeIndex(sheet)
  const block = findHeaderBlock(sheet, merges, known)
  if (!block) return null
  const columns = mapColumns(block.labels, {
    match,
    mapping: opts.mapping,
    remembered: opts.remembered,
  })
  const fill = (opts.merged ?? 'fill') === 'fill'
  const lastHeader = block.rowNos.at(-1)!
  let data: SheetRow[] = sheet.rows.slice(block.end)
  if (fill) {
    const extra = merges
      .coveredRows()
      .filter((n) => n > lastHeader)
      .map((rowNo) => ({ rowNo, cells: [] as string[] }))
    if (extra.length) data = [...data, ...extra].sort((a, b) => a.rowNo - b.rowNo)
  }
  const width = Math.max(0, ...columns.map((c) => c.index + 1))
  const leaves = columns
    .filter((c) => c.field)
    .map((c) => ({ index: c.index, leaf: c.header.split('/').at(-1)! }))
  const label = labelMemo()
  const records: TableRecord[] = []
  const skipped: SkippedRow[] = []
  let ended = false
  for (const [i, row] of data.entries()) {
    const raw = row.cells.filter(Boolean)
    const text = raw.join(' ')
    const cells = (fill ? merges.filled(row.rowNo) : row.cells).slice(0, width)
    if (!cells.some(Boolean)) continue
    const first = normalizeLabel(raw[0] ?? cells.find(Boolean) ?? '')
    const kind: SkippedRow['kind'] | null = ended
      ? 'note'
      : NOTE.test(first)
        ? 'note'
        : TOTAL.test(first)
          ? 'total'
          : i === 0 && isColumnNumbers(cells)
            ? 'column_numbers'
            : isSection(row, merges, width)
              ? 'section'
              : repeatsHeader(cells, leaves, label)
                ? 'header'
                : null
    if (kind === 'note') ended = true
    if (kind) skipped.push({ rowNo: row.rowNo, kind, text })
    else records.push({ rowNo: row.rowNo, cells })
  }
  return {
    sheet: sheet.name,
    format: sheet.format,
    titleRows: sheet.rows.slice(0, block.start),
    headerRows: block.rowNos,
    columns,
    records,
    skipped,
  }
}

function isColumnNumbers(cells: string[]): boolean {
  const nums = cells.filter(Boolean).map((c) => COLUMN_NO.exec(c.normalize('NFKC'))?.[1])
  if (nums.length < 3 || nums.some((n) => n === undefined)) return false
  return nums.every((n, k) => k === 0 || Number(n) === Number(nums[k - 1]) + 1)
}

/** One value merged across at least half the table (and three columns): a section heading. */
function isSection(row: SheetRow, merges: MergeIndex, width: number): boolean {
  const at = row.cells.flatMap((c, k) => (c ? [k] : []))
  if (at.length !== 1) return false
  const m = merges.at(row.rowNo, at[0]!)
  return !!m && m.right - m.left + 1 >= Math.max(3, Math.ceil(width / 2))
}

/**
 * The header printed again further down (a sheet pasted from several pages). `leaves` are the
 * mapped columns' leaf labels; `label` is normalizeLabel, remembered for short cells (a table's
 * units, deadlines and leaders repeat row after row).
 */
function repeatsHeader(
  cells: string[],
  leaves: { index: number; leaf: string }[],
  label: (v: string) => string,
): boolean {
  let same = 0
  for (const c of leaves) {
    const v = cells[c.index]
    // A long cell (a complaint, a measure) is never its column's label: normalising only drops
    // spaces, so it cannot shrink to the label's length unless it is mostly spaces.
    const most = 3 * c.leaf.length + 8
    if (!v || (v.length > most && squeezed(v) > most)) continue
    if (label(v) === c.leaf) same++
  }
  return same >= 2
}

/** A text's length without spaces and line breaks. */
const squeezed = (v: string) => v.replace(/[\s\u3000]+/gu, '').length

/** normalizeLabel remembered for cells up to 100 characters (longer ones are rarely repeated). */
function labelMemo(): (v: string) => string {
  const seen = new Map<string, string>()
  return (v) => {
    if (v.length > 100) return normalizeLabel(v)
    let out = seen.get(v)
    if (out === undefined) seen.set(v, (out = normalizeLabel(v)))
    return out
  }
}

/** The value of a record's column for a field ('' when the table has no such column). */
export function fieldValue<F extends string>(
  record: TableRecord,
  columns: readonly TableColumn<F>[],
  field: F,
): string {
  const c = columns.find((x) => x.field === field)
  return c ? (record.cells[c.index] ?? '').trim() : ''
}

/** Where a record's field sits, as Excel names the cell (C12), or null without such a column. */
export function fieldCell<F extends string>(
  record: TableRecord,
  columns: readonly TableColumn<F>[],
  field: F,
): string | null {
  const c = columns.find((x) => x.field === field)
  return c ? cellRef(record.rowNo, c.index) : null
}
