import { sql } from 'drizzle-orm'
import { check, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'

/**
 * Data keys for personal data (lib/crypto): each wrapped by the key-encryption key that lives
 * outside the database (DATA_KEY, a key file or a key service named by `kek_id`). `data` keys
 * encrypt values, `index` keys compute blind indexes; one of each is active per purpose, the
 * retired ones stay to read what they encrypted. `id` is the key id every ciphertext carries.
 */
export const dataKeys = pgTable(
  'data_keys',
  {
    id: serial('id').primaryKey(),
    purpose: text('purpose').notNull(),
    suite: text('suite').notNull(),
    kekId: text('kek_id').notNull(),
    /** base64 of what the key service's wrap returned. */
    wrapped: text('wrapped').notNull(),
    status: text('status').notNull().default('active'),
    /** How many times the key was re-wrapped under a new key-encryption key. */
    rewraps: integer('rewraps').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    check('data_keys_purpose_check', sql`${t.purpose} in ('data','index')`),
    check('data_keys_suite_check', sql`${t.suite} in ('intl','sm')`),
    check('data_keys_status_check', sql`${t.status} in ('active','retired')`),
    uniqueIndex('data_keys_active_key')
      .on(t.purpose)
      .where(sql`${t.status} = 'active'`),
  ],
)
