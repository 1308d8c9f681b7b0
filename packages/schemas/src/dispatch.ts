import { Type, type Static } from 'typebox'
import {
  DateSchema,
  IdSchema,
  NonBlank,
  Nullable,
  PageQueryProperties,
  PageSchema,
  TimestampSchema,
} from './common.js'
import { PeriodSchema } from './reports.js'
import {
  DISPATCH_STATUSES,
  SUMMARY_BUCKETS,
  SUGGESTION_KINDS,
  SUGGESTION_STATUSES,
  SUGGESTION_RULES,
  CARD_COLORS,
  RANKING_METRICS,
} from './constants/dispatch.js'

// Dispatch periods (定期调度), cards (红黄牌), assessment rules (考核扣分) and rankings.

// ── Dispatch periods

export type DispatchStatus = (typeof DISPATCH_STATUSES)[number]

/** A problem as the summary lists it (frozen into closed periods: names as they were). */
export const DispatchProblemRefSchema = Type.Object(
  {
    id: IdSchema,
    code: Type.String(),
    title: Type.String(),
    leadUnitId: IdSchema,
    leadUnitName: Type.String(),
    light: Type.String(),
  },
  { $id: 'DispatchProblemRef' },
)
export type DispatchProblemRef = Static<typeof DispatchProblemRefSchema>

export type SummaryBucket = (typeof SUMMARY_BUCKETS)[number]

/**
 * The figures of a closed period: "N completed, M on schedule, K behind, X overdue" plus who
 * did not report, each with its list. Completed never counts a problem closed `not_rectified`
 * (counted apart); overdue overlaps on schedule / behind (it is derived, not a status).
 */
export const DispatchSummarySchema = Type.Object(
  {
    asOf: DateSchema,
    total: Type.Integer(),
    completed: Type.Integer(),
    onSchedule: Type.Integer(),
    behind: Type.Integer(),
    overdue: Type.Integer(),
    notReported: Type.Integer(),
    closedNotRectified: Type.Integer(),
    lists: Type.Object({
      completed: Type.Array(DispatchProblemRefSchema),
      onSchedule: Type.Array(DispatchProblemRefSchema),
      behind: Type.Array(DispatchProblemRefSchema),
      overdue: Type.Array(DispatchProblemRefSchema),
      notReported: Type.Array(DispatchProblemRefSchema),
      closedNotRectified: Type.Array(DispatchProblemRefSchema),
    }),
  },
  { $id: 'DispatchSummary' },
)
export type DispatchSummary = Static<typeof DispatchSummarySchema>

export const DispatchPeriodSchema = Type.Object(
  {
    id: IdSchema,
    roundId: IdSchema,
    roundName: Type.String(),
    period: Type.String(),
    title: Type.String(),
    dueDate: DateSchema,
    status: Type.Enum(DISPATCH_STATUSES),
    summary: Nullable(DispatchSummarySchema),
    closedAt: Nullable(TimestampSchema),
    createdAt: TimestampSchema,
    version: Type.Integer(),
  },
  { $id: 'DispatchPeriod' },
)
export type DispatchPeriod = Static<typeof DispatchPeriodSchema>

/** One unit expected to report on a problem, and whether it has (submitted or accepted). */
export const BoardUnitSchema = Type.Object(
  {
    unitId: IdSchema,
    unitName: Type.String(),
    role: Type.Union([Type.Literal('lead'), Type.Literal('measure')]),
    reported: Type.Boolean(),
  },
  { $id: 'BoardUnit' },
)

export const BoardProblemSchema = Type.Object(
  {
    id: IdSchema,
    code: Type.String(),
    title: Type.String(),
    leadUnitName: Type.String(),
    light: Type.String(),
    deadline: DateSchema,
    units: Type.Array(BoardUnitSchema),
  },
  { $id: 'BoardProblem' },
)
export type BoardProblem = Static<typeof BoardProblemSchema>

/**
 * Who has not reported, computed live while the period is open, within the caller's scope.
 * Counts are of (problem, unit) pairs; `notReportedUnits` groups the missing ones by unit.
 */
export const DispatchBoardSchema = Type.Object(
  {
    problems: Type.Array(BoardProblemSchema),
    reported: Type.Integer(),
    notReported: Type.Integer(),
    notReportedUnits: Type.Array(
      Type.Object({ unitId: IdSchema, unitName: Type.String(), problems: Type.Integer() }),
    ),
  },
  { $id: 'DispatchBoard' },
)
export type DispatchBoard = Static<typeof DispatchBoardSchema>

