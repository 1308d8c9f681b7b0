import { Type, type Static } from 'typebox'
import { DateSchema, IdSchema, Nullable, ProblemDetailsSchema } from './common.js'
import { UnitRefSchema } from './auth.js'
import { UnitKindSchema } from './units.js'
import { ProblemModeSchema } from './problems.js'
import { ImportCellErrorSchema, ImportCellRefSchema, ImportColumnSchema } from './petitions.js'
import { PROBLEM_IMPORT_FIELDS, COLLECTIVE_KINDS } from './constants/problem-import.js'

/*
 * Importing the problem list (问题清单 / 整改任务表) from an .xlsx in the layout of a
 * rectification plan's task table. Dry run first (nothing written), then all rows in one
 * transaction. Rows are matched to existing problems of the round by code, so importing the
 * ledger export of a round into an empty round reproduces it and importing it again changes
 * nothing.
 */

export type ProblemImportField = (typeof PROBLEM_IMPORT_FIELDS)[number]
export const ProblemImportFieldSchema = Type.Enum(PROBLEM_IMPORT_FIELDS, {
  $id: 'ProblemImportField',
})

export type CollectiveKind = (typeof COLLECTIVE_KINDS)[number]

/**
 * A collective phrase's treatment: `expand` to the units it means, or `collective` — kept as one
 * collective responsibility (the phrase is recorded on the problem) answered by the coordinating
 * unit `coordinatorId`, which takes the phrase's role (lead or co).
 */
export const CollectiveChoiceSchema = Type.Union([
  Type.Object({ action: Type.Literal('expand') }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('collective'), coordinatorId: IdSchema },
    { additionalProperties: false },
  ),
])
export type CollectiveChoice = Static<typeof CollectiveChoiceSchema>

/** An unknown unit name to create (by the office, within the import) under `parentId`. */
export const ImportNewUnitSchema = Type.Object(
  {
    parentId: IdSchema,
    /** Default: from the name and the parent (…县/区 under a city: county; …镇/乡/街道: township; else department). */
    kind: Type.Optional(UnitKindSchema),
  },
  { $id: 'ImportNewUnit', additionalProperties: false },
)

/**
 * Imports an uploaded .xlsx (POST /files first) into a round. `mapping` maps a header (as read,
 * line breaks removed) to a field or null (ignore); chosen mappings are remembered for the next
 * import. `collectives`: a collective phrase (as the dry run shows it) → expand or record as a
 * collective responsibility; `expandCollective` expands every phrase not chosen there.
 * `unitAliases`: an unknown unit name → the unit it means (the dry run suggests the closest).
 * `createUnits`: an unknown unit name → create it under an existing unit, in the commit's
 * transaction (audited). `acknowledge`: the warnings (past deadlines, deadlines before the
 * round's feedback) accepted — `all`, or the sheet rows whose warnings are; a commit with a
 * warning not acknowledged is refused (422).
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
    collectives: Type.Optional(
      Type.Record(Type.String({ maxLength: 200 }), CollectiveChoiceSchema),
    ),
    createUnits: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 100 }), ImportNewUnitSchema),
    ),
    acknowledge: Type.Optional(
      Type.Union([
        Type.Literal('all'),
        Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100_000 }),
      ]),
    ),
  },
  { $id: 'ProblemImportBody', additionalProperties: false },
)
export type ProblemImportBody = Static<typeof ProblemImportBodySchema>

/** What a deadline cell was understood as (kept beside the original text). */
export const ParsedDeadlineSchema = Type.Object(
  {
    text: Type.String(),
    deadline: Nullable(DateSchema),
    mode: ProblemModeSchema,
    /** Several stages in one cell (2024年底前完成……；2025年底前全部完成) become milestones. */
    stages: Type.Array(Type.Object({ deadline: DateSchema, text: Type.String() })),
  },
  { $id: 'ParsedDeadline' },
)
export type ParsedDeadline = Static<typeof ParsedDeadlineSchema>

