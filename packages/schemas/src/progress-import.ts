import { Type, type Static } from 'typebox'
import { IdSchema, Nullable, ProblemDetailsSchema } from './common.js'
import { UnitRefSchema } from './auth.js'
import { ProblemRefSchema, type ProblemRef } from './problems.js'
import { ImportCellErrorSchema, ImportColumnSchema } from './petitions.js'
import { PROGRESS_IMPORT_FIELDS, PROGRESS_COMPLETIONS } from './constants/progress-import.js'

/*
 * Importing a monthly progress table (整改进展情况表 / 整改完成情况表) that a unit or an office
 * keeps in Excel: each row becomes a progress report of the row's unit for a dispatch period,
 * submitted by the office on the unit's behalf and reviewed like any other. Dry run first
 * (nothing written): every row's problem is matched by code (反馈问题第12项, 第12项, 12) within
 * the period's round, else by title similarity, and the user confirms or changes each match;
 * the commit writes every report in one transaction, or nothing.
 */

export type ProgressImportField = (typeof PROGRESS_IMPORT_FIELDS)[number]
export const ProgressImportFieldSchema = Type.Enum(PROGRESS_IMPORT_FIELDS, {
  $id: 'ProgressImportField',
})

export type ProgressCompletion = (typeof PROGRESS_COMPLETIONS)[number]

/** The user's choice for one row (keyed by its sheet row number). */
export const ProgressImportRowChoiceSchema = Type.Object(
  {
    /** The problem the row reports on (confirms a title match, or replaces any match). */
    problemId: Type.Optional(IdSchema),
    /** The unit whose report the row is (replaces the 责任单位 cell and the file's unit). */
    unitId: Type.Optional(IdSchema),
    /** Leave the row out of the import. */
    skip: Type.Optional(Type.Boolean()),
  },
  { $id: 'ProgressImportRowChoice', additionalProperties: false },
)
export type ProgressImportRowChoice = Static<typeof ProgressImportRowChoiceSchema>

/**
 * Imports an uploaded workbook (POST /files first) into a dispatch period. `unitId`: the unit of
 * rows without a 责任单位 cell (a county's own table). `rows`: per sheet row, the confirmed or
 * changed problem, the unit, or skip — a title match is imported only once confirmed here.
 * `mapping`: a header (as reported) → field or null (ignore), remembered for the next import.
 */
export const ProgressImportBodySchema = Type.Object(
  {
    fileId: IdSchema,
    dryRun: Type.Optional(Type.Boolean({ default: true })),
    unitId: Type.Optional(Nullable(IdSchema)),
    mapping: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 200 }),
        Type.Union([ProgressImportFieldSchema, Type.Null()]),
        { maxProperties: 100 },
      ),
    ),
    rows: Type.Optional(
      Type.Record(Type.String({ pattern: '^[1-9][0-9]{0,6}$' }), ProgressImportRowChoiceSchema, {
        maxProperties: 5000,
      }),
    ),
  },
  { $id: 'ProgressImportBody', additionalProperties: false },
)
export type ProgressImportBody = Static<typeof ProgressImportBodySchema>

export type ProgressMatchProblem = ProblemRef

/** A problem a row may mean, with the trigram similarity of its title (0–1). */
export const ProgressMatchCandidateSchema = Type.Object(
  {
    ...ProblemRefSchema.properties,
    score: Type.Number(),
  },
  { $id: 'ProgressMatchCandidate' },
)
export type ProgressMatchCandidate = Static<typeof ProgressMatchCandidateSchema>

export const ProgressImportRowSchema = Type.Object(
  {
    row: Type.Integer({ minimum: 1 }),
    /** The cells as written. */
    code: Type.String(),
    title: Type.String(),
    progress: Type.String(),
    completionText: Type.String(),
    deadline: Type.String(),
    unitText: Type.String(),
    completion: Nullable(Type.Enum(PROGRESS_COMPLETIONS)),
    /** The report's percent, and whether it was inferred (已完成 → 100, else the current progress). */
    percent: Nullable(Type.Number()),
    percentInferred: Type.Boolean(),
    /**
     * The problem matched: by `code` (certain), by `title` (similarity `score`, to be confirmed),
     * chosen by the `user`, or `none`. `confirmed`: the commit will use it.
     */
    match: Type.Object({
      problem: Nullable(ProblemRefSchema),
      by: Type.Enum(['code', 'title', 'user', 'none']),
      score: Nullable(Type.Number()),
      confirmed: Type.Boolean(),
    }),
    /** The closest problems by title, best first (the choice offered for a title match or none). */
    candidates: Type.Array(ProgressMatchCandidateSchema),
    unit: Nullable(UnitRefSchema),
    unitBy: Nullable(Type.Enum(['column', 'file', 'user'])),
    /** `report` to submit, `skip` (the user's choice), `duplicate` (already reported), `error`. */
    action: Type.Enum(['report', 'skip', 'duplicate', 'error']),
    /** 已完成: the problem's lead unit is told the unit reports it done and acceptance is due. */
    proposesAcceptance: Type.Boolean(),
  },
  { $id: 'ProgressImportRow' },
)
export type ProgressImportRow = Static<typeof ProgressImportRowSchema>

export const ProgressImportReportSchema = Type.Object(
  {
    dryRun: Type.Boolean(),
    sheet: Type.String(),
    period: Type.Object({ id: IdSchema, period: Type.String(), title: Type.String() }),
    columns: Type.Array(ImportColumnSchema),
    /** Fields no column maps to that a row needs (title or code, progress). */
    missingFields: Type.Array(Type.String()),
    rows: Type.Array(ProgressImportRowSchema),
    errors: Type.Array(ImportCellErrorSchema),
    /** What the user should know but that does not stop the import (a row already reported). */
    warnings: Type.Array(ImportCellErrorSchema),
    counts: Type.Object({
      rows: Type.Integer(),
      reports: Type.Integer(),
      skipped: Type.Integer(),
      duplicates: Type.Integer(),
      unconfirmed: Type.Integer(),
      proposals: Type.Integer(),
      errors: Type.Integer(),
    }),
    /** True when written (dryRun false and no errors); then `reportIds` are the reports made. */
    imported: Type.Boolean(),
    reportIds: Type.Array(IdSchema),
  },
  { $id: 'ProgressImportReport' },
)
export type ProgressImportReport = Static<typeof ProgressImportReportSchema>

/** A refused import commit: problem+json (`unprocessable`) carrying the report; other 422s lack it. */
export const ProgressImportRefusedSchema = Type.Object(
  { ...ProblemDetailsSchema.properties, report: Type.Optional(ProgressImportReportSchema) },
  { $id: 'ProgressImportRefused' },
)
