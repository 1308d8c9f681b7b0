import { Type, type Static } from 'typebox'
import {
  DateSchema,
  IdSchema,
  NonBlank,
  PageQueryProperties,
  PageSchema,
  TimestampSchema,
} from './common.js'
import { UnitRefSchema } from './auth.js'
import { MeasureSchema } from './measures.js'
import { OutcomeSchema, ProblemSchema } from './problems.js'
import { FileSchema, ProgressReportSchema } from './reports.js'
import { AcceptanceLevelSchema } from './rounds.js'
import {
  REVIEW_DECISIONS,
  ACCEPTANCE_STATUSES,
  PUBLICITY_STATUSES,
  REBOUND_STATUSES,
  REBOUND_SOURCES,
} from './constants/acceptance.js'

/*
 * Acceptance (验收), publicity (公示), close-out (销号) and rebound reviews (回头看):
 * DOMAIN.md "The problem's life" after `in_progress`.
 */

/** A person as records name them (id null for API clients and the CLI). */
export const ActorRefSchema = Type.Object(
  {
    id: Type.Union([IdSchema, Type.Null()]),
    name: Type.String(),
  },
  { $id: 'ActorRef' },
)
export type ActorRef = Static<typeof ActorRefSchema>

/** One criterion of the round's checklist as the reviewer ticked it. */
export const CriterionCheckSchema = Type.Object(
  {
    criterion: Type.String({ minLength: 1, maxLength: 200 }),
    met: Type.Boolean(),
    note: Type.String({ maxLength: 1000 }),
  },
  { $id: 'CriterionCheck', additionalProperties: false },
)
export type CriterionCheck = Static<typeof CriterionCheckSchema>

export const ReviewDecisionSchema = Type.Enum(REVIEW_DECISIONS, { $id: 'ReviewDecision' })

/** One level's review of an acceptance application. */
export const AcceptanceReviewSchema = Type.Object(
  {
    id: IdSchema,
    /** 0-based index into the application's `levels`. */
    level: Type.Integer({ minimum: 0 }),
    levelKind: AcceptanceLevelSchema,
    reviewer: ActorRefSchema,
    reviewerUnit: Type.Union([UnitRefSchema, Type.Null()]),
    /** The on-site check (现场核查) date. */
    checkDate: DateSchema,
    checklist: Type.Array(CriterionCheckSchema),
    opinion: Type.String(),
    decision: ReviewDecisionSchema,
    /** Why it was returned (internal: never public). */
    reason: Type.Union([Type.String(), Type.Null()]),
    /** SHA-256 of the frozen snapshot of what this review accepted (null for a return). */
    snapshotSha256: Type.Union([Type.String(), Type.Null()]),
    createdAt: TimestampSchema,
  },
  { $id: 'AcceptanceReview' },
)
export type AcceptanceReview = Static<typeof AcceptanceReviewSchema>

export const AcceptanceStatusSchema = Type.Enum(ACCEPTANCE_STATUSES, { $id: 'AcceptanceStatus' })

/** An application for acceptance (验收申请) with its self-check, materials and reviews. */
export const AcceptanceSchema = Type.Object(
  {
    id: IdSchema,
    problemId: IdSchema,
    /** 1 for the first application of the problem, 2 after a return, ... */
    seq: Type.Integer({ minimum: 1 }),
    status: AcceptanceStatusSchema,
    /** The self-check statement (自验情况). */
    selfCheck: Type.String(),
    files: Type.Array(FileSchema),
    /** The round's review levels and criteria as they were when the unit applied. */
    levels: Type.Array(AcceptanceLevelSchema),
    criteria: Type.Array(Type.String()),
    /** Index of the level awaiting review; null once passed or returned. */
    currentLevel: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    appliedBy: ActorRefSchema,
    appliedUnit: Type.Union([UnitRefSchema, Type.Null()]),
    appliedAt: TimestampSchema,
    reviews: Type.Array(AcceptanceReviewSchema),
    version: Type.Integer(),
  },
  { $id: 'Acceptance' },
)
export type Acceptance = Static<typeof AcceptanceSchema>

