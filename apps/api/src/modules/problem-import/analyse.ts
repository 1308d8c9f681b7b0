import type {
  ImportCellError,
  ImportColumn,
  ImportWarning,
  ParsedDeadline,
  ProblemImportBody,
  ProblemImportField,
  ProblemImportRow,
} from '@rectify/schemas'
import type { DeadlineBase } from './deadline.js'
import { REQUIRED_FIELDS, synonymField } from './fields.js'
import { findHeaderRow, normalizeHeader, type Sheet, type SheetRow } from './sheet.js'
import { readTask } from './task.js'
import { unitMatcher, type UnitCandidate } from './units-parse.js'

/** An existing problem of the round, as the import compares it (matched by code). */
export interface ExistingProblem {
  id: string
  status: string
  title: string
  description: string
  leadUnitId: string
  coUnitIds: string[]
  leader: string
  target: string
  deadline: string
  deadlineText: string
  mode: string
  measures: string[]
  collectiveUnits: string
}

/** What the analysis needs from the database, loaded once. */
export interface ImportContext {
  units: UnitCandidate[]
  byId: Map<string, UnitCandidate>
  counties: UnitCandidate[]
  /** Units the commit will create (createUnits), by name key (and by id): not in `units`. */
  pending: Map<string, UnitCandidate>
  remembered: Map<string, ProblemImportField | null>
  existing: Map<string, ExistingProblem>
  base: DeadlineBase
  today: string
  feedbackDate: string | null
}

/** A task ready to write: the problem's fields and its measures (with their units). */
export interface Task {
  row: ProblemImportRow
  existing: ExistingProblem | null
  title: string
  description: string
  source: string
  nature: string
  domain: string
  regionId: string | null
  /** Collective responsibilities recorded as such (phrases, 、-joined). */
  collectiveUnits: string
  /** Optional fields the sheet has a column for (an update changes only these of them). */
  provided: Set<string>
  mode: string
  deadline: string
  deadlineText: string
  target: string
  leadLeader: { name: string; post: string } | null
  leadUnitId: string
  coUnitIds: string[]
  measures: { content: string; unitId: string }[]
  stages: ParsedDeadline['stages']
}

export interface Analysis {
  sheet: string
  columns: ImportColumn[]
  missingFields: string[]
  rows: ProblemImportRow[]
  errors: ImportCellError[]
  warnings: ImportWarning[]
  tasks: Task[]
}

const err = (row: number, column: string, message: string, messageEn: string): ImportCellError => ({
  row,
  column,
  message,
  messageEn,
})

/** Maps headers to fields: the caller's mapping, then remembered mappings, then synonyms. */
function mapColumns(headers: string[], body: ProblemImportBody, ctx: ImportContext) {
  const given = new Map(Object.entries(body.mapping ?? {}).map(([h, f]) => [normalizeHeader(h), f]))
  const taken = new Set<string>()
  return headers.map((raw, index): ImportColumn => {
    const header = normalizeHeader(raw)
    const synonym = synonymField(header)
    let [field, by]: [string | null, ImportColumn['by']] = given.has(header)
      ? [given.get(header) ?? null, 'mapping']
      : ctx.remembered.has(header)
        ? [ctx.remembered.get(header) ?? null, 'mapping']
        : synonym
          ? [synonym, 'synonym']
          : [null, 'none']
    // Two columns for one field (问题 and 督察反馈问题): the first wins, the rest are ignored.
    if (field && taken.has(field)) [field, by] = [null, 'none']
    if (field) taken.add(field)
    return { index, header, field, by }
  })
}

/** The sheet understood against the database context: rows, errors and tasks to write. */
export function analyse(sheet: Sheet, body: ProblemImportBody, ctx: ImportContext): Analysis {
  const known = (h: string) =>
    synonymField(h) !== null || !!ctx.remembered.get(h) || !!body.mapping?.[h]
  const headerAt = findHeaderRow(sheet.rows, known)
  const empty = { sheet: sheet.name, rows: [], tasks: [], warnings: [] }
  if (headerAt === null)
    return {
      ...empty,
      columns: [],
      missingFields: [...REQUIRED_FIELDS],
      errors: [
        err(
          1,
          '',
          '找不到表头行（如“序号、督察反馈问题、责任单位、整改时限”）',
          'No header row found (e.g. 序号, 督察反馈问题, 责任单位, 整改时限)',
        ),
      ],
    }
  const columns = mapColumns(sheet.rows[headerAt]!.cells, body, ctx)
  const col = new Map<string, number>()
  for (const c of columns) if (c.field) col.set(c.field, c.index)
  const missingFields = REQUIRED_FIELDS.filter(
    (f) => !col.has(f) && !(f === 'units' && col.has('leadUnit')),
  )
  const headerRow = sheet.rows[headerAt]!.rowNo
  if (missingFields.length)
    return {
      ...empty,
      columns,
      missingFields,
      errors: missingFields.map((f) =>
        err(
          headerRow,
          f,
          `缺少必需的列：${f}，请在列映射中指定`,
          `Missing required column: ${f}; map one`,
        ),
      ),
    }
  const groups = group(sheet.rows.slice(headerAt + 1), col)
  const match = unitMatcher(ctx.units)
  const errors: ImportCellError[] = []
  const warnings: ImportWarning[] = []
  const tasks: Task[] = []
  const seen = new Set<string>()
  for (const g of groups) {
    const t = readTask(g, col, columns, body, ctx, match, errors, warnings)
    if (t.row.action !== 'error' && seen.has(t.row.code)) {
      errors.push(
        err(
          t.row.row,
          header(columns, col, 'code'),
          `编号“${t.row.code}”在表中重复`,
          `Code ${t.row.code} appears twice`,
        ),
      )
      t.row.action = 'error'
    }
    seen.add(t.row.code)
    tasks.push(t)
  }
  return {
    sheet: sheet.name,
    columns,
    missingFields: [],
    rows: tasks.map((t) => t.row),
    errors,
    // A row in error is not written: nothing of it to acknowledge.
    warnings: warnings.filter((w) =>
      tasks.some((t) => t.row.row === w.row && t.row.action !== 'error'),
    ),
    tasks,
  }
}

const header = (columns: ImportColumn[], col: Map<string, number>, field: string) =>
  col.has(field) ? columns[col.get(field)!]!.header : field

/**
 * Rows into tasks: a row whose title, code and sequence cells are all blank (merged down or left
 * empty) continues the task above — one row per measure.
 */
function group(rows: SheetRow[], col: Map<string, number>): SheetRow[][] {
  const cell = (r: SheetRow, f: string) => (col.has(f) ? (r.cells[col.get(f)!] ?? '') : '')
  const out: SheetRow[][] = []
  for (const r of rows) {
    const starts = ['title', 'code', 'seq'].some((f) => cell(r, f))
    if (starts || !out.length) out.push([r])
    else out[out.length - 1]!.push(r)
  }
  return out
}
