import { Type, type Static } from 'typebox'
import { DateSchema, IdSchema, NonBlank, TimestampSchema } from './common.js'
import { UnitRefSchema } from './auth.js'
import { LightInfoSchema } from './problems.js'
import { MEASURE_STATUSES } from './constants/measures.js'

export const MeasureStatusSchema = Type.Enum(MEASURE_STATUSES, { $id: 'MeasureStatus' })

export const MilestoneSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String(),
    dueDate: DateSchema,
    /** Share of the measure this milestone stands for (0–100); weights of a measure add up to 100 when set. */
    weight: Type.Union([Type.Number(), Type.Null()]),
    doneDate: Type.Union([DateSchema, Type.Null()]),
  },
  { $id: 'Milestone' },
)
export type Milestone = Static<typeof MilestoneSchema>

export const MeasureSchema = Type.Object(
  {
    id: IdSchema,
    problemId: IdSchema,
    seq: Type.Integer(),
    content: Type.String(),
    unit: UnitRefSchema,
    personName: Type.String(),
    startDate: DateSchema,
    deadline: DateSchema,
    originalDeadline: Type.Union([DateSchema, Type.Null()]),
    /** Weight of the measure within its problem (default 1). */
    weight: Type.Number(),
    status: MeasureStatusSchema,
    percent: Type.Number(),
    doneDate: Type.Union([DateSchema, Type.Null()]),
    plannedProgress: Type.Number(),
    light: LightInfoSchema,
    milestones: Type.Array(MilestoneSchema),
    version: Type.Integer(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { $id: 'Measure' },
)
export type Measure = Static<typeof MeasureSchema>

export const MilestoneInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    dueDate: DateSchema,
    weight: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()])),
    doneDate: Type.Optional(Type.Union([DateSchema, Type.Null()])),
  },
  { $id: 'MilestoneInput', additionalProperties: false },
)
export type MilestoneInput = Static<typeof MilestoneInputSchema>

export const CreateMeasureBodySchema = Type.Object(
  {
    content: NonBlank(2000),
    unitId: IdSchema,
    personName: Type.Optional(Type.String({ maxLength: 50 })),
    startDate: DateSchema,
    deadline: DateSchema,
    weight: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
    milestones: Type.Optional(Type.Array(MilestoneInputSchema, { maxItems: 20 })),
  },
  { $id: 'CreateMeasureBody', additionalProperties: false },
)
export type CreateMeasureBody = Static<typeof CreateMeasureBodySchema>

export const UpdateMeasureBodySchema = Type.Object(
  {
    content: Type.Optional(NonBlank(2000)),
    unitId: Type.Optional(IdSchema),
    personName: Type.Optional(Type.String({ maxLength: 50 })),
    startDate: Type.Optional(DateSchema),
    deadline: Type.Optional(DateSchema),
    weight: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
    status: Type.Optional(MeasureStatusSchema),
    doneDate: Type.Optional(Type.Union([DateSchema, Type.Null()])),
    /** Replaces the measure's milestones as a whole. */
    milestones: Type.Optional(Type.Array(MilestoneInputSchema, { maxItems: 20 })),
  },
  { $id: 'UpdateMeasureBody', additionalProperties: false, minProperties: 1 },
)
export type UpdateMeasureBody = Static<typeof UpdateMeasureBodySchema>

export const MeasureListSchema = Type.Object(
  { items: Type.Array(MeasureSchema) },
  { $id: 'MeasureList' },
)
export type MeasureList = Static<typeof MeasureListSchema>

/** Reverse scheduling (倒排工期): milestones laid backwards from the deadline by a template. */
export const ScheduleTemplateSchema = Type.Enum(['standard', 'engineering', 'management'], {
  $id: 'ScheduleTemplate',
})
export const ScheduleQuerySchema = Type.Object(
  { startDate: DateSchema, deadline: DateSchema, template: Type.Optional(ScheduleTemplateSchema) },
  { additionalProperties: false },
)
export type ScheduleQuery = Static<typeof ScheduleQuerySchema>
export const ScheduleProposalSchema = Type.Object(
  { milestones: Type.Array(MilestoneInputSchema) },
  { $id: 'ScheduleProposal' },
)
export type ScheduleProposal = Static<typeof ScheduleProposalSchema>
