import { Type, type Static } from 'typebox'
import {
  DateSchema,
  EstimatedPageSchema,
  IdSchema,
  NonBlank,
  PageQueryProperties,
  PageSchema,
  TimestampSchema,
} from './common.js'
import {
  CreateProblemBodySchema,
  LightSchema,
  OutcomeSchema,
  ProblemDomainSchema,
} from './problems.js'
import { MeasureStatusSchema } from './measures.js'
import { ProblemModeSchema, ProblemStatusSchema } from './problems.js'
import { FileSchema } from './reports.js'
import { REPORTER_TYPES, PUBLIC_REPORT_STATUSES, OBJECTION_RULINGS } from './constants/public.js'

/*
 * The public board (no login, `/api/v1/public/*`) and public reports (群众/代表/媒体监督).
 * Public schemas are allow-lists: only what is meant for the public is in them — never a
 * person's phone, internal review notes, returned reasons, or an unpublished problem.
 */

/** A published problem as the public sees it (units by name only, no persons). */
export const PublicProblemSchema = Type.Object(
  {
    id: IdSchema,
    code: Type.String(),
    title: Type.String(),
    domain: ProblemDomainSchema,
    region: Type.Union([Type.String(), Type.Null()]),
    leadUnit: Type.String(),
    coUnits: Type.Array(Type.String()),
    mode: ProblemModeSchema,
    deadline: DateSchema,
    /** The first deadline, kept when an extension moved it (shown beside the new one). */
    originalDeadline: Type.Union([DateSchema, Type.Null()]),
    status: ProblemStatusSchema,
    light: LightSchema,
    /** Progress from the latest accepted report, 0–100. */
    progress: Type.Number(),
    outcome: Type.Union([OutcomeSchema, Type.Null()]),
    closedOn: Type.Union([DateSchema, Type.Null()]),
    updatedAt: TimestampSchema,
  },
  { $id: 'PublicProblem' },
)
export type PublicProblem = Static<typeof PublicProblemSchema>

/** A close-out notice as published (公示). */
export const PublicNoticeSchema = Type.Object(
  {
    publicityId: IdSchema,
    notice: Type.String(),
    startDate: DateSchema,
    endDate: DateSchema,
    /**
     * Where the 公示期 stands today (Asia/Shanghai, start and end days included): `upcoming`
     * before the start day, `running` within the period, `ended` after the end day (公示已结束).
     */
    phase: Type.Enum(['upcoming', 'running', 'ended']),
    /** True while objections are taken: the notice stands and its period is running. */
    open: Type.Boolean(),
  },
  { $id: 'PublicNotice' },
)
export type PublicNotice = Static<typeof PublicNoticeSchema>

export const PublicProblemDetailSchema = Type.Object(
  {
    problem: PublicProblemSchema,
    description: Type.String(),
    target: Type.String(),
    measures: Type.Array(
      Type.Object({
        seq: Type.Integer(),
        content: Type.String(),
        unit: Type.String(),
        deadline: DateSchema,
        status: MeasureStatusSchema,
        percent: Type.Number(),
      }),
    ),
    /** Accepted progress over time: one point per reviewed report. */
    progress: Type.Array(
      Type.Object({ period: Type.String(), percent: Type.Number(), date: DateSchema }),
    ),
    /** The latest close-out notice, if one was published. */
    notice: Type.Union([PublicNoticeSchema, Type.Null()]),
  },
  { $id: 'PublicProblemDetail' },
)
export type PublicProblemDetail = Static<typeof PublicProblemDetailSchema>

export const ListPublicProblemsQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    status: Type.Optional(ProblemStatusSchema),
    domain: Type.Optional(ProblemDomainSchema),
    region: Type.Optional(IdSchema),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListPublicProblemsQuery = Static<typeof ListPublicProblemsQuerySchema>
/**
 * A page of the board. `total` is exact up to a threshold (10,000, or 1,000 with a search text
 * `q`) and the planner's estimate above it, which `totalIsEstimate` says ("约 N 个问题").
 */
