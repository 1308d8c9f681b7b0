import { Type, type Static } from 'typebox'
import { IdSchema, TimestampSchema } from './common.js'
import { CHANGE_TYPES, CHANGE_ACTIONS } from './constants/changes.js'

export const ChangeTypeSchema = Type.Enum(CHANGE_TYPES, { $id: 'ChangeType' })
export type ChangeType = Static<typeof ChangeTypeSchema>

export const ChangeActionSchema = Type.Enum(CHANGE_ACTIONS, { $id: 'ChangeAction' })

export const ChangeSchema = Type.Object(
  {
    /** Position in the feed; pass it as `after` to resume right after this change. */
    cursor: Type.String(),
    type: ChangeTypeSchema,
    id: IdSchema,
    action: ChangeActionSchema,
    /** The entity's version after the change (its ETag); null when deleted for the caller. */
    version: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    /** When the change was committed. */
    at: TimestampSchema,
    /** The problem a measure or report belongs to (null for other types). */
    problemId: Type.Union([IdSchema, Type.Null()]),
    /** Where to read the entity now (a measure: its problem's measure list); null when deleted. */
    href: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Change' },
)
export type Change = Static<typeof ChangeSchema>

export const ListChangesQuerySchema = Type.Object(
  {
    /** A cursor from a previous page or change; omitted: from the oldest change kept. */
    after: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
)
export type ListChangesQuery = Static<typeof ListChangesQuerySchema>

export const ChangePageSchema = Type.Object(
  {
    items: Type.Array(ChangeSchema),
    /**
     * Where to resume: always set, also on an empty page (it moves past changes the caller may not
     * see). Store it and pass it as `after` on the next poll.
     */
    nextCursor: Type.String(),
    /** True when more changes may follow right away; false: the feed is read to its end for now. */
    hasMore: Type.Boolean(),
    /** Days a change is kept; a cursor older than that answers 410 `cursor_expired`. */
    retentionDays: Type.Integer({ minimum: 1 }),
  },
  { $id: 'ChangePage' },
)
export type ChangePage = Static<typeof ChangePageSchema>