export const DispatchPeriodDetailSchema = Type.Object(
  {
    period: DispatchPeriodSchema,
    /** Null once closed: the frozen summary speaks instead. */
    board: Nullable(DispatchBoardSchema),
  },
  { $id: 'DispatchPeriodDetail' },
)
export type DispatchPeriodDetail = Static<typeof DispatchPeriodDetailSchema>

export const DispatchPeriodPageSchema = PageSchema(DispatchPeriodSchema, {
  $id: 'DispatchPeriodPage',
})
export type DispatchPeriodPage = Static<typeof DispatchPeriodPageSchema>

export const ListDispatchPeriodsQuerySchema = Type.Object(
  {
    round: Type.Optional(IdSchema),
    status: Type.Optional(Type.Enum(DISPATCH_STATUSES)),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListDispatchPeriodsQuery = Static<typeof ListDispatchPeriodsQuerySchema>

export const CreateDispatchPeriodBodySchema = Type.Object(
  {
    roundId: IdSchema,
    period: PeriodSchema,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    dueDate: DateSchema,
  },
  { $id: 'CreateDispatchPeriodBody', additionalProperties: false },
)
export type CreateDispatchPeriodBody = Static<typeof CreateDispatchPeriodBodySchema>

/** Bodies of actions that carry nothing (close, refresh): an empty object. */
export const NoFieldsBodySchema = Type.Object(
  {},
  { $id: 'NoFieldsBody', additionalProperties: false },
)

export const RemindResultSchema = Type.Object(
  {
    /** Units reminded (each once per call). */
    units: Type.Integer(),
    /** Inbox messages written (a unit without active users gets none). */
    messages: Type.Integer(),
  },
  { $id: 'RemindResult' },
)
export type RemindResult = Static<typeof RemindResultSchema>

// ── Card suggestions and cards

export type SuggestionKind = (typeof SUGGESTION_KINDS)[number]
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number]

export type SuggestionRule = (typeof SUGGESTION_RULES)[number]

export const CardSuggestionSchema = Type.Object(
  {
    id: IdSchema,
    kind: Type.Enum(SUGGESTION_KINDS),
    rule: Type.String(),
    unitId: IdSchema,
    unitName: Type.String(),
    problem: Nullable(Type.Object({ id: IdSchema, code: Type.String(), title: Type.String() })),
    facts: Type.Record(Type.String(), Type.Unknown()),
    status: Type.Enum(SUGGESTION_STATUSES),
    decidedAt: Nullable(TimestampSchema),
    decisionNote: Nullable(Type.String()),
    cardId: Nullable(IdSchema),
    createdAt: TimestampSchema,
    version: Type.Integer(),
  },
  { $id: 'CardSuggestion' },
)
export type CardSuggestion = Static<typeof CardSuggestionSchema>

export const CardSuggestionPageSchema = PageSchema(CardSuggestionSchema, {
  $id: 'CardSuggestionPage',
})
export type CardSuggestionPage = Static<typeof CardSuggestionPageSchema>

export const ListCardSuggestionsQuerySchema = Type.Object(
  { status: Type.Optional(Type.Enum(SUGGESTION_STATUSES)), ...PageQueryProperties },
  { additionalProperties: false },
)
export type ListCardSuggestionsQuery = Static<typeof ListCardSuggestionsQuerySchema>

export const RefreshSuggestionsResultSchema = Type.Object(
  {
    created: Type.Integer(),
    items: Type.Array(CardSuggestionSchema),
  },
  { $id: 'RefreshSuggestionsResult' },
)
export type RefreshSuggestionsResult = Static<typeof RefreshSuggestionsResultSchema>

export type CardColor = (typeof CARD_COLORS)[number]

export const CardSchema = Type.Object(
  {
    id: IdSchema,
    unitId: IdSchema,
    unitName: Type.String(),
    color: Type.Enum(CARD_COLORS),
    reason: Type.String(),
    problems: Type.Array(Type.Object({ id: IdSchema, code: Type.String(), title: Type.String() })),
    issuedOn: DateSchema,
    issuedByName: Type.String(),
    suggestionId: Nullable(IdSchema),
    createdAt: TimestampSchema,
  },
  { $id: 'Card' },
)
export type Card = Static<typeof CardSchema>

export const CardPageSchema = PageSchema(CardSchema, { $id: 'CardPage' })
export type CardPage = Static<typeof CardPageSchema>

export const AssessmentYearSchema = Type.Integer({ minimum: 2000, maximum: 2100 })

export const ListCardsQuerySchema = Type.Object(
  {
    /** Cards of this unit and its subtree. */
    unit: Type.Optional(IdSchema),
    year: Type.Optional(AssessmentYearSchema),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListCardsQuery = Static<typeof ListCardsQuerySchema>

export const CreateCardBodySchema = Type.Object(
  {
    unitId: IdSchema,
    color: Type.Enum(CARD_COLORS),
    reason: NonBlank(2000),
    problemIds: Type.Array(IdSchema, { maxItems: 50, uniqueItems: true }),
  },
  { $id: 'CreateCardBody', additionalProperties: false },
)
export type CreateCardBody = Static<typeof CreateCardBodySchema>

export const SuggestionDecisionBodySchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('confirm'), Type.Literal('dismiss')]),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { $id: 'SuggestionDecisionBody', additionalProperties: false },
)
export type SuggestionDecisionBody = Static<typeof SuggestionDecisionBodySchema>