export const PublicProblemPageSchema = EstimatedPageSchema(PublicProblemSchema, {
  $id: 'PublicProblemPage',
})
export type PublicProblemPage = Static<typeof PublicProblemPageSchema>

/** Notices in publicity now, with their problems: where the objection form is offered. */
export const PublicNoticeListSchema = Type.Object(
  {
    items: Type.Array(Type.Object({ problem: PublicProblemSchema, notice: PublicNoticeSchema })),
  },
  { $id: 'PublicNoticeList' },
)
export type PublicNoticeList = Static<typeof PublicNoticeListSchema>

/** Regions (counties) with published problems, for the board's filter. */
export const PublicRegionListSchema = Type.Object(
  {
    items: Type.Array(Type.Object({ id: IdSchema, name: Type.String(), count: Type.Integer() })),
  },
  { $id: 'PublicRegionList' },
)
export type PublicRegionList = Static<typeof PublicRegionListSchema>

// ── Abuse control with no outside service: a proof-of-work challenge

/**
 * Find a `nonce` (decimal string) such that SHA-256(`salt` + `nonce`) starts with `difficulty`
 * zero bits; send it back with the `token`. Each solved challenge is good for one submission
 * before `expiresAt`.
 */
export const ChallengeSchema = Type.Object(
  {
    token: Type.String(),
    salt: Type.String(),
    difficulty: Type.Integer(),
    expiresAt: TimestampSchema,
  },
  { $id: 'Challenge' },
)
export type Challenge = Static<typeof ChallengeSchema>

export const ChallengeAnswerSchema = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 500 }),
    nonce: Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9]+$' }),
  },
  { $id: 'ChallengeAnswer', additionalProperties: false },
)
export type ChallengeAnswer = Static<typeof ChallengeAnswerSchema>

// ── Public reports

export const ReporterTypeSchema = Type.Enum(REPORTER_TYPES, { $id: 'ReporterType' })

/** Photos a report carries: files uploaded through POST /public/files, each with its token. */
export const PublicPhotosSchema = Type.Array(
  Type.Object(
    { id: IdSchema, token: Type.String({ minLength: 1, maxLength: 200 }) },
    { additionalProperties: false },
  ),
  { maxItems: 6 },
)

/** A photo uploaded on the public board: `token` proves the uploader holds it. */
export const PublicUploadSchema = Type.Object(
  {
    id: IdSchema,
    token: Type.String(),
    name: Type.String(),
    size: Type.Integer(),
    mimeType: Type.String(),
  },
  { $id: 'PublicUpload' },
)
export type PublicUpload = Static<typeof PublicUploadSchema>

export const SubmitPublicReportBodySchema = Type.Object(
  {
    reporterType: ReporterTypeSchema,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    contact: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    content: NonBlank(5000, 5),
    /** A published problem the report concerns. */
    problemId: Type.Optional(IdSchema),
    /** An objection to the problem's close-out notice (the problem must be in publicity). */
    objection: Type.Optional(Type.Boolean()),
    photos: Type.Optional(PublicPhotosSchema),
    challenge: ChallengeAnswerSchema,
  },
  { $id: 'SubmitPublicReportBody', additionalProperties: false },
)
export type SubmitPublicReportBody = Static<typeof SubmitPublicReportBodySchema>

export const PublicReportReceiptSchema = Type.Object(
  {
    trackingCode: Type.String(),
    createdAt: TimestampSchema,
  },
  { $id: 'PublicReportReceipt' },
)
export type PublicReportReceipt = Static<typeof PublicReportReceiptSchema>

/** What a reporter sees with the tracking code: status and the office's public reply only. */
export const PublicReportStatusSchema = Type.Object(
  {
    trackingCode: Type.String(),
    createdAt: TimestampSchema,
    status: Type.Enum(['received', 'in_handling', 'replied']),
    reply: Type.Union([Type.String(), Type.Null()]),
    repliedAt: Type.Union([TimestampSchema, Type.Null()]),
    problem: Type.Union([Type.Object({ code: Type.String(), title: Type.String() }), Type.Null()]),
  },
  { $id: 'PublicReportStatus' },
)
export type PublicReportStatus = Static<typeof PublicReportStatusSchema>

