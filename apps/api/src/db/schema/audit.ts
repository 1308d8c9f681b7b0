import { sql } from 'drizzle-orm'
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * The append-only, hash-chained audit log. `seq` is assigned under a transaction-scoped advisory
 * lock so concurrent writers form one chain; triggers (see the custom migration) refuse UPDATE,
 * DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'bigint' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    unitId: uuid('unit_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /**
     * The hash function of this entry's link: 'sha256', or 'sm3' for entries appended with
     * CRYPTO_SUITE=sm. Not inside the hashed fields (older entries verify unchanged); a changed
     * value makes the entry's hash no longer match.
     */
    hashAlg: text('hash_alg').notNull().default('sha256'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_action_idx').on(t.action),
    // A problem's timeline: entries of its measures, reports, extensions ... carry `problemId` in `after`.
    check('audit_log_hash_alg_check', sql`${t.hashAlg} in ('sha256','sm3')`),
    index('audit_log_problem_idx')
      .on(sql`(${t.after} ->> 'problemId')`)
      .where(sql`(${t.after} ->> 'problemId') is not null`),
  ],
)
