import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core'
import { rounds } from './rounds.js'
import { units } from './units.js'
import { GIN_PENDING_LIST } from './gin.js'

/**
 * One line of the problem list. The light and its reasons are derived, never typed in: they are
 * recomputed on every write that can change them and for every problem when the Asia/Shanghai
 * date changes (`light_as_of`), so the ledger can filter and sort by light on an index.
 * `search_tokens` holds the character bigrams of code, title and description (lib/search.ts),
 * so Chinese text search is an indexed array match on PostgreSQL and PGlite alike.
 */
export const problems = pgTable(
  'problems',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    code: text('code').notNull(),
    /** The code's natural-order key (lib/natural-sort.ts), computed by the database on every write. */
    codeKey: text('code_key')
      .notNull()
      .generatedAlwaysAs(sql`rectify_natural_key(code)`),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    source: text('source').notNull(),
    nature: text('nature').notNull(),
    domain: text('domain').notNull(),
    regionId: uuid('region_id').references(() => units.id),
    mode: text('mode').notNull(),
    target: text('target').notNull().default(''),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** The deadline as the imported plan wrote it (2023年6月底前完成并长期坚持); '' when typed in. */
    deadlineText: text('deadline_text').notNull().default(''),
    /**
     * Collective responsibilities the imported plan named (各级党委、政府; 市直有关单位), kept as
     * written, 、-joined, when the office recorded them as such with a coordinating unit (that
     * unit is a lead or co-unit of the problem); '' otherwise.
     */
    collectiveUnits: text('collective_units').notNull().default(''),
    originalDeadline: date('original_deadline', { mode: 'string' }),
    leadLeader: jsonb('lead_leader'),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    responsiblePersons: jsonb('responsible_persons').notNull().default([]),
    parentId: uuid('parent_id').references((): AnyPgColumn => problems.id),
    public: boolean('public').notNull().default(false),
    status: text('status').notNull().default('draft'),
    rebound: boolean('rebound').notNull().default(false),
    /** While closed: `rectified` or `not_rectified` (see closeouts). */
    outcome: text('outcome'),
    closedOn: date('closed_on', { mode: 'string' }),
    reportedProgress: doublePrecision('reported_progress').notNull().default(0),
    plannedProgress: doublePrecision('planned_progress').notNull().default(0),
    light: text('light').notNull().default('green'),
    lightReasons: jsonb('light_reasons').notNull().default([]),
    lightAsOf: date('light_as_of', { mode: 'string' }),
    searchTokens: text('search_tokens')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('problems_round_code_key').on(t.roundId, t.code),
    index('problems_status_idx').on(t.status),
    index('problems_light_idx').on(t.light, t.deadline),
    // The ledger sorted by severity (red, yellow, blue, green), then deadline: see LIGHT_RANK.
    index('problems_light_rank_idx').on(
      sql`(case ${t.light} when 'red' then 0 when 'yellow' then 1 when 'blue' then 2 else 3 end)`,
      t.deadline,
      t.id,
    ),
    index('problems_deadline_idx').on(t.deadline, t.id),
    // The dashboard's most-behind list (bucket behind, largest planned − reported gap first):
    // the top ten off this index instead of sorting every behind problem's wide row.
    index('problems_behind_gap_idx')
      .on(sql`(${t.plannedProgress} - ${t.reportedProgress}) desc`, t.deadline, t.id)
      .where(
        sql`${t.status} in ('draft', 'plan_review', 'in_progress') and ${t.light} in ('yellow', 'red') and ${t.outcome} is distinct from 'not_rectified'`,
      ),
    index('problems_updated_idx').on(t.updatedAt, t.id),
    // The ledger in code order: 第2项 before 第10项 (the natural key, not the text).
    index('problems_code_key_idx').on(t.codeKey, t.id),
    // The ledger's other filters, combined by bitmap AND with status and each other.
    index('problems_domain_idx').on(t.domain, t.status),
    index('problems_mode_idx').on(t.mode),
    index('problems_source_idx').on(t.source),
    index('problems_nature_idx').on(t.nature),
    index('problems_lead_unit_idx').on(t.leadUnitId),
    index('problems_region_idx').on(t.regionId),
    index('problems_parent_idx').on(t.parentId),
    index('problems_search_idx').using('gin', t.searchTokens).with(GIN_PENDING_LIST),
    // The public board: published problems only, newest first.
    index('problems_public_idx')
      .on(t.updatedAt, t.id)
      .where(sql`${t.public}`),
    index('problems_rebound_idx')
      .on(t.id)
      .where(sql`${t.rebound}`),
    check(
      'problems_status_check',
      sql`${t.status} in ('draft','plan_review','in_progress','acceptance','publicity','closed')`,
    ),
    check(
      'problems_outcome_check',
      sql`(${t.status} = 'closed') = (${t.outcome} is not null) and ${t.outcome} in ('rectified','not_rectified')`,
    ),
    check('problems_light_check', sql`${t.light} in ('green','blue','yellow','red')`),
  ],
)

/**
 * Which units a problem concerns and how (lead, co-responsible, region, measure): the join that
 * scopes a unit user's view of the ledger to its subtree with one indexed look-up.
 */
export const problemUnits = pgTable(
  'problem_units',
  {
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.problemId, t.unitId, t.role] }),
    // Covering: a unit subtree's problems come from the index alone (scope counts, unit filter).
    index('problem_units_unit_idx').on(t.unitId, t.role, t.problemId),
  ],
)

export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    seq: integer('seq').notNull(),
    content: text('content').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    personName: text('person_name').notNull().default(''),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    originalDeadline: date('original_deadline', { mode: 'string' }),
    weight: doublePrecision('weight').notNull().default(1),
    status: text('status').notNull().default('pending'),
    percent: doublePrecision('percent').notNull().default(0),
    doneDate: date('done_date', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('measures_problem_idx').on(t.problemId, t.seq),
    index('measures_unit_idx').on(t.unitId),
    check('measures_dates_check', sql`${t.startDate} <= ${t.deadline}`),
    check('measures_status_check', sql`${t.status} in ('pending','in_progress','done')`),
  ],
)

export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    weight: doublePrecision('weight'),
    doneDate: date('done_date', { mode: 'string' }),
  },
  (t) => [index('milestones_measure_idx').on(t.measureId, t.seq)],
)

/** Deadline extension requests (申请延期); the original deadline is kept on the problem/measure. */
export const extensions = pgTable(
  'extensions',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    measureId: uuid('measure_id').references(() => measures.id),
    currentDeadline: date('current_deadline', { mode: 'string' }).notNull(),
    requestedDeadline: date('requested_deadline', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('requested'),
    decisionReason: text('decision_reason'),
    requestedBy: uuid('requested_by'),
    requestedByName: text('requested_by_name'),
    /** The unit that asked: it may never decide its own request. */
    requestedByUnitId: uuid('requested_by_unit_id').references(() => units.id),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('extensions_problem_idx').on(t.problemId),
    index('extensions_status_idx').on(t.status),
  ],
)