export const TrackingParamsSchema = Type.Object(
  { code: Type.String({ minLength: 6, maxLength: 20, pattern: '^[A-Z0-9]+$' }) },
  { additionalProperties: false },
)

// ── The office's side: triage and objection rulings

export const PublicReportStatusEnum = Type.Enum(PUBLIC_REPORT_STATUSES)

export const PublicReportSchema = Type.Object(
  {
    id: IdSchema,
    trackingCode: Type.String(),
    reporterType: ReporterTypeSchema,
    /** Name and contact: the office only (null for every other reader). */
    name: Type.Union([Type.String(), Type.Null()]),
    contact: Type.Union([Type.String(), Type.Null()]),
    content: Type.String(),
    problem: Type.Union([
      Type.Object({ id: IdSchema, code: Type.String(), title: Type.String() }),
      Type.Null(),
    ]),
    status: PublicReportStatusEnum,
    /** Set for objections to a close-out notice. */
    publicityId: Type.Union([IdSchema, Type.Null()]),
    ruling: Type.Union([Type.Enum(OBJECTION_RULINGS), Type.Null()]),
    rulingReason: Type.Union([Type.String(), Type.Null()]),
    reply: Type.Union([Type.String(), Type.Null()]),
    repliedAt: Type.Union([TimestampSchema, Type.Null()]),
    /** The problem opened from this report (source `public_report`). */
    createdProblemId: Type.Union([IdSchema, Type.Null()]),
    photos: Type.Array(FileSchema),
    /** Sent by a hotline (`reports:intake`): the API client, its ticket number and the place. */
    intake: Type.Union([
      Type.Object({
        clientId: IdSchema,
        externalId: Type.String(),
        addressString: Type.Union([Type.String(), Type.Null()]),
        lat: Type.Union([Type.Number(), Type.Null()]),
        long: Type.Union([Type.Number(), Type.Null()]),
      }),
      Type.Null(),
    ]),
    createdAt: TimestampSchema,
    version: Type.Integer(),
  },
  { $id: 'PublicReport' },
)
export type PublicReport = Static<typeof PublicReportSchema>

export const ListPublicReportsQuerySchema = Type.Object(
  {
    status: Type.Optional(PublicReportStatusEnum),
    ruling: Type.Optional(Type.Enum(OBJECTION_RULINGS)),
    problem: Type.Optional(IdSchema),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListPublicReportsQuery = Static<typeof ListPublicReportsQuerySchema>
export const PublicReportPageSchema = PageSchema(PublicReportSchema, { $id: 'PublicReportPage' })
export type PublicReportPage = Static<typeof PublicReportPageSchema>

/** One triage step (If-Match: the report's version). */
export const TriagePublicReportBodySchema = Type.Union(
  [
    Type.Object(
      { action: Type.Literal('reply'), reply: NonBlank(5000) },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        action: Type.Literal('link'),
        problemId: IdSchema,
        reply: Type.Optional(NonBlank(5000)),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        action: Type.Literal('open_problem'),
        /** The new problem; its source is set to `public_report`. */
        problem: Type.Omit(CreateProblemBodySchema, ['source']),
        reply: Type.Optional(NonBlank(5000)),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      { action: Type.Literal('mark_objection'), problemId: IdSchema },
      { additionalProperties: false },
    ),
  ],
  { $id: 'TriagePublicReportBody' },
)
export type TriagePublicReportBody = Static<typeof TriagePublicReportBodySchema>

/** Rule an objection (If-Match: the report's version); `upheld` reopens the problem. */
export const RuleObjectionBodySchema = Type.Object(
  {
    ruling: Type.Enum(['upheld', 'rejected']),
    reason: NonBlank(2000),
    /** A public reply to the reporter (default: none). */
    reply: Type.Optional(NonBlank(5000)),
  },
  { $id: 'RuleObjectionBody', additionalProperties: false },
)
export type RuleObjectionBody = Static<typeof RuleObjectionBodySchema>
