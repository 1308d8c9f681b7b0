import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core'

/**
 * Units form a tree (city → departments and counties → townships). `path` is the materialised
 * path of ids from the root (`/a/b/c/`), so "this unit and its subtree" is one indexed prefix
 * match; moving a unit rewrites the paths of its subtree in the same transaction.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    path: text('path').notNull(),
    active: boolean('active').notNull().default(true),
    /** Who reminders go to first (联络员), then the unit's head (负责人): see modules/reminders. */
    contactUserId: uuid('contact_user_id'),
    headUserId: uuid('head_user_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_parent_idx').on(t.parentId),
    index('units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    check('units_kind_check', sql`${t.kind} in ('city','department','county','township','other')`),
  ],
)
