import { Type, type Static } from 'typebox'
import {
  DateSchema,
  EstimatedPageSchema,
  IdSchema,
  NonBlank,
  PageQueryProperties,
  TimestampSchema,
  UpdatedSinceProperty,
} from './common.js'
import { UnitRefSchema } from './auth.js'
import {
  PROBLEM_SOURCES,
  PROBLEM_NATURES,
  PROBLEM_DOMAINS,
  PROBLEM_MODES,
  PROBLEM_STATUSES,
  LIGHTS,
  PROBLEM_ACTIONS,
  LIFECYCLE_ACTIONS,
  OUTCOMES,
  PROBLEM_SORTS,
} from './constants/problems.js'

export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number]

export type ProblemStatus = (typeof PROBLEM_STATUSES)[number]
export type Light = (typeof LIGHTS)[number]
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number]

export const ProblemSourceSchema = Type.Enum(PROBLEM_SOURCES, { $id: 'ProblemSource' })
export const ProblemNatureSchema = Type.Enum(PROBLEM_NATURES, { $id: 'ProblemNature' })
export const ProblemDomainSchema = Type.Enum(PROBLEM_DOMAINS, { $id: 'ProblemDomain' })
export const ProblemModeSchema = Type.Enum(PROBLEM_MODES, { $id: 'ProblemMode' })
export const ProblemStatusSchema = Type.Enum(PROBLEM_STATUSES, { $id: 'ProblemStatus' })
export const OutcomeSchema = Type.Enum(OUTCOMES, { $id: 'Outcome' })
export type Outcome = (typeof OUTCOMES)[number]
export const LightSchema = Type.Enum(LIGHTS, { $id: 'Light' })
export const ProblemActionSchema = Type.Enum(PROBLEM_ACTIONS, { $id: 'ProblemAction' })

/**
 * Why a light has its colour, as codes with numbers the SPA words in either language
 * (e.g. `behind` with planned 60 and reported 35 → "计划进度 60%，实际进度 35%，滞后 25 个百分点").
 */
export const LightReasonSchema = Type.Object(
  {
    code: Type.Enum([
      'overdue',
      'measure_overdue',
      'behind',
      'milestone_missed',
      'deadline_near',
      'on_track',
      'done',
    ]),
    planned: Type.Optional(Type.Number()),
    reported: Type.Optional(Type.Number()),
    days: Type.Optional(Type.Integer()),
    date: Type.Optional(DateSchema),
    measureId: Type.Optional(IdSchema),
    milestone: Type.Optional(Type.String()),
  },
  { $id: 'LightReason' },
)
export type LightReason = Static<typeof LightReasonSchema>

export const LightInfoSchema = Type.Object(
  {
    color: LightSchema,
    reasons: Type.Array(LightReasonSchema),
    /** The Asia/Shanghai date the light was computed for. */
    asOf: DateSchema,
  },
  { $id: 'LightInfo' },
)
export type LightInfo = Static<typeof LightInfoSchema>

export const PersonSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    post: Type.String({ maxLength: 100 }),
    /** Never shown on the public board. */
    phone: Type.Optional(Type.String({ maxLength: 30, pattern: '^[0-9+() -]*$' })),
  },
  { $id: 'Person', additionalProperties: false },
)
export type Person = Static<typeof PersonSchema>

export const LeaderSchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 50 }), post: Type.String({ maxLength: 100 }) },
  { $id: 'Leader', additionalProperties: false },
)

