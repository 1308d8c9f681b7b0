import { sql } from 'drizzle-orm'
import { boolean, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { problems } from './problems.js'
import { GIN_PENDING_LIST } from './gin.js'

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
    index('problem_facts_units_idx').using('gin', t.units).with(GIN_PENDING_LIST),
  ],
)

/**
 * The office's dashboards without a pass over the facts (modules/dashboard/README.md): problem
 * counts per key, written as signed deltas by statement triggers on problem_facts (migration
 * 0031) in the write's own transaction — insert-only, so concurrent writers never wait on a
 * shared counter row — and merged into one row per key (`merged`) by the merge-dashboard-rollup
 * job. A figure is `sum(n)` over merged rows and pending deltas alike, so it is exact whenever
 * the job ran. Its columns carry the facts' names: the ledger's `problemWhere` runs on it.
 *
 * `dim` says what a row counts: 'all' (key '') keeps every column the figures read; 'region',
 * 'domain' and 'unit' (key the region, the domain or a unit of the problem's unit set) keep
 * status, light and outcome only; their '_due' twins keep, for open problems only, the status
 * and the deadline — what "overdue" needs, read only where the deadline has passed.
 */
export const problemRollup = pgTable(
  'problem_rollup',
  {
    dim: text('dim').notNull(),
    key: text('key').notNull(),
    roundId: uuid('round_id').notNull(),
    status: text('status').notNull(),
    light: text('light'),
    outcome: text('outcome'),
    deadline: date('deadline', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    n: integer('n').notNull(),
    merged: boolean('merged').notNull().default(false),
  },
  (t) => [index('problem_rollup_dim_idx').on(t.dim, t.deadline)],
)
