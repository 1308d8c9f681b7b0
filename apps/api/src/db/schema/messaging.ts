import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { apiClients } from './clients.js'
import { units } from './units.js'
import { users } from './users.js'

/**
 * The outbox of domain events (`problem.status_changed`, `notice.issued` ...): written in the
 * same transaction as the change, fanned out to webhook deliveries by the dispatcher. `seq`
 * orders them; `dispatched_at` marks those already fanned out.
 */
export const events = pgTable(
  'events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    type: text('type').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    unitId: uuid('unit_id'),
    /**
     * Set on events about what one API client sent (its hotline tickets): delivered only to that
     * client's subscriptions and the admin's, never another client's.
     */
    clientId: uuid('client_id'),
    data: jsonb('data').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [
    index('events_undispatched_idx')
      .on(t.seq)
      .where(sql`${t.dispatchedAt} is null`),
  ],
)

/** A message in a user's inbox (消息中心), linking to the record it is about. */
export const inboxMessages = pgTable(
  'inbox_messages',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** An SPA path (`/problems/<id>`), never an external URL. */
    link: text('link'),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inbox_user_idx').on(t.userId, t.createdAt, t.id),
    index('inbox_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
)

/**
 * Reminders sent, one row per (subject, deadline, offset, recipient level): the unique key is
 * what makes each reminder go out exactly once, whatever the number of scheduler instances.
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    id: uuid('id').primaryKey(),
    /** `measure`, `problem`, `report_due`, `notice_reply`. */
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** Days relative to the deadline: 30, 7, 1 before are -30, -7, -1; on the day 0; after +1, +7. */
    offsetDays: integer('offset_days').notNull(),
    /** Who it went to: `contact`, `head` or `office` (escalation). */
    level: text('level').notNull(),
    recipients: integer('recipients').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reminders_sent_once_key').on(
      t.subjectType,
      t.subjectId,
      t.unitId,
      t.deadline,
      t.offsetDays,
    ),
    check('reminders_sent_level_check', sql`${t.level} in ('contact','head','office')`),
  ],
)

/** A webhook subscription registered by an admin. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    eventTypes: text('event_types').array().notNull(),
    format: text('format').notNull(),
    /** HMAC key (generic JSON) or DingTalk signing secret; never returned after creation. */
    secret: text('secret'),
    active: boolean('active').notNull().default(true),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    /** The API client that registered it (`webhooks:manage`); null: the admin's. */
    clientId: uuid('client_id').references(() => apiClients.id),
    /** Deleted: gone from every read and from the fan-out; its delivery log is kept. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_subscriptions_client_idx').on(t.clientId),
    check(
      'webhook_subscriptions_format_check',
      sql`${t.format} in ('json','wecom','dingtalk','sms')`,
    ),
  ],
)

/** One delivery of one event to one subscription: queued, retried with backoff, logged. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastStatusCode: integer('last_status_code'),
    lastLatencyMs: integer('last_latency_ms'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('webhook_deliveries_once_key').on(t.subscriptionId, t.eventId),
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt),
    check(
      'webhook_deliveries_status_check',
      sql`${t.status} in ('pending','succeeded','failed','dead')`,
    ),
  ],
)

/**
 * Every attempt at a delivery, as it went: when, the answer's status code (none when the target
 * was not reached), how long it took and the error. Kept as long as its delivery (deleted with it).
 */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    /** 1 for the first attempt, as counted in the delivery's `attempts`. */
    attempt: integer('attempt').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    succeeded: boolean('succeeded').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    error: text('error'),
  },
  (t) => [unique('webhook_attempts_delivery_attempt_key').on(t.deliveryId, t.attempt)],
)
