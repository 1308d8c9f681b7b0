import { Type, type Static } from 'typebox'
import { IdSchema, PageQueryProperties, PageSchema, TimestampSchema } from './common.js'
import { UNIT_KINDS } from './constants/units.js'

export type UnitKind = (typeof UNIT_KINDS)[number]
export const UnitKindSchema = Type.Enum(UNIT_KINDS, { $id: 'UnitKind' })

export const UnitSchema = Type.Object(
  {
    id: IdSchema,
    code: Type.String(),
    name: Type.String(),
    kind: UnitKindSchema,
    parentId: Type.Union([IdSchema, Type.Null()]),
    active: Type.Boolean(),
    /** Who reminders go to first (联络员): a user of this unit, or null (then all its users). */
    contactUserId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    /** Who overdue reminders escalate to (负责人): a user of this unit, or null (then the contact). */
    headUserId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    version: Type.Integer(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { $id: 'Unit' },
)
export type Unit = Static<typeof UnitSchema>

const UnitCode = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' })
const UnitName = Type.String({ minLength: 1, maxLength: 100 })

export const CreateUnitBodySchema = Type.Object(
  {
    code: UnitCode,
    name: UnitName,
    kind: UnitKindSchema,
    parentId: Type.Union([IdSchema, Type.Null()]),
  },
  { $id: 'CreateUnitBody', additionalProperties: false },
)
export type CreateUnitBody = Static<typeof CreateUnitBodySchema>

/** Rename, move (new parent), (de)activate or set its contact and head; a unit is never deleted once it has records. */
export const UpdateUnitBodySchema = Type.Object(
  {
    name: Type.Optional(UnitName),
    kind: Type.Optional(UnitKindSchema),
    parentId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
    /** A user of this unit (422 otherwise), or null to clear. */
    contactUserId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    headUserId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
  },
  { $id: 'UpdateUnitBody', additionalProperties: false, minProperties: 1 },
)
export type UpdateUnitBody = Static<typeof UpdateUnitBodySchema>

export const ListUnitsQuerySchema = Type.Object(
  {
    parent: Type.Optional(IdSchema),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    active: Type.Optional(Type.Boolean()),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListUnitsQuery = Static<typeof ListUnitsQuerySchema>

export const UnitPageSchema = PageSchema(UnitSchema, { $id: 'UnitPage' })
export type UnitPage = Static<typeof UnitPageSchema>
