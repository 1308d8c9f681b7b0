import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Rate-limit counters shared by every API instance on one PostgreSQL (plugins/rate-limit-store.ts):
 * one row per route and client key, counting the hits of the window that ends at `reset_at`.
 * UNLOGGED (set in the migration): counters are worth no WAL, and a crash merely resets them.
 * Expired rows are reused by the next hit and purged by housekeeping.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
})
