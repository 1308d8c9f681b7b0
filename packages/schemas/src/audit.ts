import { Type, type Static } from 'typebox'
import { IdSchema, PageQueryProperties, PageSchema, TimestampSchema } from './common.js'
import { ACTOR_TYPES, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from './constants/audit.js'

export const ActorTypeSchema = Type.Enum(ACTOR_TYPES, { $id: 'ActorType' })

export const AuditEntrySchema = Type.Object(
  {
    /** Position in the hash chain (1, 2, 3 ...), as a string. */
    seq: Type.String(),
    at: TimestampSchema,
    actorType: ActorTypeSchema,
    actorId: Type.Union([Type.String(), Type.Null()]),
    /** What the actor was called when the entry was written (login name, client name). */
    actorName: Type.Union([Type.String(), Type.Null()]),
    /** The person's name and unit as they are now; null for a client or the CLI. */
    actorDisplayName: Type.Union([Type.String(), Type.Null()]),
    actorUnitName: Type.Union([Type.String(), Type.Null()]),
    unitId: Type.Union([IdSchema, Type.Null()]),
    action: Type.String(),
    entityType: Type.String(),
    entityId: Type.Union([Type.String(), Type.Null()]),
    before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    after: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    requestId: Type.Union([Type.String(), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    userAgent: Type.Union([Type.String(), Type.Null()]),
    prevHash: Type.String(),
    hash: Type.String(),
  },
  { $id: 'AuditEntry' },
)
export type AuditEntry = Static<typeof AuditEntrySchema>

export const ListAuditQuerySchema = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 64 })),
    actorType: Type.Optional(ActorTypeSchema),
    entityType: Type.Optional(Type.String({ maxLength: 64 })),
    entityId: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(TimestampSchema),
    to: Type.Optional(TimestampSchema),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListAuditQuery = Static<typeof ListAuditQuerySchema>

export const AuditPageSchema = PageSchema(AuditEntrySchema, { $id: 'AuditPage' })
export type AuditPage = Static<typeof AuditPageSchema>

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number]
