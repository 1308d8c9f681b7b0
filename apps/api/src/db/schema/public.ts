import { sql } from 'drizzle-orm'
import {
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { publicities } from './acceptance.js'
import { apiClients } from './clients.js'
import { problems } from './problems.js'
import { GIN_PENDING_LIST } from './gin.js'

/**
 * A report from the public board (群众/代表/媒体监督). `name` and `contact` are for the office
 * only, and sealed (lib/crypto: `enc:…`). `challenge_salt` is unique: a solved proof-of-work challenge buys one submission.
 * `search_tokens` holds the content's bigrams (lib/search.ts) for the office's search.
 */
export const publicReports = pgTable(
  'public_reports',
  {
    id: uuid('id').primaryKey(),
    trackingCode: text('tracking_code').notNull().unique(),
    reporterType: text('reporter_type').notNull(),
    name: text('name'),
    contact: text('contact'),
    content: text('content').notNull(),
    problemId: uuid('problem_id').references(() => problems.id),
    publicityId: uuid('publicity_id').references(() => publicities.id),
    status: text('status').notNull().default('new'),
    ruling: text('ruling'),
    rulingReason: text('ruling_reason'),
    ruledBy: uuid('ruled_by'),
    ruledAt: timestamp('ruled_at', { withTimezone: true }),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    createdProblemId: uuid('created_problem_id').references(() => problems.id),
    challengeSalt: text('challenge_salt').notNull().unique(),
    /** SHA-256 of the submitter's IP with a server secret: enough to spot floods, not to identify. */
    ipHash: text('ip_hash'),
    searchTokens: text('search_tokens')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * A hotline's report (`reports:intake`): the API client that sent it and its own ticket
     * number, unique per client — a retry with the same ticket finds this row instead of adding
     * one. Null for the public form.
     */
    clientId: uuid('client_id').references(() => apiClients.id),
    externalId: text('external_id'),
    /** Where, as the hotline recorded it (Open311 address_string, lat, long). */
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('public_reports_client_ticket_key').on(t.clientId, t.externalId),
    check('public_reports_ticket_check', sql`(${t.clientId} is null) = (${t.externalId} is null)`),
    index('public_reports_status_idx').on(t.status, t.createdAt),
    index('public_reports_problem_idx').on(t.problemId),
    index('public_reports_publicity_idx').on(t.publicityId, t.ruling),
    index('public_reports_created_idx').on(t.createdAt, t.id),
    index('public_reports_search_idx').using('gin', t.searchTokens).with(GIN_PENDING_LIST),
    check(
      'public_reports_status_check',
      sql`${t.status} in ('new','replied','linked','converted','objection')`,
    ),
    check(
      'public_reports_reporter_check',
      sql`${t.reporterType} in ('citizen','npc_deputy','cppcc_member','journalist','other')`,
    ),
    check(
      'public_reports_ruling_check',
      sql`${t.ruling} is null or ${t.ruling} in ('pending','upheld','rejected')`,
    ),
  ],
)
