import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Remembered POST responses, keyed by the caller and its Idempotency-Key. A row with a null
 * status is a request still in flight, or one whose write committed (committed_at) but whose
 * response was lost.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actor: text('actor').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    headers: jsonb('headers'),
    body: text('body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set by the request's own transaction just before it commits: the write happened, even if
     * its response (status, body) was never stored because the database went away in between.
     */
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.actor, t.key] })],
)
