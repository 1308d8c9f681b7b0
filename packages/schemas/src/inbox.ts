import { Type, type Static } from 'typebox'
import { IdSchema, PageQueryProperties, PageSchema, TimestampSchema } from './common.js'
import { INBOX_KINDS } from './constants/inbox.js'

/*
 * The in-app inbox (消息中心): messages to one person about a record (a reminder, a notice, a
 * review ...). Only people have an inbox; each reads only their own.
 */

export type InboxKind = (typeof INBOX_KINDS)[number]

export const InboxMessageSchema = Type.Object(
  {
    id: IdSchema,
    /** One of INBOX_KINDS (kept open: a newer module may write a kind this client does not know). */
    kind: Type.String(),
    title: Type.String(),
    body: Type.String(),
    /** The SPA path of the record the message is about (`/problems/<id>`), or null. */
    link: Type.Union([Type.String(), Type.Null()]),
    entityType: Type.Union([Type.String(), Type.Null()]),
    entityId: Type.Union([IdSchema, Type.Null()]),
    readAt: Type.Union([TimestampSchema, Type.Null()]),
    createdAt: TimestampSchema,
  },
  { $id: 'InboxMessage' },
)
export type InboxMessage = Static<typeof InboxMessageSchema>

export const ListInboxQuerySchema = Type.Object(
  {
    /** Only unread messages. */
    unread: Type.Optional(Type.Boolean()),
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z_]+$' })),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListInboxQuery = Static<typeof ListInboxQuerySchema>

export const InboxPageSchema = PageSchema(InboxMessageSchema, { $id: 'InboxPage' })
export type InboxPage = Static<typeof InboxPageSchema>

export const UnreadCountSchema = Type.Object(
  { count: Type.Integer({ minimum: 0 }) },
  { $id: 'UnreadCount' },
)
export type UnreadCount = Static<typeof UnreadCountSchema>

/** What read-all changed. */
export const ReadAllResultSchema = Type.Object(
  { marked: Type.Integer({ minimum: 0 }) },
  { $id: 'ReadAllResult' },
)
export type ReadAllResult = Static<typeof ReadAllResultSchema>
