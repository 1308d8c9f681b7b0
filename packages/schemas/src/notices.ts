import { Type, type Static } from 'typebox'
import { ActorRefSchema } from './acceptance.js'
import { UnitRefSchema } from './auth.js'
import {
  DateSchema,
  IdSchema,
  NonBlank,
  PageQueryProperties,
  TimestampSchema,
  UpdatedSinceProperty,
} from './common.js'
import { FileSchema } from './reports.js'
import { ProblemRefSchema, type ProblemRef } from './problems.js'
import { NOTICE_LEVELS, NOTICE_STATUSES } from './constants/notices.js'

/*
 * Supervision notices (督办单): DOMAIN.md "Supervision notice". The office issues one to a unit
 * about one or more problems; the unit replies with text and evidence; the office closes it or
 * escalates it to the next level.
 */

export type NoticeLevel = (typeof NOTICE_LEVELS)[number]
export const NoticeLevelSchema = Type.Enum(NOTICE_LEVELS, { $id: 'NoticeLevel' })

export type NoticeStatus = (typeof NOTICE_STATUSES)[number]
export const NoticeStatusSchema = Type.Enum(NOTICE_STATUSES, { $id: 'NoticeStatus' })

/** Most problems one notice may name. */
export const NOTICE_MAX_PROBLEMS = 50

/** A problem as a notice names it. */
export type NoticeProblem = ProblemRef

/** Another notice of the escalation chain. */
export const NoticeRefSchema = Type.Object(
  {
    id: IdSchema,
    number: Type.String(),
    level: NoticeLevelSchema,
    status: NoticeStatusSchema,
  },
  { $id: 'NoticeRef' },
)
export type NoticeRef = Static<typeof NoticeRefSchema>

export const NoticeReplySchema = Type.Object(
  {
    text: Type.String(),
    at: TimestampSchema,
    by: ActorRefSchema,
    files: Type.Array(FileSchema),
  },
  { $id: 'NoticeReply' },
)
export type NoticeReply = Static<typeof NoticeReplySchema>

export const NoticeSchema = Type.Object(
  {
    id: IdSchema,
    /** 督办〔2026〕12号: one sequence per year across the levels. */
    number: Type.String(),
    year: Type.Integer(),
    seq: Type.Integer({ minimum: 1 }),
    level: NoticeLevelSchema,
    status: NoticeStatusSchema,
    unit: UnitRefSchema,
    title: Type.String(),
    body: Type.String(),
    replyDue: DateSchema,
    issuedOn: DateSchema,
    issuedBy: ActorRefSchema,
    /** Derived: still `issued` and the reply date has passed (Asia/Shanghai). */
    overdue: Type.Boolean(),
    /** Days past the reply date while overdue, else 0. */
    daysOverdue: Type.Integer({ minimum: 0 }),
    problems: Type.Array(ProblemRefSchema),
    /** The notice's attachments. */
    files: Type.Array(FileSchema),
    reply: Type.Union([NoticeReplySchema, Type.Null()]),
    closedAt: Type.Union([TimestampSchema, Type.Null()]),
    closeNote: Type.Union([Type.String(), Type.Null()]),
    /** The notice this one escalated, and the one that escalated it. */
    parent: Type.Union([NoticeRefSchema, Type.Null()]),
    child: Type.Union([NoticeRefSchema, Type.Null()]),
    version: Type.Integer({ minimum: 1 }),
    createdAt: TimestampSchema,
  },
  { $id: 'Notice' },
)
export type Notice = Static<typeof NoticeSchema>

/** What the caller may do with a notice now. */
export const NoticeCanSchema = Type.Object(
  {
    reply: Type.Boolean(),
    close: Type.Boolean(),
    escalate: Type.Boolean(),
  },
  { $id: 'NoticeCan' },
)
export type NoticeCan = Static<typeof NoticeCanSchema>

/** One notice with its whole escalation chain (first first) and what the caller may do. */
export const NoticeDetailSchema = Type.Object(
  {
    ...NoticeSchema.properties,
    chain: Type.Array(NoticeRefSchema),
    can: NoticeCanSchema,
  },
  { $id: 'NoticeDetail' },
)
export type NoticeDetail = Static<typeof NoticeDetailSchema>

export const NoticePageSchema = Type.Object(
  {
    items: Type.Array(NoticeSchema),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
    total: Type.Integer({ minimum: 0 }),
    /** How many of the `total` are overdue. */
    overdue: Type.Integer({ minimum: 0 }),
  },
  { $id: 'NoticePage' },
)
export type NoticePage = Static<typeof NoticePageSchema>

export const ListNoticesQuerySchema = Type.Object(
  {
    status: Type.Optional(NoticeStatusSchema),
    level: Type.Optional(NoticeLevelSchema),
    /** Notices addressed to this unit or its subtree. */
    unit: Type.Optional(IdSchema),
    overdue: Type.Optional(Type.Boolean()),
    /** Notices naming this problem. */
    problem: Type.Optional(IdSchema),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    ...UpdatedSinceProperty,
    ...PageQueryProperties,
  },
  { additionalProperties: false },
)
export type ListNoticesQuery = Static<typeof ListNoticesQuerySchema>

const FileIdsSchema = Type.Array(IdSchema, { maxItems: 20, uniqueItems: true })

export const IssueNoticeBodySchema = Type.Object(
  {
    level: NoticeLevelSchema,
    unitId: IdSchema,
    problemIds: Type.Array(IdSchema, {
      minItems: 1,
      maxItems: NOTICE_MAX_PROBLEMS,
      uniqueItems: true,
    }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: NonBlank(10000),
    /** Today or later. */
    replyDue: DateSchema,
    fileIds: Type.Optional(FileIdsSchema),
  },
  { $id: 'IssueNoticeBody', additionalProperties: false },
)
export type IssueNoticeBody = Static<typeof IssueNoticeBodySchema>

export const ReplyNoticeBodySchema = Type.Object(
  {
    text: NonBlank(10000),
    fileIds: Type.Optional(FileIdsSchema),
  },
  { $id: 'ReplyNoticeBody', additionalProperties: false },
)
export type ReplyNoticeBody = Static<typeof ReplyNoticeBodySchema>

export const CloseNoticeBodySchema = Type.Object(
  { note: Type.String({ maxLength: 2000 }) },
  { $id: 'CloseNoticeBody', additionalProperties: false },
)
export type CloseNoticeBody = Static<typeof CloseNoticeBodySchema>

export const EscalateNoticeBodySchema = Type.Object(
  {
    /** Defaults to the escalated notice's title. */
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    body: NonBlank(10000),
    replyDue: DateSchema,
  },
  { $id: 'EscalateNoticeBody', additionalProperties: false },
)
export type EscalateNoticeBody = Static<typeof EscalateNoticeBodySchema>