/**
 * The decided suggestion; `card` when confirming issued one; `suggestedText` for a supervision
 * notice or an admonishing talk the office now records in its own module (the SPA prefills it).
 */
export const SuggestionDecisionResultSchema = Type.Object(
  {
    suggestion: CardSuggestionSchema,
    card: Nullable(CardSchema),
    suggestedText: Nullable(Type.String()),
  },
  { $id: 'SuggestionDecisionResult' },
)
export type SuggestionDecisionResult = Static<typeof SuggestionDecisionResultSchema>

// ── Assessment rules and rankings

export const AssessmentRuleSchema = Type.Object(
  {
    code: Type.String(),
    points: Type.Integer(),
    description: Type.String(),
    version: Type.Integer(),
  },
  { $id: 'AssessmentRule' },
)
export type AssessmentRule = Static<typeof AssessmentRuleSchema>

export const AssessmentRuleListSchema = Type.Object(
  { items: Type.Array(AssessmentRuleSchema) },
  { $id: 'AssessmentRuleList' },
)
export type AssessmentRuleList = Static<typeof AssessmentRuleListSchema>

export const RuleCodeParamsSchema = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_]+$' }) },
  { additionalProperties: false },
)

export const PatchAssessmentRuleBodySchema = Type.Object(
  {
    points: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    description: Type.Optional(NonBlank(200)),
  },
  { $id: 'PatchAssessmentRuleBody', additionalProperties: false, minProperties: 1 },
)
export type PatchAssessmentRuleBody = Static<typeof PatchAssessmentRuleBodySchema>

export type RankingMetric = (typeof RANKING_METRICS)[number]

export const RankingsQuerySchema = Type.Object(
  {
    year: Type.Optional(AssessmentYearSchema),
    metric: Type.Optional(Type.Enum(RANKING_METRICS)),
    minCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
)
export type RankingsQuery = Static<typeof RankingsQuerySchema>

export const RankingRowSchema = Type.Object(
  {
    unitId: IdSchema,
    unitName: Type.String(),
    /** A percentage (completion, on_schedule) or points deducted (points). */
    value: Type.Number(),
    numerator: Type.Number(),
    denominator: Type.Integer(),
    /** Null for units below the minimum count. */
    rank: Nullable(Type.Integer()),
    /** Points: occurrences and points per rule. */
    breakdown: Type.Array(
      Type.Object({ code: Type.String(), count: Type.Integer(), points: Type.Integer() }),
    ),
    /** The problems behind the figure (office, leaders, auditors only; absent for units). */
    problems: Type.Optional(
      Type.Array(Type.Object({ id: IdSchema, code: Type.String(), title: Type.String() })),
    ),
  },
  { $id: 'RankingRow' },
)
export type RankingRow = Static<typeof RankingRowSchema>

export const RankingsSchema = Type.Object(
  {
    metric: Type.Enum(RANKING_METRICS),
    year: Type.Integer(),
    period: Type.Object({ from: DateSchema, to: DateSchema }),
    asOf: DateSchema,
    minCount: Type.Integer(),
    /** `higher` better (percentages) or `lower` better (points deducted). */
    order: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
    definition: Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() }),
    ranked: Type.Array(RankingRowSchema),
    notRanked: Type.Array(RankingRowSchema),
    rules: Type.Array(AssessmentRuleSchema),
  },
  { $id: 'Rankings' },
)
export type Rankings = Static<typeof RankingsSchema>