export const ProblemSchema = Type.Object(
  {
    id: IdSchema,
    roundId: IdSchema,
    code: Type.String(),
    title: Type.String(),
    description: Type.String(),
    source: ProblemSourceSchema,
    nature: ProblemNatureSchema,
    domain: ProblemDomainSchema,
    region: Type.Union([UnitRefSchema, Type.Null()]),
    mode: ProblemModeSchema,
    target: Type.String(),
    deadline: DateSchema,
    /** The deadline before any granted extension; null when never extended. */
    originalDeadline: Type.Union([DateSchema, Type.Null()]),
    leadLeader: Type.Union([LeaderSchema, Type.Null()]),
    leadUnit: UnitRefSchema,
    coUnits: Type.Array(UnitRefSchema),
    /**
     * Collective responsibilities the task table named and the import recorded as such, not
     * expanded to units (各县（市、区）人民政府、市直有关单位), 、-joined; '' when none.
     */
    collectiveUnits: Type.String(),
    responsiblePersons: Type.Array(PersonSchema),
    parentId: Type.Union([IdSchema, Type.Null()]),
    public: Type.Boolean(),
    status: ProblemStatusSchema,
    /** Reopened by a failed rebound review (回头看) at least once. */
    rebound: Type.Boolean(),
    /** Set while closed: `rectified` (整改到位) or `not_rectified` (未整改到位, closed by decision). */
    outcome: Type.Union([OutcomeSchema, Type.Null()]),
    /** The Asia/Shanghai date of the close-out, while closed. */
    closedOn: Type.Union([DateSchema, Type.Null()]),
    /** Planned progress (序时进度) today, 0–100. */
    plannedProgress: Type.Number(),
    /** Progress from the latest accepted report, 0–100. */
    reportedProgress: Type.Number(),
    overdue: Type.Boolean(),
    light: LightInfoSchema,
    version: Type.Integer(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { $id: 'Problem' },
)
export type Problem = Static<typeof ProblemSchema>

/** A problem as other records name it: id, code, title and status. */
export const ProblemRefSchema = Type.Object(
  { id: IdSchema, code: Type.String(), title: Type.String(), status: Type.String() },
  { $id: 'ProblemRef' },
)
export type ProblemRef = Static<typeof ProblemRefSchema>

const Title = Type.String({ minLength: 1, maxLength: 200 })
const Text = (max: number) => Type.String({ maxLength: max })

export const CreateProblemBodySchema = Type.Object(
  {
    roundId: IdSchema,
    code: Type.String({ minLength: 1, maxLength: 64 }),
    title: Title,
    description: Text(10_000),
    source: ProblemSourceSchema,
    nature: ProblemNatureSchema,
    domain: ProblemDomainSchema,
    regionId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    mode: ProblemModeSchema,
    target: Type.Optional(Text(2000)),
    deadline: DateSchema,
    leadLeader: Type.Optional(Type.Union([LeaderSchema, Type.Null()])),
    leadUnitId: IdSchema,
    coUnitIds: Type.Optional(Type.Array(IdSchema, { maxItems: 50, uniqueItems: true })),
    responsiblePersons: Type.Optional(Type.Array(PersonSchema, { maxItems: 20 })),
    parentId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    public: Type.Optional(Type.Boolean()),
  },
  { $id: 'CreateProblemBody', additionalProperties: false },
)
export type CreateProblemBody = Static<typeof CreateProblemBodySchema>

/** Editable while the plan is drafted (the office may edit any time; deadline moves only by extension). */
export const UpdateProblemBodySchema = Type.Object(
  {
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    title: Type.Optional(Title),
    description: Type.Optional(Text(10_000)),
    source: Type.Optional(ProblemSourceSchema),
    nature: Type.Optional(ProblemNatureSchema),
    domain: Type.Optional(ProblemDomainSchema),
    regionId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    mode: Type.Optional(ProblemModeSchema),
    target: Type.Optional(Text(2000)),
    deadline: Type.Optional(DateSchema),
    leadLeader: Type.Optional(Type.Union([LeaderSchema, Type.Null()])),
    leadUnitId: Type.Optional(IdSchema),
    coUnitIds: Type.Optional(Type.Array(IdSchema, { maxItems: 50, uniqueItems: true })),
    responsiblePersons: Type.Optional(Type.Array(PersonSchema, { maxItems: 20 })),
    parentId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    public: Type.Optional(Type.Boolean()),
  },
  { $id: 'UpdateProblemBody', additionalProperties: false, minProperties: 1 },
)
export type UpdateProblemBody = Static<typeof UpdateProblemBodySchema>

export const ListProblemsQuerySchema = Type.Object(
  {
    round: Type.Optional(IdSchema),
    status: Type.Optional(ProblemStatusSchema),
    light: Type.Optional(LightSchema),
    mode: Type.Optional(ProblemModeSchema),
    source: Type.Optional(ProblemSourceSchema),
    nature: Type.Optional(ProblemNatureSchema),
    domain: Type.Optional(ProblemDomainSchema),
    region: Type.Optional(IdSchema),
    /** Lead or co-responsible unit, with its subtree. */
    unit: Type.Optional(IdSchema),
    leader: Type.Optional(Type.String({ maxLength: 50 })),
    deadlineFrom: Type.Optional(DateSchema),
    deadlineTo: Type.Optional(DateSchema),
    overdue: Type.Optional(Type.Boolean()),
    rebound: Type.Optional(Type.Boolean()),
    outcome: Type.Optional(OutcomeSchema),
    parent: Type.Optional(IdSchema),
    /**
     * The summary's buckets as a filter (same definitions as GET /problems/summary): completed
     * (closed rectified), on_schedule, behind, overdue, closed_not_rectified.
     */
    bucket: Type.Optional(
      Type.Enum(['completed', 'on_schedule', 'behind', 'overdue', 'closed_not_rectified']),
    ),
    /** Closed (销号) on or after / on or before (Asia/Shanghai dates). */
    closedFrom: Type.Optional(DateSchema),
    closedTo: Type.Optional(DateSchema),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    sort: Type.Optional(Type.Enum(PROBLEM_SORTS)),
    ...UpdatedSinceProperty,
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListProblemsQuery = Static<typeof ListProblemsQuerySchema>

/**
 * A page of the ledger. `total` is exact up to a threshold (10,000 on the server, 1,000 with a
 * search text `q`) and the planner's estimate above it, which `totalIsEstimate` says: the SPA
 * then shows "约 N 条".
 */
export const ProblemPageSchema = EstimatedPageSchema(ProblemSchema, { $id: 'ProblemPage' })
export type ProblemPage = Static<typeof ProblemPageSchema>

export const TransitionBodySchema = Type.Object(
  {
    action: ProblemActionSchema,
    reason: Type.Optional(NonBlank(2000)),
  },
  { $id: 'TransitionBody', additionalProperties: false },
)
export type TransitionBody = Static<typeof TransitionBodySchema>

/**
 * "N completed, M on schedule, K behind, overdue X" — the sentence the office reports upward.
 * `completed` counts problems closed as rectified only: a problem closed `not_rectified` is
 * counted apart and never as fixed.
 */
export const ProblemSummarySchema = Type.Object(
  {
    total: Type.Integer(),
    completed: Type.Integer(),
    closedNotRectified: Type.Integer(),
    /** Problems reopened by a failed rebound review (whatever their status now). */
    rebound: Type.Integer(),
    onSchedule: Type.Integer(),
    behind: Type.Integer(),
    overdue: Type.Integer(),
    byStatus: Type.Record(Type.String(), Type.Integer()),
    byLight: Type.Record(Type.String(), Type.Integer()),
  },
  { $id: 'ProblemSummary' },
)
export type ProblemSummary = Static<typeof ProblemSummarySchema>

export const SummaryQuerySchema = Type.Object(
  { round: Type.Optional(IdSchema), unit: Type.Optional(IdSchema) },
  { additionalProperties: false },
)
export type SummaryQuery = Static<typeof SummaryQuerySchema>

/** The timeline of a problem: transitions, reports and edits, from the audit log. */
export const TimelineEntrySchema = Type.Object(
  {
    at: TimestampSchema,
    action: Type.String(),
    actorName: Type.Union([Type.String(), Type.Null()]),
    /** The person's name and unit (null for a client or the CLI: actorName stands). */
    actorDisplayName: Type.Union([Type.String(), Type.Null()]),
    actorUnitName: Type.Union([Type.String(), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
    entityType: Type.String(),
    entityId: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'TimelineEntry' },
)
export const TimelineSchema = Type.Object(
  { items: Type.Array(TimelineEntrySchema) },
  { $id: 'Timeline' },
)
export type Timeline = Static<typeof TimelineSchema>

/** A unit user's "my work": what needs my report, what was returned, which deadlines are near. */
export const MyWorkSchema = Type.Object(
  {
    reportsDue: Type.Array(ProblemSchema),
    returned: Type.Array(
      Type.Object({ problem: ProblemSchema, reportId: IdSchema, reason: Type.String() }),
    ),
    nearDeadlines: Type.Array(ProblemSchema),
    plansToDraft: Type.Array(ProblemSchema),
    period: Type.String(),
  },
  { $id: 'MyWork' },
)
export type MyWork = Static<typeof MyWorkSchema>
