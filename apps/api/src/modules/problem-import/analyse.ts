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
import {
  cellRef,
  missingColumnError,
  readTable,
  type TableColumn,
  type TableRecord,
  type WorkbookSheet,
} from '../../lib/workbook/index.js'
import { HEADER_SYNONYMS, REQUIRED_COLUMNS, REQUIRED_FIELDS } from './fields.js'
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

const err = (
  row: number,
  column: string,
  cell: string | null,
  message: string,
  messageEn: string,
): ImportCellError => ({ row, column, cell, message, messageEn })

/**
 * The sheet's table as the workbook reader finds it: title rows, a header of one to three rows
 * (merged group cells: the leaf label names the field), notes rows left out; merged data cells
 * read blank so a task over several rows groups. Fields by the caller's mapping, then mappings
 * remembered, then synonyms; a table with 问题描述 but no title column takes it as the title.
 */
function table(sheet: WorkbookSheet, body: ProblemImportBody, ctx: ImportContext) {
  const t = readTable<ProblemImportField>(sheet, {
    fields: HEADER_SYNONYMS,
    mapping: body.mapping,
    remembered: ctx.remembered,
    merged: 'blank',
  })
  if (!t) return null
  const description = t.columns.find((c) => c.field === 'description' && c.by === 'synonym')
  if (description && !t.columns.some((c) => c.field === 'title')) description.field = 'title'
  return t
}

const toImportColumn = (c: TableColumn<ProblemImportField>): ImportColumn => ({
  index: c.index,
  header: c.header,
  field: c.field,
  by: c.by,
})

/** The sheet understood against the database context: rows, errors and tasks to write. */
export function analyse(
  sheet: WorkbookSheet,
  body: ProblemImportBody,
  ctx: ImportContext,
): Analysis {
  const t = table(sheet, body, ctx)
  const empty = { sheet: sheet.name, rows: [], tasks: [], warnings: [] }
  if (!t)
    return {
      ...empty,
      columns: [],
      missingFields: [...REQUIRED_FIELDS],
      errors: [
        err(
          1,
          '',
          null,
          '找不到表头行（如“序号、督察反馈问题、责任单位、整改时限”）',
          'No header row found (e.g. 序号, 督察反馈问题, 责任单位, 整改时限)',
        ),
      ],
    }
  const columns = t.columns.map(toImportColumn)
  const col = new Map<string, number>()
  for (const c of columns) if (c.field) col.set(c.field, c.index)
  const missingFields = REQUIRED_FIELDS.filter(
    (f) => !col.has(f) && !(f === 'units' && col.has('leadUnit')),
  )
  const headerRow = t.headerRows[0]!
  if (missingFields.length)
    return {
      ...empty,
      columns,
      missingFields,
      errors: missingFields.map((f) => missingColumnError(headerRow, REQUIRED_COLUMNS[f])),
    }
  const groups = group(t.records, col)
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
          header(columns, col, col.has('code') ? 'code' : 'seq'),
          cellRef(t.row.row, col.get('code') ?? col.get('seq') ?? 0),
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
  columns.find((c) => c.index === col.get(field))?.header ?? field

/**
 * Rows into tasks: a row whose title, code and sequence cells are all blank (merged down or left
 * empty) continues the task above — one row per measure.
 */
function group(rows: TableRecord[], col: Map<string, number>): TableRecord[][] {
  const cell = (r: TableRecord, f: string) => (col.has(f) ? (r.cells[col.get(f)!] ?? '') : '')
  const out: TableRecord[][] = []
  for (const r of rows) {
    const starts = ['title', 'code', 'seq'].some((f) => cell(r, f))
    if (starts || !out.length) out.push([r])
    else out[out.length - 1]!.push(r)
  }
  return out
}
