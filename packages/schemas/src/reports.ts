import { Type, type Static } from 'typebox'
import {
  DateSchema,
  IdSchema,
  NonBlank,
  PageQueryProperties,
  PageSchema,
  TimestampSchema,
  UpdatedSinceProperty,
} from './common.js'
import { UnitRefSchema } from './auth.js'
import { REPORT_STATUSES, EXTENSION_STATUSES } from './constants/reports.js'

export const FileSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String(),
    size: Type.Integer(),
    mimeType: Type.String(),
    sha256: Type.String(),
    createdAt: TimestampSchema,
  },
  { $id: 'File' },
)
export type FileInfo = Static<typeof FileSchema>

export const ReportStatusSchema = Type.Enum(REPORT_STATUSES, { $id: 'ReportStatus' })

export const ProgressReportSchema = Type.Object(
  {
    id: IdSchema,
    problemId: IdSchema,
    measureId: Type.Union([IdSchema, Type.Null()]),
    unit: UnitRefSchema,
    /** Dispatch period: `2026-09` (month) or `2026-W37` (ISO week). */
    period: Type.String(),
    done: Type.String(),
    percent: Type.Number(),
    issues: Type.String(),
    nextSteps: Type.String(),
    evidence: Type.Array(FileSchema),
    status: ReportStatusSchema,
    reviewNote: Type.Union([Type.String(), Type.Null()]),
    reviewedAt: Type.Union([TimestampSchema, Type.Null()]),
    /** Long-term problems: each period rated on schedule or behind at review. */
    rating: Type.Union([Type.Enum(['on_schedule', 'behind']), Type.Null()]),
    submittedBy: Type.Union([Type.String(), Type.Null()]),
    /**
     * True when someone submitted it on the unit's behalf: the office (由整改办代为报送: a progress
     * table it imported; `submittedBy` is its clerk) or an API client (`submittedByClient`);
     * `unit` is still the reporting unit.
     */
    submittedOnBehalf: Type.Boolean(),
    /** The API client that submitted it for `unit` (`onBehalfOf`); null otherwise. */
    submittedByClient: Type.Union([
      Type.Object({ id: IdSchema, name: Type.String() }),
      Type.Null(),
    ]),
    version: Type.Integer(),
    createdAt: TimestampSchema,
  },
  { $id: 'ProgressReport' },
)
export type ProgressReport = Static<typeof ProgressReportSchema>

export const PeriodSchema = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\\d|5[0-3]))$',
  maxLength: 8,
})

/**
 * Fields of a new report. Sent as JSON, or as multipart/form-data with these fields plus
 * `evidence` file parts.
 */
export const CreateReportBodySchema = Type.Object(
  {
    measureId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    period: PeriodSchema,
    done: NonBlank(5000),
    percent: Type.Number({ minimum: 0, maximum: 100 }),
    issues: Type.Optional(Type.String({ maxLength: 5000 })),
    nextSteps: Type.Optional(Type.String({ maxLength: 5000 })),
    /** Files uploaded before (POST /files) to attach. */
    evidenceIds: Type.Optional(Type.Array(IdSchema, { maxItems: 20, uniqueItems: true })),
    /**
     * API clients only: the unit this report is for, in the client's subtree (any unit for a
     * city-wide client) and one the problem concerns. Recorded as the client for that unit.
     */
    onBehalfOf: Type.Optional(IdSchema),
  },
  { $id: 'CreateReportBody', additionalProperties: false },
)
export type CreateReportBody = Static<typeof CreateReportBodySchema>

export const ReviewReportBodySchema = Type.Object(
  {
    decision: Type.Enum(['accept', 'return']),
    note: Type.Optional(NonBlank(2000)),
    rating: Type.Optional(Type.Enum(['on_schedule', 'behind'])),
  },
  { $id: 'ReviewReportBody', additionalProperties: false },
)
export type ReviewReportBody = Static<typeof ReviewReportBodySchema>

export const ListReportsQuerySchema = Type.Object(
  {
    problem: Type.Optional(IdSchema),
    status: Type.Optional(ReportStatusSchema),
    unit: Type.Optional(IdSchema),
    period: Type.Optional(PeriodSchema),
    ...UpdatedSinceProperty,
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListReportsQuery = Static<typeof ListReportsQuerySchema>

/** The reports of one problem (`GET /problems/{id}/reports`), newest first. */
export const ListProblemReportsQuerySchema = Type.Object(
  { status: Type.Optional(ReportStatusSchema), ...PageQueryProperties },
  { additionalProperties: false },
)
export type ListProblemReportsQuery = Static<typeof ListProblemReportsQuerySchema>

export const ReportPageSchema = PageSchema(ProgressReportSchema, { $id: 'ReportPage' })
export type ReportPage = Static<typeof ReportPageSchema>

export const ExtensionSchema = Type.Object(
  {
    id: IdSchema,
    problemId: IdSchema,
    measureId: Type.Union([IdSchema, Type.Null()]),
    currentDeadline: DateSchema,
    requestedDeadline: DateSchema,
    reason: Type.String(),
    status: Type.Enum(EXTENSION_STATUSES),
    decisionReason: Type.Union([Type.String(), Type.Null()]),
    requestedBy: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([TimestampSchema, Type.Null()]),
    version: Type.Integer(),
    createdAt: TimestampSchema,
  },
  { $id: 'Extension' },
)
export type Extension = Static<typeof ExtensionSchema>

export const CreateExtensionBodySchema = Type.Object(
  {
    measureId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    requestedDeadline: DateSchema,
    reason: NonBlank(2000),
  },
  { $id: 'CreateExtensionBody', additionalProperties: false },
)
export type CreateExtensionBody = Static<typeof CreateExtensionBodySchema>

export const DecideExtensionBodySchema = Type.Object(
  {
    decision: Type.Enum(['grant', 'deny']),
    reason: NonBlank(2000),
  },
  { $id: 'DecideExtensionBody', additionalProperties: false },
)
export type DecideExtensionBody = Static<typeof DecideExtensionBodySchema>

export const ExtensionListSchema = Type.Object(
  { items: Type.Array(ExtensionSchema) },
  { $id: 'ExtensionList' },
)
export type ExtensionList = Static<typeof ExtensionListSchema>

/** One deadline a grant would move, from → to. */
const DeadlineMoveSchema = Type.Object({ from: DateSchema, to: DateSchema })

/**
 * What granting a request would move, before the office confirms: the problem's deadline (a
 * problem-level request), and each measure due with it (or the one measure asked about) with
 * its milestones not yet done, which shift by as many days.
 */
export const ExtensionEffectSchema = Type.Object(
  {
    problem: Type.Union([DeadlineMoveSchema, Type.Null()]),
    measures: Type.Array(
      Type.Object({
        id: IdSchema,
        seq: Type.Integer(),
        content: Type.String(),
        ...DeadlineMoveSchema.properties,
        milestones: Type.Array(
          Type.Object({ id: IdSchema, name: Type.String(), ...DeadlineMoveSchema.properties }),
        ),
      }),
    ),
  },
  { $id: 'ExtensionEffect' },
)
export type ExtensionEffect = Static<typeof ExtensionEffectSchema>

export { DateSchema }