/** A unit name as written and what it resolved to (or the closest suggestions). */
export const ParsedUnitSchema = Type.Object(
  {
    text: Type.String(),
    role: Type.Enum(['lead', 'co']),
    unit: Nullable(UnitRefSchema),
    /** Collective names (各县（市、区）人民政府, 市直有关单位) that mean several units. */
    collective: Type.Boolean(),
    /** A collective's kind and the units it expands to; null for a unit name. */
    collectiveKind: Nullable(Type.Enum(COLLECTIVE_KINDS)),
    expandsTo: Type.Array(UnitRefSchema),
    /** What was chosen for a collective (null: nothing yet, an error). */
    choice: Nullable(Type.Enum(['expand', 'collective'])),
    /** The coordinating unit of a collective recorded as such. */
    coordinator: Nullable(UnitRefSchema),
    suggestions: Type.Array(UnitRefSchema),
    /** An unknown name the import will create (createUnits): under which unit, of which kind. */
    create: Nullable(Type.Object({ parent: UnitRefSchema, kind: UnitKindSchema })),
  },
  { $id: 'ParsedUnit' },
)
export type ParsedUnit = Static<typeof ParsedUnitSchema>

export const ProblemImportRowSchema = Type.Object(
  {
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
    domain: Type.String(),
    region: Nullable(UnitRefSchema),
    /** Collective responsibilities recorded on the problem (the phrases, 、-joined). */
    collectiveUnits: Type.String(),
    /**
     * What the import assumed rather than read: `domain` guessed from keywords, `region` derived
     * from a county-level lead unit, `deadline` assumed for 立行立改 / 长期坚持 without a date.
     */
    inferred: Type.Array(Type.Enum(['domain', 'region', 'deadline'])),
  },
  { $id: 'ProblemImportRow' },
)
export type ProblemImportRow = Static<typeof ProblemImportRowSchema>

/** Something to acknowledge before a commit: a deadline already past, or before the feedback. */
export const ImportWarningSchema = Type.Object(
  {
    row: Type.Integer({ minimum: 1 }),
    column: Type.String(),
    /** The cell as Excel names it (C12); null for the whole row. */
    cell: Nullable(ImportCellRefSchema),
    code: Type.Enum(['deadline_past', 'before_feedback']),
    message: Type.String(),
    messageEn: Type.String(),
    acknowledged: Type.Boolean(),
  },
  { $id: 'ImportWarning' },
)
export type ImportWarning = Static<typeof ImportWarningSchema>

export const ProblemImportReportSchema = Type.Object(
  {
    dryRun: Type.Boolean(),
    sheet: Type.String(),
    columns: Type.Array(ImportColumnSchema),
    missingFields: Type.Array(Type.String()),
    /** Every row as read: in a dry run and a refused commit; empty once imported (see counts). */
    rows: Type.Array(ProblemImportRowSchema),
    errors: Type.Array(ImportCellErrorSchema),
    warnings: Type.Array(ImportWarningSchema),
    /** Units the commit creates (or created) from createUnits. */
    newUnits: Type.Array(
      Type.Object({ name: Type.String(), parent: UnitRefSchema, kind: UnitKindSchema }),
    ),
    counts: Type.Object({
      tasks: Type.Integer(),
      new: Type.Integer(),
      updated: Type.Integer(),
      unchanged: Type.Integer(),
      errors: Type.Integer(),
      warnings: Type.Integer(),
      /** Warnings not acknowledged: a commit is refused while this is above 0. */
      unacknowledged: Type.Integer(),
      measures: Type.Integer(),
    }),
    imported: Type.Boolean(),
  },
  { $id: 'ProblemImportReport' },
)
export type ProblemImportReport = Static<typeof ProblemImportReportSchema>

/** A refused import commit: problem+json (`unprocessable`) carrying the report; other 422s lack it. */
export const ProblemImportRefusedSchema = Type.Object(
  { ...ProblemDetailsSchema.properties, report: Type.Optional(ProblemImportReportSchema) },
  { $id: 'ProblemImportRefused' },
)
