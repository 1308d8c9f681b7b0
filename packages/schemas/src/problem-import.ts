import { Type, type Static } from 'typebox'
import { DateSchema, IdSchema, Nullable } from './common.js'
import { UnitRefSchema } from './auth.js'
import { ProblemModeSchema } from './problems.js'
import { ImportCellErrorSchema, ImportColumnSchema } from './petitions.js'

/*
 * Importing the problem list (问题清单 / 整改任务表) from an .xlsx in the layout of a
 * rectification plan's task table. Dry run first (nothing written), then all rows in one
 * transaction. Rows are matched to existing problems of the round by code, so importing the
 * ledger export of a round into an empty round reproduces it and importing it again changes
 * nothing.
 */

/** Fields a task-table column can map to. */
export const PROBLEM_IMPORT_FIELDS = [
  'seq',
  'code',
  'title',
  'description',
  'units',
  'leadUnit',
  'coUnits',
  'leadLeader',
  'target',
  'deadline',
  'measures',
  'mode',
  'domain',
  'region',
  'nature',
  'source',
] as const
export type ProblemImportField = (typeof PROBLEM_IMPORT_FIELDS)[number]
export const ProblemImportFieldSchema = Type.Enum(PROBLEM_IMPORT_FIELDS)

/**
 * Imports an uploaded .xlsx (POST /files first) into a round. `mapping` maps a header (as read,
 * line breaks removed) to a field or null (ignore); chosen mappings are remembered for the next
 * import. `expandCollective`: expand 各县（市、区）人民政府 and the like to every county.
 * `unitAliases`: an unknown unit name → the unit it means (the dry run suggests the closest).
 */
export const ProblemImportBodySchema = Type.Object(
  {
    fileId: IdSchema,
    dryRun: Type.Optional(Type.Boolean({ default: true })),
    mapping: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 200 }),
        Type.Union([ProblemImportFieldSchema, Type.Null()]),
      ),
    ),
    expandCollective: Type.Optional(Type.Boolean({ default: false })),
    unitAliases: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), IdSchema)),
  },
  { additionalProperties: false },
)
export type ProblemImportBody = Static<typeof ProblemImportBodySchema>

/** What a deadline cell was understood as (kept beside the original text). */
export const ParsedDeadlineSchema = Type.Object({
  text: Type.String(),
  deadline: Nullable(DateSchema),
  mode: ProblemModeSchema,
  /** Several stages in one cell (2024年底前完成……；2025年底前全部完成) become milestones. */
  stages: Type.Array(Type.Object({ deadline: DateSchema, text: Type.String() })),
})
export type ParsedDeadline = Static<typeof ParsedDeadlineSchema>

/** A unit name as written and what it resolved to (or the closest suggestions). */
export const ParsedUnitSchema = Type.Object({
  text: Type.String(),
  role: Type.Enum(['lead', 'co']),
  unit: Nullable(UnitRefSchema),
  /** Collective names (各县（市、区）人民政府) that expand to several units. */
  collective: Type.Boolean(),
  suggestions: Type.Array(UnitRefSchema),
})
export type ParsedUnit = Static<typeof ParsedUnitSchema>

export const ProblemImportRowSchema = Type.Object({
  /** First sheet row of the task (a task may span merged cells or several rows). */
  row: Type.Integer({ minimum: 1 }),
  rows: Type.Array(Type.Integer({ minimum: 1 })),
  code: Type.String(),
  title: Type.String(),
  action: Type.Enum(['new', 'update', 'unchanged', 'error']),
  deadline: ParsedDeadlineSchema,
  units: Type.Array(ParsedUnitSchema),
  leadLeader: Type.String(),
  target: Type.String(),
  measures: Type.Array(Type.String()),
})
export type ProblemImportRow = Static<typeof ProblemImportRowSchema>

export const ProblemImportReportSchema = Type.Object({
  dryRun: Type.Boolean(),
  sheet: Type.String(),
  columns: Type.Array(ImportColumnSchema),
  missingFields: Type.Array(Type.String()),
  rows: Type.Array(ProblemImportRowSchema),
  errors: Type.Array(ImportCellErrorSchema),
  counts: Type.Object({
    tasks: Type.Integer(),
    new: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    errors: Type.Integer(),
    measures: Type.Integer(),
  }),
  imported: Type.Boolean(),
})
export type ProblemImportReport = Static<typeof ProblemImportReportSchema>
