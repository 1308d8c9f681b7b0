import { Type, type Static, type TSchema } from 'typebox'
import { DateSchema, IdSchema, Nullable } from './common.js'
import { NoticeRefSchema } from './notices.js'
import type { WebhookEventType } from './webhooks.js'

/**
 * The `data` of each webhook event, as the API's event outbox writes it (emitEvent is typed by
 * these, so an emitter that strays from its payload does not compile). Receivers should ignore
 * fields they do not know: new ones may be added, none removed. Never a person's contact.
 */
const Ids = Type.Array(IdSchema)
const noticeFields = {
  ...NoticeRefSchema.properties,
  unitId: IdSchema,
  replyDue: DateSchema,
}

export const WEBHOOK_EVENT_DATA = {
  'problem.status_changed': Type.Object({
    problemId: IdSchema,
    code: Type.String(),
    title: Type.String(),
    action: Type.String({ description: 'The transition taken (submit_plan, approve_plan, …)' }),
    from: Type.String(),
    to: Type.String(),
    reason: Nullable(Type.String()),
  }),
  'problem.light_changed': Type.Object({
    problemId: IdSchema,
    code: Type.String(),
    title: Type.String(),
    from: Type.String({ description: 'The light before (green, yellow, blue, red, …)' }),
    to: Type.String(),
    date: DateSchema,
  }),
  'report.submitted': Type.Object({
    reportId: IdSchema,
    problemId: IdSchema,
    measureId: Nullable(IdSchema),
    unit: Type.String({ description: "The reporting unit's name" }),
    period: Type.String(),
    percent: Type.Number(),
    submittedOnBehalf: Type.Boolean({
      description: 'Entered for the unit by the office or by an API client (onBehalfOf)',
    }),
    submittedByClient: Nullable(
      Type.Object(
        { id: IdSchema, name: Type.String() },
        { description: 'The API client that submitted it for the unit' },
      ),
    ),
  }),
  'report.reviewed': Type.Object({
    reportId: IdSchema,
    problemId: IdSchema,
    decision: Type.String({ description: 'accept or return' }),
    status: Type.String(),
    percent: Type.Number(),
    rating: Nullable(Type.String()),
    unit: Type.String(),
    period: Type.String(),
  }),
  'notice.issued': Type.Object({ ...noticeFields, problemIds: Ids }),
  'notice.replied': Type.Object({ ...noticeFields, replyText: Type.String(), fileIds: Ids }),
  'notice.closed': Type.Object({ ...noticeFields, note: Nullable(Type.String()) }),
  'notice.escalated': Type.Object({
    ...noticeFields,
    to: NoticeRefSchema,
    fromLevel: Type.String(),
  }),
  'inspection.finding_recorded': Type.Object({
    inspectionId: IdSchema,
    findingId: IdSchema,
    seq: Type.Integer(),
    problemId: Nullable(IdSchema),
    opened: Type.Boolean({ description: 'The finding opened a new problem' }),
    kind: Type.String(),
  }),
  'card.issued': Type.Object({
    id: IdSchema,
    unitId: IdSchema,
    color: Type.String(),
    reason: Type.String(),
    problemIds: Ids,
    issuedOn: DateSchema,
  }),
  'accountability.recorded': Type.Object({
    recordId: IdSchema,
    subjectKind: Type.String(),
    unitId: Nullable(IdSchema),
    form: Type.String(),
    decisionDate: DateSchema,
    docNumber: Nullable(Type.String()),
    problemIds: Ids,
  }),
  'dispatch.closed': Type.Object({
    id: IdSchema,
    roundId: IdSchema,
    period: Type.String(),
    title: Type.String(),
    completed: Type.Integer(),
    onSchedule: Type.Integer(),
    behind: Type.Integer(),
    overdue: Type.Integer(),
    notReported: Type.Integer(),
    closedNotRectified: Type.Integer(),
  }),
  'reminder.due': Type.Object({
    subjectType: Type.String({ description: 'measure, problem or notice_reply' }),
    subjectId: IdSchema,
    problemId: Nullable(IdSchema),
    deadline: DateSchema,
    offsetDays: Type.Integer({ description: 'Days after (+) or before (−) the deadline' }),
    level: Type.String({ description: 'contact, head or office' }),
    recipients: Type.Integer(),
  }),
  'petition.assigned': Type.Object({
    petitionId: IdSchema,
    receiptNo: Type.String(),
    unitId: IdSchema,
    deadline: DateSchema,
  }),
  'petition.reported': Type.Object({
    petitionId: IdSchema,
    receiptNo: Type.String(),
    finding: Nullable(Type.String()),
  }),
  'petition.closed': Type.Object({
    petitionId: IdSchema,
    receiptNo: Type.String(),
    finding: Nullable(Type.String()),
  }),
  'sweep.launched': Type.Object({
    sweepId: IdSchema,
    problemId: IdSchema,
    unitId: IdSchema,
    title: Type.String(),
    dueDate: DateSchema,
  }),
  'sweep.reported': Type.Object({
    sweepId: IdSchema,
    problemId: IdSchema,
    unitId: IdSchema,
    status: Type.String(),
    childIds: Ids,
  }),
  'institution.recorded': Type.Object({
    institutionId: IdSchema,
    title: Type.String(),
    kind: Type.String(),
    docNumber: Nullable(Type.String()),
    issuingUnitId: IdSchema,
    issuedOn: DateSchema,
    public: Type.Boolean(),
    problemIds: Ids,
  }),
  'public_report.answered': Type.Object({
    externalId: Type.String({ description: "The hotline's own ticket number" }),
    trackingCode: Type.String(),
    status: Type.String(),
    reply: Type.String({ description: "The office's public reply" }),
    repliedAt: Nullable(Type.String({ format: 'date-time' })),
  }),
  'public_report.linked': Type.Object({
    externalId: Type.String({ description: "The hotline's own ticket number" }),
    trackingCode: Type.String(),
    status: Type.String({ description: 'linked or converted (a problem was opened from it)' }),
  }),
} satisfies Record<WebhookEventType, TSchema>

/** The `webhook.test` delivery an admin sends from the subscription's page (not subscribable). */
export const WebhookTestDataSchema = Type.Object(
  {
    subscription: Type.String(),
    message: Type.String(),
  },
  { $id: 'WebhookTestData' },
)

export type WebhookEventData<T extends WebhookEventType> = Static<(typeof WEBHOOK_EVENT_DATA)[T]>
