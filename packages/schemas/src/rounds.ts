import { Type, type Static } from 'typebox'
import { DateSchema, IdSchema, PageQueryProperties, PageSchema, TimestampSchema } from './common.js'

export const ROUND_KINDS = ['central', 'provincial'] as const
export const RoundKindSchema = Type.Enum(ROUND_KINDS)

/** Per-round settings that the acceptance and reminder stages read. */
export const RoundSettingsSchema = Type.Object(
  {
    /** Review levels of acceptance, in order (e.g. county acceptance, then city review). */
    acceptanceLevels: Type.Array(Type.Enum(['county', 'city']), { minItems: 1, maxItems: 4 }),
    /** Publicity period in working days. */
    publicityDays: Type.Integer({ minimum: 1, maximum: 60 }),
  },
  { additionalProperties: false },
)
export type RoundSettings = Static<typeof RoundSettingsSchema>

export const RoundSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  kind: RoundKindSchema,
  stationedFrom: Type.Union([DateSchema, Type.Null()]),
  stationedTo: Type.Union([DateSchema, Type.Null()]),
  feedbackDate: Type.Union([DateSchema, Type.Null()]),
  planApprovedDate: Type.Union([DateSchema, Type.Null()]),
  settings: RoundSettingsSchema,
  version: Type.Integer(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
})
export type Round = Static<typeof RoundSchema>

const OptDate = Type.Optional(Type.Union([DateSchema, Type.Null()]))

export const CreateRoundBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: RoundKindSchema,
    stationedFrom: OptDate,
    stationedTo: OptDate,
    feedbackDate: OptDate,
    planApprovedDate: OptDate,
    settings: Type.Optional(RoundSettingsSchema),
  },
  { additionalProperties: false },
)
export type CreateRoundBody = Static<typeof CreateRoundBodySchema>

export const UpdateRoundBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    kind: Type.Optional(RoundKindSchema),
    stationedFrom: OptDate,
    stationedTo: OptDate,
    feedbackDate: OptDate,
    planApprovedDate: OptDate,
    settings: Type.Optional(RoundSettingsSchema),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateRoundBody = Static<typeof UpdateRoundBodySchema>

export const ListRoundsQuerySchema = Type.Object(
  { ...PageQueryProperties },
  { additionalProperties: false },
)
export type ListRoundsQuery = Static<typeof ListRoundsQuerySchema>

export const RoundPageSchema = PageSchema(RoundSchema)
export type RoundPage = Static<typeof RoundPageSchema>
