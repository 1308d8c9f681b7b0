import { sql } from 'drizzle-orm'
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { problems } from './problems.js'
import { units } from './units.js'

/**
 * An application for acceptance (验收申请). `levels` and `criteria` are copied from the round
 * when the unit applies, so a later change of the round's settings never changes a review under
 * way. At most one application per problem is `in_review` (partial unique index).
 */
export const acceptances = pgTable(
  'acceptances',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    seq: integer('seq').notNull(),
    status: text('status').notNull().default('in_review'),
    selfCheck: text('self_check').notNull(),
    levels: jsonb('levels').notNull(),
    criteria: jsonb('criteria').notNull(),
    currentLevel: integer('current_level'),
    appliedBy: uuid('applied_by'),
    appliedByName: text('applied_by_name').notNull(),
    appliedUnitId: uuid('applied_unit_id').references(() => units.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('acceptances_problem_seq_key').on(t.problemId, t.seq),
    index('acceptances_status_idx').on(t.status, t.createdAt),
    uniqueIndex('acceptances_one_open_idx')
      .on(t.problemId)
      .where(sql`${t.status} = 'in_review'`),
    check('acceptances_status_check', sql`${t.status} in ('in_review','passed','returned')`),
  ],
)

/**
 * One level's review. A passing review freezes what it accepted (`snapshot`, with the SHA-256
 * of its canonical JSON); rows are never updated (the audit log records them too).
 */
export const acceptanceReviews = pgTable(
  'acceptance_reviews',
  {
    id: uuid('id').primaryKey(),
    acceptanceId: uuid('acceptance_id')
      .notNull()
      .references(() => acceptances.id),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    level: integer('level').notNull(),
    levelKind: text('level_kind').notNull(),
    reviewerId: uuid('reviewer_id'),
    reviewerName: text('reviewer_name').notNull(),
    reviewerUnitId: uuid('reviewer_unit_id').references(() => units.id),
    checkDate: date('check_date', { mode: 'string' }).notNull(),
    checklist: jsonb('checklist').notNull(),
    opinion: text('opinion').notNull(),
    decision: text('decision').notNull(),
    reason: text('reason'),
    snapshot: jsonb('snapshot'),
    snapshotSha256: text('snapshot_sha256'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('acceptance_reviews_level_key').on(t.acceptanceId, t.level),
    index('acceptance_reviews_problem_idx').on(t.problemId),
    check('acceptance_reviews_decision_check', sql`${t.decision} in ('pass','return')`),
    check(
      'acceptance_reviews_reason_check',
      sql`${t.decision} = 'pass' or ${t.reason} is not null`,
    ),
  ],
)

/** A close-out notice in publicity (公示). At most one `open` per problem. */
export const publicities = pgTable(
  'publicities',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    acceptanceId: uuid('acceptance_id')
      .notNull()
      .references(() => acceptances.id),
    status: text('status').notNull().default('open'),
    notice: text('notice').notNull(),
    days: integer('days').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    openedBy: uuid('opened_by'),
    openedByName: text('opened_by_name').notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('publicities_problem_idx').on(t.problemId),
    uniqueIndex('publicities_open_idx')
      .on(t.problemId)
      .where(sql`${t.status} = 'open'`),
    index('publicities_status_idx').on(t.status, t.endDate),
    check('publicities_status_check', sql`${t.status} in ('open','ended','overturned')`),
    check('publicities_dates_check', sql`${t.startDate} <= ${t.endDate}`),
  ],
)

/** A close-out (销号) with its outcome; `reopened_at` is set when a rebound review failed. */
export const closeouts = pgTable(
  'closeouts',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    publicityId: uuid('publicity_id').references(() => publicities.id),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    closedOn: date('closed_on', { mode: 'string' }).notNull(),
    closedBy: uuid('closed_by'),
    closedByName: text('closed_by_name').notNull(),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('closeouts_problem_idx').on(t.problemId),
    check('closeouts_outcome_check', sql`${t.outcome} in ('rectified','not_rectified')`),
    check('closeouts_reason_check', sql`${t.outcome} = 'rectified' or ${t.reason} is not null`),
  ],
)

/** Follow-up reviews (回头看) scheduled at close-out. */
export const reboundReviews = pgTable(
  'rebound_reviews',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    closeoutId: uuid('closeout_id')
      .notNull()
      .references(() => closeouts.id),
    months: integer('months').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('scheduled'),
    source: text('source'),
    checkDate: date('check_date', { mode: 'string' }),
    findings: text('findings'),
    reviewerId: uuid('reviewer_id'),
    reviewerName: text('reviewer_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('rebound_reviews_closeout_months_key').on(t.closeoutId, t.months),
    index('rebound_reviews_problem_idx').on(t.problemId),
    index('rebound_reviews_due_idx').on(t.status, t.dueDate),
    check(
      'rebound_reviews_status_check',
      sql`${t.status} in ('scheduled','passed','failed','cancelled')`,
    ),
    check(
      'rebound_reviews_source_check',
      sql`${t.source} is null or ${t.source} in ('office','inspection')`,
    ),
  ],
)

/** Holidays on weekdays and make-up working days on weekends (调休), for working-day periods. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [check('calendar_days_kind_check', sql`${t.kind} in ('holiday','workday')`)],
)