/** Apply for acceptance (If-Match: the problem's version). */
export const ApplyAcceptanceBodySchema = Type.Object(
  {
    selfCheck: NonBlank(5000),
    /** Files uploaded before (POST /files) by the caller, still unattached. */
    fileIds: Type.Optional(Type.Array(IdSchema, { maxItems: 50, uniqueItems: true })),
  },
  { $id: 'ApplyAcceptanceBody', additionalProperties: false },
)
export type ApplyAcceptanceBody = Static<typeof ApplyAcceptanceBodySchema>

/**
 * Review the level awaiting review (If-Match: the application's version). The checklist must
 * hold each of the application's criteria once, in order; `pass` needs every criterion met,
 * `return` needs a reason.
 */
export const ReviewAcceptanceBodySchema = Type.Object(
  {
    checkDate: DateSchema,
    checklist: Type.Array(CriterionCheckSchema, { minItems: 1, maxItems: 20 }),
    opinion: NonBlank(5000),
    decision: ReviewDecisionSchema,
    reason: Type.Optional(NonBlank(2000)),
  },
  { $id: 'ReviewAcceptanceBody', additionalProperties: false },
)
export type ReviewAcceptanceBody = Static<typeof ReviewAcceptanceBodySchema>

export const ListAcceptancesQuerySchema = Type.Object(
  {
    status: Type.Optional(AcceptanceStatusSchema),
    round: Type.Optional(IdSchema),
    /** Only applications whose current level the caller may review now. */
    awaitingMe: Type.Optional(Type.Boolean()),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListAcceptancesQuery = Static<typeof ListAcceptancesQuerySchema>

/** An application in a list, with the problem it concerns. */
export const AcceptanceListItemSchema = Type.Object(
  {
    acceptance: AcceptanceSchema,
    problem: ProblemSchema,
  },
  { $id: 'AcceptanceListItem' },
)
export type AcceptanceListItem = Static<typeof AcceptanceListItemSchema>
export const AcceptancePageSchema = PageSchema(AcceptanceListItemSchema, { $id: 'AcceptancePage' })
export type AcceptancePage = Static<typeof AcceptancePageSchema>

/** What a passing review froze: the problem, its plan, reports and files as they were. */
export const AcceptanceSnapshotSchema = Type.Object(
  {
    reviewId: IdSchema,
    takenAt: TimestampSchema,
    /** SHA-256 of the canonical JSON of `content`. */
    sha256: Type.String(),
    content: Type.Object({
      problem: ProblemSchema,
      measures: Type.Array(MeasureSchema),
      reports: Type.Array(ProgressReportSchema),
      /** Every file of the problem then: report evidence and acceptance materials. */
      files: Type.Array(FileSchema),
    }),
  },
  { $id: 'AcceptanceSnapshot' },
)
export type AcceptanceSnapshot = Static<typeof AcceptanceSnapshotSchema>

// ── Publicity (公示)

export const PublicityStatusSchema = Type.Enum(PUBLICITY_STATUSES, { $id: 'PublicityStatus' })

export const ObjectionCountsSchema = Type.Object(
  {
    total: Type.Integer(),
    pending: Type.Integer(),
    upheld: Type.Integer(),
    rejected: Type.Integer(),
  },
  { $id: 'ObjectionCounts' },
)

/**
 * A close-out notice in publicity. `open` until the problem is closed (`ended`) or an upheld
 * objection sends it back (`overturned`). The period is `days` working days from `startDate`
 * to `endDate` inclusive; it is over when the Asia/Shanghai date is after `endDate`.
 */
export const PublicitySchema = Type.Object(
  {
    id: IdSchema,
    problemId: IdSchema,
    acceptanceId: IdSchema,
    status: PublicityStatusSchema,
    notice: Type.String(),
    days: Type.Integer(),
    startDate: DateSchema,
    endDate: DateSchema,
    /** True when today is after `endDate`. */
    periodOver: Type.Boolean(),
    openedBy: ActorRefSchema,
    openedAt: TimestampSchema,
    endedAt: Type.Union([TimestampSchema, Type.Null()]),
    objections: ObjectionCountsSchema,
    version: Type.Integer(),
  },
  { $id: 'Publicity' },
)
export type Publicity = Static<typeof PublicitySchema>

/** Open publicity once the last level passed (If-Match: the problem's version). */
export const OpenPublicityBodySchema = Type.Object(
  {
    notice: NonBlank(5000),
    /** Working days; default the round's `publicityDays`. */
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    /** Default: the next working day after today. */
    startDate: Type.Optional(DateSchema),
  },
  { $id: 'OpenPublicityBody', additionalProperties: false },
)
export type OpenPublicityBody = Static<typeof OpenPublicityBodySchema>

export const ListPublicityQuerySchema = Type.Object(
  {
    status: Type.Optional(PublicityStatusSchema),
    /**
     * `true`: only notices whose period is over (the end day before today, Asia/Shanghai); with
     * `status=open` that is the office's to-do 公示期满，可以销号. `false`: only those not over.
     */
    periodOver: Type.Optional(Type.Boolean()),
    round: Type.Optional(IdSchema),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListPublicityQuery = Static<typeof ListPublicityQuerySchema>

export const PublicityListItemSchema = Type.Object(
  {
    publicity: PublicitySchema,
    problem: ProblemSchema,
  },
  { $id: 'PublicityListItem' },
)
export type PublicityListItem = Static<typeof PublicityListItemSchema>
export const PublicityPageSchema = PageSchema(PublicityListItemSchema, { $id: 'PublicityPage' })
export type PublicityPage = Static<typeof PublicityPageSchema>

// ── Close-out (销号)

/** Close the problem after publicity (If-Match: the problem's version). */
export const CloseProblemBodySchema = Type.Object(
  {
    outcome: OutcomeSchema,
    /** Required for `not_rectified` (e.g. facility shut down, task superseded). */
    reason: Type.Optional(NonBlank(2000)),
  },
  { $id: 'CloseProblemBody', additionalProperties: false },
)
export type CloseProblemBody = Static<typeof CloseProblemBodySchema>

export const CloseoutSchema = Type.Object(
  {
    id: IdSchema,
    problemId: IdSchema,
    publicityId: Type.Union([IdSchema, Type.Null()]),
    outcome: OutcomeSchema,
    reason: Type.Union([Type.String(), Type.Null()]),
    closedOn: DateSchema,
    closedBy: ActorRefSchema,
    createdAt: TimestampSchema,
    /** Set when a failed rebound review reopened the problem. */
    reopenedAt: Type.Union([TimestampSchema, Type.Null()]),
  },
  { $id: 'Closeout' },
)
export type Closeout = Static<typeof CloseoutSchema>

// ── Rebound reviews (回头看)

export const ReboundStatusSchema = Type.Enum(REBOUND_STATUSES, { $id: 'ReboundStatus' })

export const ReboundReviewSchema = Type.Object(
  {
    id: IdSchema,
    problemId: IdSchema,
    closeoutId: IdSchema,
    /** Months after close-out this review was scheduled for (3, 12, ...). */
    months: Type.Integer(),
    dueDate: DateSchema,
    status: ReboundStatusSchema,
    source: Type.Union([Type.Enum(REBOUND_SOURCES), Type.Null()]),
    checkDate: Type.Union([DateSchema, Type.Null()]),
    findings: Type.Union([Type.String(), Type.Null()]),
    reviewer: Type.Union([ActorRefSchema, Type.Null()]),
    files: Type.Array(FileSchema),
    reviewedAt: Type.Union([TimestampSchema, Type.Null()]),
    version: Type.Integer(),
  },
  { $id: 'ReboundReview' },
)
export type ReboundReview = Static<typeof ReboundReviewSchema>

/** Record a rebound review (If-Match: the review's version); `fail` reopens the problem. */
export const RecordReboundReviewBodySchema = Type.Object(
  {
    source: Type.Enum(REBOUND_SOURCES),
    checkDate: DateSchema,
    result: Type.Enum(['pass', 'fail']),
    findings: NonBlank(5000),
    fileIds: Type.Optional(Type.Array(IdSchema, { maxItems: 50, uniqueItems: true })),
  },
  { $id: 'RecordReboundReviewBody', additionalProperties: false },
)
export type RecordReboundReviewBody = Static<typeof RecordReboundReviewBodySchema>

export const ListReboundReviewsQuerySchema = Type.Object(
  {
    status: Type.Optional(ReboundStatusSchema),
    /** Scheduled reviews due on or before this date. */
    dueBy: Type.Optional(DateSchema),
    round: Type.Optional(IdSchema),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListReboundReviewsQuery = Static<typeof ListReboundReviewsQuerySchema>

export const ReboundListItemSchema = Type.Object(
  {
    review: ReboundReviewSchema,
    problem: ProblemSchema,
  },
  { $id: 'ReboundListItem' },
)
export type ReboundListItem = Static<typeof ReboundListItemSchema>
export const ReboundPageSchema = PageSchema(ReboundListItemSchema, { $id: 'ReboundPage' })
export type ReboundPage = Static<typeof ReboundPageSchema>

// ── One problem's close-out file, and what the caller may do next

export const CloseoutFileSchema = Type.Object(
  {
    acceptances: Type.Array(AcceptanceSchema),
    publicities: Type.Array(PublicitySchema),
    closeouts: Type.Array(CloseoutSchema),
    reboundReviews: Type.Array(ReboundReviewSchema),
    /** What the caller may do now (the API still checks each step). */
    can: Type.Object({
      apply: Type.Boolean(),
      /** The application and level the caller may review now, if any. */
      review: Type.Union([
        Type.Object({
          acceptanceId: IdSchema,
          level: Type.Integer(),
          levelKind: AcceptanceLevelSchema,
        }),
        Type.Null(),
      ]),
      openPublicity: Type.Boolean(),
      close: Type.Boolean(),
      ruleObjections: Type.Boolean(),
      reviewRebound: Type.Boolean(),
      downloadDossier: Type.Boolean(),
    }),
  },
  { $id: 'CloseoutFile' },
)
export type CloseoutFile = Static<typeof CloseoutFileSchema>

// ── Working-day calendar (holidays and make-up working days, 节假日与调休)

export const CalendarDayKindSchema = Type.Enum(['holiday', 'workday'], { $id: 'CalendarDayKind' })
export const CalendarDaySchema = Type.Object(
  {
    date: DateSchema,
    /** `holiday`: a weekday off; `workday`: a weekend day worked (调休). */
    kind: CalendarDayKindSchema,
    name: Type.String(),
  },
  { $id: 'CalendarDay' },
)
export type CalendarDay = Static<typeof CalendarDaySchema>

export const CalendarQuerySchema = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
)
export type CalendarQuery = Static<typeof CalendarQuerySchema>
export const CalendarSchema = Type.Object(
  { items: Type.Array(CalendarDaySchema) },
  { $id: 'Calendar' },
)
export type Calendar = Static<typeof CalendarSchema>

export const DateParamsSchema = Type.Object({ date: DateSchema }, { additionalProperties: false })
export const PutCalendarDayBodySchema = Type.Object(
  { kind: CalendarDayKindSchema, name: Type.String({ minLength: 1, maxLength: 50 }) },
  { $id: 'PutCalendarDayBody', additionalProperties: false },
)
export type PutCalendarDayBody = Static<typeof PutCalendarDayBodySchema>
