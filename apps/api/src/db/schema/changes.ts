import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'

/**
 * The change feed (GET /changes, modules/changes): one row per entity a committed transaction
 * changed, written by the audit writer in that transaction. `seq` is taken while the audit
 * chain's advisory lock is held, and that lock is held until commit, so seq order is commit
 * order: a reader never sees seq n+1 before seq n. `reach` is the units whose subtree may read
 * the entity after the change, `prev_reach` before it — a reader whose subtree was in
 * `prev_reach` but is not in `reach` sees the change as a deletion (the entity left its scope).
 * Rows older than CHANGES_RETENTION_DAYS are purged (housekeeping).
 */
export const changes = pgTable(
  'changes',
  {
    seq: bigint('seq', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action').notNull(),
    version: integer('version'),
    /** The problem a measure or report belongs to. */
    problemId: uuid('problem_id'),
    reach: uuid('reach').array().notNull(),
    prevReach: uuid('prev_reach').array().notNull(),
    auditSeq: bigint('audit_seq', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    index('changes_at_idx').on(t.at),
    check('changes_action_check', sql`${t.action} in ('created','updated','deleted')`),
  ],
)

/**
 * The latest reach of every entity the feed knows (what `prev_reach` of its next change is),
 * kept apart from `changes` so purging old changes never forgets who could see an entity.
 */
export const changeHeads = pgTable(
  'change_heads',
  {
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    reach: uuid('reach').array().notNull(),
    problemId: uuid('problem_id'),
  },
  (t) => [primaryKey({ columns: [t.entityType, t.entityId] })],
)
