import { sql } from 'drizzle-orm'
import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { problems } from './problems.js'

/**
 * The narrow copy of each problem that the dashboards read (modules/dashboard): only the columns
 * a figure filters or groups on, about 100 bytes a row against the problem row's kilobyte of
 * text and ~69 search tokens. Kept by the database itself — the trigger `problem_facts_sync`
 * (migration 0024) writes it in the same transaction as every insert or update of these columns
 * of `problems`, whoever writes (services, the lights refresher, imports, seeds) — so it is
 * never stale and no code path can forget it. Its columns carry the names of the problem's
 * columns: the ledger's own filter (`problemWhere`) runs on it unchanged, aliased `problems`.
 *
 * `units` is the problem's unit set for the breakdown by unit: every unit whose subtree holds its
 * lead or a co-responsible unit (those units and all their ancestors, read off their paths) — so
 * `unit = any(units)` is exactly GET /problems?unit=<unit> (ledByUnitTree). Statement triggers on
 * problem_units and units (migration 0028) keep it in the write's transaction: a link added or
 * removed, a lead unit changed, a unit moved.
 */
export const problemFacts = pgTable(
  'problem_facts',
  {
    id: uuid('id')
      .primaryKey()
      .references(() => problems.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id').notNull(),
    status: text('status').notNull(),
    light: text('light').notNull(),
    outcome: text('outcome'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    domain: text('domain').notNull(),
    regionId: uuid('region_id'),
    units: uuid('units')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
  },
  (t) => [
    index('problem_facts_round_idx').on(t.roundId),
    index('problem_facts_units_idx').using('gin', t.units),
  ],
)
