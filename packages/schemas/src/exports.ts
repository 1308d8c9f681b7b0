import { Type, type Static } from 'typebox'
import { IdSchema } from './common.js'
import { PeriodSchema } from './reports.js'
import { ListProblemsQuerySchema } from './problems.js'

/*
 * Streamed .xlsx exports (memory flat with size). Each respects the caller's object scope and
 * petition privacy (never a complainant) and writes an audit entry (what, filters, rows).
 * The ledger export takes every filter of GET /problems (ListProblemsQuerySchema minus paging),
 * laid out as cities lay out a 台账, lights as cell colours; it reads back through the problem
 * import (round trip).
 */

/** GET /exports/problems: every filter of the ledger list, without paging (rows in code order). */
export const ExportProblemsQuerySchema = Type.Omit(
  ListProblemsQuerySchema,
  ['limit', 'cursor', 'sort'],
  {
    additionalProperties: false,
  },
)
export type ExportProblemsQuery = Static<typeof ExportProblemsQuerySchema>

export const ExportReportsQuerySchema = Type.Object(
  {
    round: Type.Optional(IdSchema),
    unit: Type.Optional(IdSchema),
    /** The dispatch period (2026-10 or 2026-W42). */
    period: PeriodSchema,
  },
  { additionalProperties: false },
)
export type ExportReportsQuery = Static<typeof ExportReportsQuerySchema>

export const ExportMeasuresQuerySchema = Type.Object(
  { round: Type.Optional(IdSchema), unit: Type.Optional(IdSchema) },
  { additionalProperties: false },
)
export type ExportMeasuresQuery = Static<typeof ExportMeasuresQuerySchema>

export const ExportPetitionsQuerySchema = Type.Object(
  { batch: Type.Optional(IdSchema), round: Type.Optional(IdSchema) },
  { additionalProperties: false },
)
export type ExportPetitionsQuery = Static<typeof ExportPetitionsQuerySchema>

export const ExportAccountabilityQuerySchema = Type.Object(
  {
    unit: Type.Optional(IdSchema),
    from: Type.Optional(Type.String({ format: 'date', maxLength: 10 })),
    to: Type.Optional(Type.String({ format: 'date', maxLength: 10 })),
  },
  { additionalProperties: false },
)
export type ExportAccountabilityQuery = Static<typeof ExportAccountabilityQuerySchema>

/** The dispatch bulletin's editable part: the requirements for the next period (下一步工作要求). */
export const UpdateBulletinBodySchema = Type.Object(
  { requirements: Type.String({ maxLength: 10000 }) },
  { $id: 'UpdateBulletinBody', additionalProperties: false },
)
export type UpdateBulletinBody = Static<typeof UpdateBulletinBodySchema>

export const BulletinSchema = Type.Object(
  {
    periodId: IdSchema,
    requirements: Type.String(),
    /** The summary sentence the bulletin opens with, as it will read. */
    summarySentence: Type.String(),
    version: Type.Integer(),
  },
  { $id: 'Bulletin' },
)
export type Bulletin = Static<typeof BulletinSchema>
