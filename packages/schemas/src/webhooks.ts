import { Type, type Static } from 'typebox'
import { IdSchema, PageQueryProperties, PageSchema, TimestampSchema } from './common.js'
import {
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_FORMATS,
  WEBHOOK_DELIVERY_STATUSES,
} from './constants/webhooks.js'

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number]

export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number]

const UrlSchema = Type.String({ minLength: 8, maxLength: 2000 })
const EventTypesSchema = Type.Array(Type.Enum(WEBHOOK_EVENT_TYPES), {
  minItems: 1,
  maxItems: WEBHOOK_EVENT_TYPES.length,
  uniqueItems: true,
})
/** The DingTalk robot's signing secret (加签), as the robot's settings show it (`SEC...`). */
const DingTalkSecretSchema = Type.String({ minLength: 8, maxLength: 200 })

/** A subscription as read: the secret itself is never returned, only whether there is one. */
export const WebhookSubscriptionSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String(),
    url: Type.String(),
    eventTypes: Type.Array(Type.Enum(WEBHOOK_EVENT_TYPES)),
    format: Type.Enum(WEBHOOK_FORMATS),
    hasSecret: Type.Boolean(),
    active: Type.Boolean(),
    /** Set when deliveries stopped after too many consecutive failures; resume clears it. */
    pausedAt: Type.Union([TimestampSchema, Type.Null()]),
    consecutiveFailures: Type.Integer({ minimum: 0 }),
    /** The API client that registered it (`webhooks:manage`); null: registered by an admin. */
    clientId: Type.Union([IdSchema, Type.Null()]),
    version: Type.Integer(),
    createdAt: TimestampSchema,
  },
  { $id: 'WebhookSubscription' },
)
export type WebhookSubscription = Static<typeof WebhookSubscriptionSchema>

export const CreateWebhookBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    url: UrlSchema,
    eventTypes: EventTypesSchema,
    format: Type.Enum(WEBHOOK_FORMATS),
    /** DingTalk only (required there); the generic JSON format's secret is generated. */
    secret: Type.Optional(DingTalkSecretSchema),
    active: Type.Optional(Type.Boolean()),
  },
  { $id: 'CreateWebhookBody', additionalProperties: false },
)
export type CreateWebhookBody = Static<typeof CreateWebhookBodySchema>

export const UpdateWebhookBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    url: Type.Optional(UrlSchema),
    eventTypes: Type.Optional(EventTypesSchema),
    /** DingTalk only: a new signing secret from the robot's settings. */
    secret: Type.Optional(DingTalkSecretSchema),
    active: Type.Optional(Type.Boolean()),
  },
  { $id: 'UpdateWebhookBody', additionalProperties: false, minProperties: 1 },
)
export type UpdateWebhookBody = Static<typeof UpdateWebhookBodySchema>

/**
 * Returned on creation and on secret rotation. `secret` is the generic JSON format's signing key,
 * shown this once and never again; null for the other formats.
 */
export const WebhookWithSecretSchema = Type.Object(
  {
    subscription: WebhookSubscriptionSchema,
    secret: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'WebhookWithSecret' },
)
export type WebhookWithSecret = Static<typeof WebhookWithSecretSchema>

export const ListWebhooksQuerySchema = Type.Object(
  { active: Type.Optional(Type.Boolean()), ...PageQueryProperties },
  { additionalProperties: false },
)
export type ListWebhooksQuery = Static<typeof ListWebhooksQuerySchema>

export const WebhookPageSchema = PageSchema(WebhookSubscriptionSchema, { $id: 'WebhookPage' })
export type WebhookPage = Static<typeof WebhookPageSchema>

/** One attempt at a delivery: when, the answer's status code (null: not reached), latency, error. */
export const WebhookAttemptSchema = Type.Object(
  {
    /** 1 for the first attempt. */
    attempt: Type.Integer({ minimum: 1 }),
    at: TimestampSchema,
    succeeded: Type.Boolean(),
    statusCode: Type.Union([Type.Integer(), Type.Null()]),
    latencyMs: Type.Integer({ minimum: 0 }),
    error: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'WebhookAttempt' },
)
export type WebhookAttempt = Static<typeof WebhookAttemptSchema>

/** One delivery of one event to one subscription, as logged, with every attempt made. */
export const WebhookDeliverySchema = Type.Object(
  {
    id: IdSchema,
    subscriptionId: IdSchema,
    eventId: IdSchema,
    /** An event type, or `webhook.test` for a test sent by an admin. */
    eventType: Type.String(),
    status: Type.Enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: Type.Integer({ minimum: 0 }),
    nextAttemptAt: TimestampSchema,
    lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
    lastLatencyMs: Type.Union([Type.Integer(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    deliveredAt: Type.Union([TimestampSchema, Type.Null()]),
    createdAt: TimestampSchema,
    /** Every attempt so far, oldest first (the last* fields repeat the latest). */
    attemptLog: Type.Array(WebhookAttemptSchema),
  },
  { $id: 'WebhookDelivery' },
)
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>

export const ListWebhookDeliveriesQuerySchema = Type.Object(
  { status: Type.Optional(Type.Enum(WEBHOOK_DELIVERY_STATUSES)), ...PageQueryProperties },
  { additionalProperties: false },
)
export type ListWebhookDeliveriesQuery = Static<typeof ListWebhookDeliveriesQuerySchema>

export const WebhookDeliveryPageSchema = PageSchema(WebhookDeliverySchema, {
  $id: 'WebhookDeliveryPage',
})
export type WebhookDeliveryPage = Static<typeof WebhookDeliveryPageSchema>

/** The test delivery queued by `POST /webhooks/{id}/test`. */
export const WebhookTestResultSchema = Type.Object(
  { deliveryId: IdSchema },
  { $id: 'WebhookTestResult' },
)
export type WebhookTestResult = Static<typeof WebhookTestResultSchema>
