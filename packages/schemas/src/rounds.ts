import { Type, type Static } from 'typebox'
import { DateSchema, IdSchema, PageQueryProperties, PageSchema, TimestampSchema } from './common.js'
import { ROUND_KINDS, ACCEPTANCE_LEVELS } from './constants/rounds.js'

export const RoundKindSchema = Type.Enum(ROUND_KINDS, { $id: 'RoundKind' })

export const AcceptanceLevelSchema = Type.Enum(ACCEPTANCE_LEVELS, { $id: 'AcceptanceLevel' })
export type AcceptanceLevel = (typeof ACCEPTANCE_LEVELS)[number]

const settingsProperties = {
  /** Review levels of acceptance, in order (e.g. county acceptance, then city review). */
  acceptanceLevels: Type.Array(AcceptanceLevelSchema, { minItems: 1, maxItems: 4 }),
  /** Publicity period in working days. */
  publicityDays: Type.Integer({ minimum: 1, maximum: 60 }),
  /** The acceptance checklist each review level ticks. */
  criteria: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
    minItems: 1,
    maxItems: 20,
    uniqueItems: true,
  }),
  /** Rebound reviews (回头看) after close-out, in months; empty: none. */
  reboundMonths: Type.Array(Type.Integer({ minimum: 1, maximum: 60 }), {
    maxItems: 6,
    uniqueItems: true,
  }),
}

/** Per-round settings that the acceptance and reminder stages read. */
export const RoundSettingsSchema = Type.Object(settingsProperties, {
  $id: 'RoundSettings',
  additionalProperties: false,
})
export type RoundSettings = Static<typeof RoundSettingsSchema>

/** Settings as sent: any subset, merged over the round's current (or default) settings. */
export const RoundSettingsInputSchema = Type.Object(
  {
    acceptanceLevels: Type.Optional(settingsProperties.acceptanceLevels),
    publicityDays: Type.Optional(settingsProperties.publicityDays),
    criteria: Type.Optional(settingsProperties.criteria),
    reboundMonths: Type.Optional(settingsProperties.reboundMonths),
  },
  { $id: 'RoundSettingsInput', additionalProperties: false },
)
export type RoundSettingsInput = Static<typeof RoundSettingsInputSchema>

export const RoundSchema = Type.Object(
  {
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
  },
  { $id: 'Round' },
)
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
    settings: Type.Optional(RoundSettingsInputSchema),
  },
  { $id: 'CreateRoundBody', additionalProperties: false },
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
    settings: Type.Optional(RoundSettingsInputSchema),
  },
  { $id: 'UpdateRoundBody', additionalProperties: false, minProperties: 1 },
)
export type UpdateRoundBody = Static<typeof UpdateRoundBodySchema>

export const ListRoundsQuerySchema = Type.Object(
  { ...PageQueryProperties },
  { additionalProperties: false },
)
export type ListRoundsQuery = Static<typeof ListRoundsQuerySchema>

export const RoundPageSchema = PageSchema(RoundSchema, { $id: 'RoundPage' })
export type RoundPage = Static<typeof RoundPageSchema>
