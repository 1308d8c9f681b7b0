import type { ImportCellError, PetitionImportHandling, UnitRef } from '@rectify/schemas'
import type { petitions } from '../../../db/schema/index.js'
import type { Closure, Parsed, RegionUnit } from './fields.js'
import type { ParsedCase } from './rows.js'

/*
 * A handled disclosure table (the columns cities publish: 是否属实, 调查核实情况, 处理和整改情况,
 * 问责情况, the counts, 是否办结) imported as the case's handling: what a row states, merged with
 * what the case already holds (a blank cell keeps it), and where it lands.
 */

type PetitionRow = typeof petitions.$inferSelect

/** Statuses at which a case carries a report the office has or will review. */
export const REPORTED = ['submitted', 'partly_closed', 'closed']

/** The handling a row states, with the unit it lands on. */
export interface RowHandling extends PetitionImportHandling {
  handlingUnitId: string | null
}

/** The handling's counts (责令整改, 立案处罚, 罚款 万元, 拘留, 约谈, 问责), one field each. */
export const COUNTS = [
  'ordersToRectify',
  'casesFiled',
  'finesWan',
  'detained',
  'talkedTo',
  'heldAccountable',
] as const

/** The closure state a case's status means: reviewed closed or partly closed, else open. */
export function closureOf(status: string): Closure {
  return status === 'closed' || status === 'partly_closed' ? status : 'open'
}

/** What a row's handling makes of the case's status. */
export function statusFor(closure: Closure, before: PetitionRow | undefined): string {
  if (closure !== 'open') return closure
  // Still being handled: a submitted report stays submitted, anything else is with its unit.
  return before?.status === 'submitted' ? 'submitted' : 'handling'
}

export interface HandlingContext {
  /** Matches a 办理单位 cell to units (any active unit). */
  matchUnit: (text: string) => Parsed<RegionUnit[]>
  /** An existing case's unit, for the dry run's echo. */
  unit: (id: string) => UnitRef | null
  /** The column an error names for a field (the sheet's header, else the standard label). */
  columnOf: (field: string, label: string) => string
  /** The cell of a field in a row (C12), or null when the sheet has no such column. */
  cellOf: (field: string, row: number) => string | null
  errors: ImportCellError[]
}

/**
 * The handling a row states, or null when it states none. A row states a handling when it has
 * 处理和整改情况 or says 已办结/阶段办结; 是否属实 or 调查核实情况 alone (a handover sheet's
 * first finding) stay with the row as read. Blank cells take the existing case's value; the
 * closure is the sheet's, else the case's own when it was reported, else 已办结. A closed or
 * partly closed handling needs 是否属实 and 处理和整改情况; every handling needs a unit — the
 * case's own, else the 办理单位 column's, else the row's one region. Errors go to `ctx.errors`
 * and mark the row invalid.
 */
export function rowHandling(
  c: ParsedCase,
  before: PetitionRow | undefined,
  ctx: HandlingContext,
): RowHandling | null {
  if (!c.measures && c.closure !== 'closed' && c.closure !== 'partly_closed') return null
  const error = (field: string, label: string, message: string, messageEn: string) => {
    c.valid = false
    ctx.errors.push({
      row: c.row,
      column: ctx.columnOf(field, label),
      cell: ctx.cellOf(field, c.row),
      message,
      messageEn,
    })
  }
  const reported = !!before && REPORTED.includes(before.status)
  const closure = c.closure ?? (reported ? closureOf(before.status) : 'closed')
  const text = (v: string, old: string | undefined) => v || old || ''
  const h: RowHandling = {
    finding: c.finding ?? ((before?.finding as RowHandling['finding']) || null),
    investigation: text(c.investigation, before?.investigation),
    measures: text(c.measures, before?.measures),
    accountability: text(c.accountability, before?.accountability),
    ordersToRectify: null,
    casesFiled: null,
    finesWan: null,
    detained: null,
    talkedTo: null,
    heldAccountable: null,
    closure,
    handlingUnit: null,
    handlingUnitId: null,
  }
  for (const f of COUNTS) h[f] = c[f] ?? before?.[f] ?? null
  let sheetUnit: RegionUnit | null = null
  if (c.handlingUnitText) {
    const m = ctx.matchUnit(c.handlingUnitText)
    if (!m.ok) error('handlingUnit', '办理单位', m.message, m.messageEn)
    else if (m.value.length > 1)
      error(
        'handlingUnit',
        '办理单位',
        `办理单位只能填写一个单位：“${c.handlingUnitText}”`,
        `One handling unit only: "${c.handlingUnitText}"`,
      )
    else sheetUnit = m.value[0] ?? null
  } else if (c.regions.length === 1) sheetUnit = c.regions[0]!
  // An assigned case keeps its unit: moving a case to another unit is the office's reassignment.
  const own = before?.handlingUnitId ? ctx.unit(before.handlingUnitId) : null
  const unit =
    own ?? (sheetUnit && { id: sheetUnit.id, code: sheetUnit.code, name: sheetUnit.name })
  h.handlingUnit = unit
  h.handlingUnitId = unit?.id ?? null
  if (!unit && c.valid)
    error(
      'handlingUnit',
      '办理单位',
      '已办理的信访件需要办理单位：请增加“办理单位”列，或在行政区域中填写唯一的区县',
      'A handled case needs its handling unit: add a 办理单位 column or one region',
    )
  if (closure !== 'open' && !h.finding)
    error(
      'finding',
      '是否属实',
      '已办结或阶段办结的信访件需要填写是否属实',
      'A closed or partly closed case needs its finding (是否属实)',
    )
  if (closure !== 'open' && !h.measures)
    error(
      'measures',
      '处理和整改情况',
      '已办结或阶段办结的信访件需要填写处理和整改情况',
      'A closed or partly closed case needs its handling and rectification',
    )
  return h
}
