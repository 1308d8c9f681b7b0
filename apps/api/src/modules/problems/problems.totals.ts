import { count, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../../db/client.js'
import { problemFacts, problems } from '../../db/schema/index.js'
import { problemWhere, type ProblemFilter } from './problems.filter.js'
import { problemsRepository as repo } from './problems.repository.js'
import { rollupCount, rollupRows } from './problems.rollup.js'

/**
 * The filters the narrow facts (problem_facts, db/schema/facts.ts) can answer: their own columns,
 * the unit links (ledByUnitTree) and the scope, which read only `problems.id` — every filter a
 * dashboard figure's ledger link carries. Mode, source, nature, leader, rebound, parent, the
 * search text and updatedSince need the wide rows.
 */
const FACT_FILTERS = new Set<string>([
  'scope',
  'round',
  'status',
  'light',
  'domain',
  'region',
  'unitPath',
  'deadlineFrom',
  'deadlineTo',
  'overdue',
  'outcome',
  'bucket',
  'closedFrom',
  'closedTo',
  'today',
])

/** True when every condition the filter sets can be read off the facts. */
export function answeredByFacts(f: ProblemFilter): boolean {
  return Object.entries(f).every(([k, v]) => v === undefined || v === '' || FACT_FILTERS.has(k))
}

/** The facts aliased `problems`: their columns carry the problem's names, `problemWhere` runs unchanged. */
const facts = alias(problemFacts, 'problems')

/**
 * The matches counted up to `cap + 1` on the problem rows' own indexes; above `cap`, the
 * planner's estimate, never below what was counted, and said so. For a filter that neither the
 * rollup nor the facts answer: a text search, or the public board's (the facts do not hold
 * `public`; 300,277 published of 500,049 problems took 63 ms to count exactly, 435 ms cold).
 */
export async function cappedTotal(
  db: DbOrTx,
  f: ProblemFilter,
  cap: number,
): Promise<{ total: number; totalIsEstimate: boolean }> {
  const counted = await repo.countUpTo(db, f, cap)
  if (counted <= cap) return { total: counted, totalIsEstimate: false }
  return { total: Math.max(counted, await repo.estimate(db, f)), totalIsEstimate: true }
}

/**
 * The total of a ledger list: off the rollup when it holds the filter (the office's lists a
 * dashboard figure links to: the figure is the same sum over the same rows, problems.rollup.ts),
 * rows per key rather than per problem (the whole ledger's 'all' rows: ~11,000 at 500k
 * problems, against 500,000 facts). Otherwise the matches counted up to `cap + 1`
 * on the problem rows' own indexes; above `cap`, counted exactly over the narrow facts when the
 * filter allows (one statement: the facts are read only when the capped count overflows; a unit
 * user's scope, whose dashboards pass over the same facts), else the planner's estimate, never
 * below what was counted, and said so. `unit`: the id of the unit filter (`f.unitPath`'s unit).
 */
export async function ledgerTotal(
  db: DbOrTx,
  f: ProblemFilter,
  cap: number,
  unit?: string,
): Promise<{ total: number; totalIsEstimate: boolean }> {
  const rows = rollupRows(f, unit)
  if (rows) return { total: await rollupCount(db, rows), totalIsEstimate: false }
  if (!answeredByFacts(f)) return cappedTotal(db, f, cap)
  const capped = db
    .select({ n: count().as('n') })
    .from(
      db
        .select({ one: sql`1`.as('one') })
        .from(problems)
        .where(problemWhere(f))
        .limit(cap + 1)
        .as('matches'),
    )
    .as('capped')
  const exact = db.select({ n: count() }).from(facts).where(problemWhere(f))
  const [row] = await db
    .select({
      n: sql<number>`case when ${capped.n} > ${cap} then (${exact}) else ${capped.n} end`.mapWith(
        Number,
      ),
    })
    .from(capped)
  return { total: row?.n ?? 0, totalIsEstimate: false }
}
