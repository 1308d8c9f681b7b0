import { sql } from 'drizzle-orm'
import { apiClients } from './clients.js'
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { measures, problems } from './problems.js'
import { units } from './units.js'

/** A unit's periodic progress report (进展报告/调度) and the office's review of it. */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    measureId: uuid('measure_id').references(() => measures.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    done: text('done').notNull(),
    percent: doublePrecision('percent').notNull(),
    issues: text('issues').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    status: text('status').notNull().default('submitted'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    rating: text('rating'),
    submittedBy: uuid('submitted_by'),
    submittedByName: text('submitted_by_name'),
    /**
     * True when the office submitted the report on the unit's behalf (a monthly progress table it
     * imported, modules/progress-import): `unit_id` is the reporting unit, `submitted_by` the
     * office's user. Reviewed like any other report.
     */
    submittedByOffice: boolean('submitted_by_office').notNull().default(false),
    /**
     * The API client that submitted it on the unit's behalf (`onBehalfOf`: a city-wide system
     * reporting for a unit in its subtree); `submitted_by_name` is then the client's name.
     */
    submittedByClient: uuid('submitted_by_client').references(() => apiClients.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('progress_reports_updated_idx').on(t.updatedAt, t.id),
    index('progress_reports_problem_idx').on(t.problemId, t.createdAt),
    index('progress_reports_status_idx').on(t.status, t.createdAt),
    index('progress_reports_unit_idx').on(t.unitId),
    check('progress_reports_status_check', sql`${t.status} in ('submitted','accepted','returned')`),
    check('progress_reports_percent_check', sql`${t.percent} between 0 and 100`),
  ],
)

/**
 * Evidence files (佐证材料). The bytes live in the file store under `storage_key`; this row keeps
 * what the store cannot: name, sniffed type, size, SHA-256, and the record it belongs to, which
 * is what authorises a download.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mimeType: text('mime_type').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    /** `report`, `acceptance`, `rebound_review`, `public_report` (later: notice, accountability ...); null while not yet attached. */
    ownerType: text('owner_type'),
    ownerId: uuid('owner_id'),
    problemId: uuid('problem_id').references(() => problems.id),
    unitId: uuid('unit_id').references(() => units.id),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('files_owner_idx').on(t.ownerType, t.ownerId),
    index('files_problem_idx').on(t.problemId),
  ],
)
