import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** An inspection round (督察批次) and the settings its later stages read. */
export const rounds = pgTable('rounds', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  kind: text('kind').notNull(),
  stationedFrom: date('stationed_from', { mode: 'string' }),
  stationedTo: date('stationed_to', { mode: 'string' }),
  feedbackDate: date('feedback_date', { mode: 'string' }),
  planApprovedDate: date('plan_approved_date', { mode: 'string' }),
  settings: jsonb('settings').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
