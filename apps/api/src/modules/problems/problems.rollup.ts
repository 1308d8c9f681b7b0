import { and, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../../db/client.js'
import { problemRollup } from '../../db/schema/index.js'
import { problemWhere, type ProblemFilter } from './problems.filter.js'

/**
 * The rollup (db/schema/facts.ts problemRollup, migration 0031): problem counts per key, kept by
 * triggers in the write's transaction, merged rows and pending deltas summed alike. Aliased
 * `problems`, its columns carry the problem's names, so the ledger's own `problemWhere` runs on
 * it: since each row's columns are its problems' own values, `sum(n)` over the rows a filter
 * keeps is the ledger's count of that filter. The dashboards' figures (modules/dashboard) and the
 * ledger list's total read it through the rules below, so a figure and its link's total are
 * the same sum over the same rows.
 */
export const rollup = alias(problemRollup, 'problems')

/** The keys the rollup counts per value, besides the whole ledger ('all'). */
export type RollupKey = 'domain' | 'region' | 'unit'

/**
 * The filters that read only a problem's status, light, outcome, deadline and closing date: the
 * columns the rollup's 'all' rows are grouped by, and the facts' groups a dashboard figure reads
 * (modules/dashboard). A figure may add only these to its base filter.
 */
export const GROUPED_FILTERS: ReadonlySet<string> = new Set([
  'status',
  'light',
  'outcome',
  'bucket',
  'overdue',
  'deadlineFrom',
  'deadlineTo',
  'closedFrom',
  'closedTo',
])
/** What the 'all' rows answer: their round and the grouped columns. */
const ALL_ROWS = new Set(['round', ...GROUPED_FILTERS])
/** A key's plain rows: round, status, light and outcome, no dates. */
const PLAIN_ROWS = new Set(['round', 'status', 'light', 'outcome', 'bucket'])
/** A key's '_due' rows: the round, status and deadline of its open problems (no light). */
const DUE_ROWS = new Set(['round', 'status', 'bucket', 'overdue'])

/** The conditions a filter sets ('' sets none, as in `problemWhere`), `today` aside. */
function setKeys(f: Partial<ProblemFilter>): string[] {
  return Object.entries(f)
    .filter(([k, v]) => k !== 'today' && v !== undefined && v !== '')
    .map(([k]) => k)
}

/**
 * Which of a key's rows answer a filter on that key (the key itself aside): the plain rows, or
 * for overdue the '_due' rows (only those whose deadline has passed count: the condition says
 * so); null when neither holds what the filter reads (a date range, overdue with a light, …).
 */
export function keyedPart(f: Partial<ProblemFilter>): 'plain' | 'due' | null {
  const keys = setKeys(f)
  if (f.bucket === 'overdue' || f.overdue === true)
    return keys.every((k) => DUE_ROWS.has(k)) && (f.bucket ?? 'overdue') === 'overdue'
      ? 'due'
      : null
  return keys.every((k) => PLAIN_ROWS.has(k)) ? 'plain' : null
}

/**
 * The rollup's rows that count a ledger filter's problems, or null when none do: within no scope
 * (a unit user's falls back to the facts, as its dashboards do), the whole ledger or a round with
 * what the 'all' rows hold, or one domain, region or unit (`unit`: the id whose path is
 * `unitPath`, counted as the ledger's unit filter counts: lead or co-responsible, with the
 * subtree) with what that key's rows hold.
 */
export function rollupRows(f: ProblemFilter, unit?: string): SQL | null {
  const { scope, domain, region, unitPath, ...rest } = f
  if (scope !== undefined) return null
  const keys: [RollupKey, string | undefined][] = []
  if (domain) keys.push(['domain', domain])
  if (region) keys.push(['region', region.toLowerCase()])
  if (unitPath !== undefined) keys.push(['unit', unit?.toLowerCase()])
  if (keys.length === 0)
    return setKeys(rest).every((k) => ALL_ROWS.has(k))
      ? and(sql`${rollup.dim} = 'all'`, problemWhere(rest))!
      : null
  if (keys.length > 1) return null
  const [dim, key] = keys[0]!
  const part = keyedPart(rest)
  if (key === undefined || part === null) return null
  return and(
    sql`${rollup.dim} = ${part === 'due' ? `${dim}_due` : dim}`,
    sql`${rollup.key} = ${key}`,
    problemWhere(rest),
  )!
}

/** The count of the problems the rollup's `rows` (rollupRows) hold. */
export async function rollupCount(db: DbOrTx, rows: SQL): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(sum(${rollup.n}), 0)`.mapWith(Number) })
    .from(rollup)
    .where(rows)
  return r?.n ?? 0
}
