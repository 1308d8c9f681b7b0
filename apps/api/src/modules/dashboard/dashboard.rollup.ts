import { and, sql, type SQL } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../db/client.js'
import { addDays, shanghaiDate } from '../../lib/dates.js'
import type { JobDefinition } from '../../lib/jobs.js'
import {
  keyedPart,
  problemWhere,
  rollup,
  type ProblemFilter,
  type RollupKey,
} from '../problems/index.js'
import { aggregates, figureCondition, type FigureFilters } from './dashboard.repository.js'

/*
 * The office's figures off the rollup (modules/problems problems.rollup.ts, which says which of
 * its rows hold a filter; the ledger list's total reads the same rows): a province-wide figure
 * sums a few thousand rows instead of passing over every problem, `sum(n) filter (where <the
 * ledger's condition>)`. Merged rows and pending deltas are summed alike (a sum is linear), so
 * the figures never wait for the merge job.
 */

/** The rollup's columns a figure may read, and which of them each figure filter reads. */
const COLUMNS = [
  ['status', rollup.status],
  ['light', rollup.light],
  ['outcome', rollup.outcome],
  ['deadline', rollup.deadline],
  ['closedOn', rollup.closedOn],
] as const
const READS: Record<string, string[]> = {
  status: ['status'],
  light: ['light'],
  outcome: ['outcome'],
  bucket: ['status', 'light', 'outcome', 'deadline'],
  overdue: ['status', 'deadline'],
  deadlineFrom: ['deadline'],
  deadlineTo: ['deadline'],
  closedFrom: ['closedOn'],
  closedTo: ['closedOn'],
}

/**
 * Whether the rollup answers a base filter: the whole ledger or a round of it. A unit user's
 * scope or a unit filter (the ledger's path-prefix conditions) are not keys of it: those figures
 * pass over the facts of their (smaller) scope instead.
 */
export function rollupFits(base: ProblemFilter): boolean {
  const extra = Object.entries(base).filter(
    ([k, v]) => v !== undefined && k !== 'round' && k !== 'today',
  )
  return extra.length === 0
}

/** The rows of a key a breakdown figure reads (keyedPart), refusing one they cannot answer. */
function part(f: FigureFilters[string]): 'plain' | 'due' {
  const p = keyedPart(f)
  if (!p)
    throw new Error(`a rollup breakdown figure the key's rows cannot count: ${JSON.stringify(f)}`)
  return p
}

export const dashboardRollup = {
  /**
   * The named figures over the whole ledger or a round (one row), from the 'all' rows, first
   * summed over the columns the figures read (the trend's 78 figures read only outcome, closing
   * date and deadline: ~900 groups instead of ~7,000 rows at 50k problems).
   */
  counts(db: DbOrTx, base: ProblemFilter, figures: FigureFilters) {
    const read = new Set(
      Object.values(figures).flatMap((f) => Object.keys(f).flatMap((k) => READS[k] ?? [])),
    )
    const columns = COLUMNS.filter(([name]) => read.has(name))
    const groups = db
      .select({
        ...Object.fromEntries(
          columns.map(([name, column]) => [name, sql`${column}`.as(column.name)]),
        ),
        n: sql<number>`sum(${rollup.n})`.as('n'),
      })
      .from(rollup)
      .where(and(sql`${rollup.dim} = 'all'`, problemWhere(base)))
      .groupBy(...columns.map(([, column]) => column))
      .as('problems')
    return db
      .select(aggregates(figures, base.today, sql`sum(n)`))
      .from(groups)
      .then((r) => r[0] ?? {})
  },

  /**
   * The named figures per domain, region or unit (of `keys` when given): each figure summed over
   * its part's rows of the key — the plain rows, or for overdue the '_due' rows, of which only
   * those whose deadline has passed are read (what "overdue" can count; an index range).
   */
  countsByKey(
    db: DbOrTx,
    base: ProblemFilter,
    dim: RollupKey,
    figures: FigureFilters,
    keys?: string[],
  ) {
    const due = `${dim}_due`
    const sums: Record<string, SQL<number>> = {}
    for (const [name, f] of Object.entries(figures)) {
      const cond = and(
        sql`${rollup.dim} = ${part(f) === 'due' ? due : dim}`,
        figureCondition(name, f, base.today),
      )
      sums[name] = sql`coalesce(sum(${rollup.n}) filter (where ${cond}), 0)`.mapWith(
        Number,
      ) as SQL<number>
    }
    return db
      .select({ key: rollup.key, ...sums })
      .from(rollup)
      .where(
        and(
          sql`(${rollup.dim} = ${dim} or (${rollup.dim} = ${due} and ${rollup.deadline} < ${base.today}))`,
          problemWhere(base),
          keys
            ? sql`${rollup.key} in (${sql.join(
                keys.map((k) => sql`${k}`),
                sql`, `,
              )})`
            : undefined,
        ),
      )
      .groupBy(rollup.key)
  },
}

/**
 * Merges the rollup's pending deltas into one row per key (rectify_problem_rollup_merge,
 * migrations 0031 and 0032): the figures are exact without it, but each write leaves a few delta
 * rows that every figure would read until they are merged. It also folds the '_due' rows whose
 * deadline passed before yesterday (Asia/Shanghai, by `clock`) into one row per key, round and
 * status: what an overdue column reads stays a few rows per key instead of one per overdue
 * problem (the margin of a day covers a reader whose clock is a little behind).
 */
export function rollupMergeJob(
  db: Db,
  everySeconds = 60,
  clock: () => Date = () => new Date(),
): JobDefinition {
  return {
    name: 'merge-dashboard-rollup',
    everyMs: everySeconds * 1000,
    run: async () => {
      const before = addDays(shanghaiDate(clock()), -1)
      const res: unknown = await db.execute(
        sql`select rectify_problem_rollup_merge(${before}::date) as n`,
      )
      const [r] = (res as { rows?: { n: number }[] }).rows ?? (res as { n: number }[])
      return r?.n ? `${r.n} keys merged` : null
    },
  }
}
