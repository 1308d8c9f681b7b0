import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { problems } from './problems.js'
import { rounds } from './rounds.js'
import { units } from './units.js'

/**
 * A dispatch period (定期调度): the office asks every unit for its reports of `period` by
 * `due_date`. While open, who has not reported is computed from progress_reports; closing
 * freezes the figures reported upward into `summary` (never recomputed afterwards).
 */
export const dispatchPeriods = pgTable(
  'dispatch_periods',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    /** `2026-10` (month) or `2026-W42` (ISO week), as progress_reports.period. */
    period: text('period').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    summary: jsonb('summary'),
    /** The dispatch bulletin's requirements for the next period (editable text, 下一步工作要求). */
    bulletinRequirements: text('bulletin_requirements').notNull().default(''),
    openedBy: uuid('opened_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('dispatch_periods_round_period_key').on(t.roundId, t.period),
    index('dispatch_periods_status_idx').on(t.status, t.dueDate),
    check('dispatch_periods_status_check', sql`${t.status} in ('open','closed')`),
    check(
      'dispatch_periods_summary_check',
      sql`(${t.status} = 'closed') = (${t.summary} is not null)`,
    ),
  ],
)

/**
 * A supervision notice (督办单) to one unit about one or more problems, numbered per year
 * (督办〔2026〕12号: `year`, `seq`). Escalation issues a new notice at the next level with
 * `parent_id` pointing back; the old one ends `escalated`.
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    level: text('level').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    replyDue: date('reply_due', { mode: 'string' }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('issued'),
    replyText: text('reply_text'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedBy: uuid('replied_by'),
    repliedByName: text('replied_by_name'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeNote: text('close_note'),
    parentId: uuid('parent_id'),
    issuedBy: uuid('issued_by'),
    issuedByName: text('issued_by_name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notices_updated_idx').on(t.updatedAt, t.id),
    unique('notices_year_seq_key').on(t.year, t.seq),
    index('notices_unit_idx').on(t.unitId, t.status),
    index('notices_status_idx').on(t.status, t.replyDue),
    check('notices_level_check', sql`${t.level} in ('reminder','supervision','warning','listed')`),
    check('notices_status_check', sql`${t.status} in ('issued','replied','closed','escalated')`),
  ],
)

export const noticeProblems = pgTable(
  'notice_problems',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.problemId] }),
    index('notice_problems_problem_idx').on(t.problemId),
  ],
)

/**
 * An inspection (督查检查 / 明察暗访). An `unannounced` one is invisible to its target units
 * until it has happened (status `done`).
 */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    plannedDate: date('planned_date', { mode: 'string' }).notNull(),
    team: text('team').notNull().default(''),
    sites: jsonb('sites').notNull().default([]),
    status: text('status').notNull().default('planned'),
    doneDate: date('done_date', { mode: 'string' }),
    summary: text('summary').notNull().default(''),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspections_planned_idx').on(t.plannedDate),
    check('inspections_kind_check', sql`${t.kind} in ('routine','unannounced')`),
    check('inspections_status_check', sql`${t.status} in ('planned','done','cancelled')`),
    check('inspections_done_check', sql`(${t.status} = 'done') = (${t.doneDate} is not null)`),
  ],
)

export const inspectionUnits = pgTable(
  'inspection_units',
  {
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.inspectionId, t.unitId] }),
    index('inspection_units_unit_idx').on(t.unitId),
  ],
)

/** A finding of an inspection; it opened a problem or links to an existing one. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid('id').primaryKey(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    seq: integer('seq').notNull(),
    content: text('content').notNull(),
    site: text('site').notNull().default(''),
    unitId: uuid('unit_id').references(() => units.id),
    problemId: uuid('problem_id').references(() => problems.id),
    /** True when the finding opened its problem (source `inspection`). */
    opened: boolean('opened').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('inspection_findings_seq_key').on(t.inspectionId, t.seq),
    index('inspection_findings_problem_idx').on(t.problemId),
  ],
)

/**
 * A suggestion the system makes from lights and notice history (two yellows → supervision
 * letter, red → admonishing talk ...). Nothing happens until the office confirms it; `key` makes
 * the same suggestion for the same facts appear once.
 */
export const cardSuggestions = pgTable(
  'card_suggestions',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull().unique(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    problemId: uuid('problem_id').references(() => problems.id),
    kind: text('kind').notNull(),
    rule: text('rule').notNull(),
    facts: jsonb('facts').notNull(),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    cardId: uuid('card_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('card_suggestions_status_idx').on(t.status, t.createdAt),
    check(
      'card_suggestions_kind_check',
      sql`${t.kind} in ('yellow_card','red_card','supervision_notice','admonishing_talk')`,
    ),
    check('card_suggestions_status_check', sql`${t.status} in ('pending','confirmed','dismissed')`),
  ],
)

/** A yellow or red card (黄牌/红牌) issued to a unit by the office. */
export const cards = pgTable(
  'cards',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    color: text('color').notNull(),
    reason: text('reason').notNull(),
    problemIds: jsonb('problem_ids').notNull().default([]),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedBy: uuid('issued_by'),
    issuedByName: text('issued_by_name').notNull(),
    suggestionId: uuid('suggestion_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cards_unit_idx').on(t.unitId, t.issuedOn),
    check('cards_color_check', sql`${t.color} in ('yellow','red')`),
  ],
)

/** The assessment rule table (考核扣分): points per occurrence of each rule, editable by the office. */
export const assessmentRules = pgTable('assessment_rules', {
  code: text('code').primaryKey(),
  points: integer('points').notNull(),
  description: text('description').notNull(),
  version: integer('version').notNull().default(1),
})

/** An accountability record (问责): a unit or a person held to account for problems. */
export const accountabilityRecords = pgTable(
  'accountability_records',
  {
    id: uuid('id').primaryKey(),
    subjectKind: text('subject_kind').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    personName: text('person_name'),
    personPost: text('person_post'),
    form: text('form').notNull(),
    decidingBody: text('deciding_body').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    docNumber: text('doc_number').notNull().default(''),
    summary: text('summary').notNull().default(''),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('accountability_unit_idx').on(t.unitId),
    index('accountability_date_idx').on(t.decisionDate, t.id),
    check('accountability_subject_check', sql`${t.subjectKind} in ('unit','person')`),
    check(
      'accountability_person_check',
      sql`${t.subjectKind} = 'unit' or ${t.personName} is not null`,
    ),
    check(
      'accountability_form_check',
      sql`${t.form} in ('talk','criticism','admonition','organisational','party_discipline','administrative_sanction','judicial_transfer')`,
    ),
  ],
)

export const accountabilityProblems = pgTable(
  'accountability_problems',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => accountabilityRecords.id),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
  },
  (t) => [
    primaryKey({ columns: [t.recordId, t.problemId] }),
    index('accountability_problems_problem_idx').on(t.problemId),
  ],
)
