import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../../db/client.js'
import { cards, notices, problemFacts, problems, units } from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'
import { overdueSql as noticeOverdueSql } from '../notices/index.js'
import { GROUPED_FILTERS, problemWhere, type ProblemFilter } from '../problems/index.js'

/**
 * Figures over the ledger, named by key: each is the ledger's own filter (`problemWhere`) applied
 * as a FILTER clause of one aggregate, so a figure and GET /problems with the same filter can
 * never disagree. A figure's filter holds only what it adds to the base (scope, round, unit).
 */
export type FigureFilters = Record<string, Omit<ProblemFilter, 'today'>>

/**
 * The figures read the narrow facts (db/schema/facts.ts: ~100 bytes a problem, kept by a trigger
 * in the write's transaction), never the wide problem rows. Aliased `problems`, the table's
 * columns carry the problem's names, so the ledger's own `problemWhere` — the base filter (scope,
 * round, unit) and every figure's — runs on it unchanged: a figure and GET /problems with the
 * same filter still cannot disagree. A filter on a column the facts lack fails loudly (SQL error).
 */
const facts = alias(problemFacts, 'problems')

/**
 * The base filter's problems grouped by the columns every figure reads (status, light, outcome,
 * deadline, closed_on — a few thousand groups for 50,000 problems), with their count `n`, as a
 * sub-select aliased "problems": the figures' conditions (the ledger's own `problemWhere`) then
 * run once per group instead of once per problem, and still name the same columns.
 */
function selectGroups(db: DbOrTx, key: SQL = sql`null`) {
  return db
    .select({
      key: sql<string>`${key}`.as('key'),
      status: facts.status,
      light: facts.light,
      outcome: facts.outcome,
      deadline: facts.deadline,
      closedOn: facts.closedOn,
      n: sql<number>`count(*)`.as('n'),
    })
    .from(facts)
}

/**
 * A figure's condition: the ledger's own `problemWhere` for what the figure adds to the base
 * (undefined: every row). Refuses a filter outside GROUPED_FILTERS: anything else would need its
 * own column in the grouping.
 */
export function figureCondition(key: string, f: FigureFilters[string], today: string) {
  const extra = Object.keys(f).filter((k) => !GROUPED_FILTERS.has(k))
  if (extra.length) throw new Error(`dashboard figure ${key} filters on ${extra.join(', ')}`)
  return problemWhere({ ...f, today })
}

/**
 * For each named figure, `sum(n) filter (where …)` over grouped rows (`n` their count) or, with
 * `count(*)` as the measure, `count(*) filter (where …)` over the facts themselves.
 */
export function aggregates(figures: FigureFilters, today: string, measure: SQL = sql`sum(n)`) {
  const out: Record<string, SQL<number>> = {}
  for (const [key, f] of Object.entries(figures)) {
    const cond = figureCondition(key, f, today)
    const summed = sql`coalesce(${measure}, 0)`
    out[key] = (cond ? sql`coalesce(${measure} filter (where ${cond}), 0)` : summed).mapWith(
      Number,
    ) as SQL<number>
  }
  return out
}

const GROUP_COLUMNS = [facts.status, facts.light, facts.outcome, facts.deadline, facts.closedOn]

/** Dashboard aggregates: one statement per call, every condition the ledger's own. SQL only. */
export const dashboardRepository = {
  /** The named figures over the base filter (one row). */
  counts(db: DbOrTx, base: ProblemFilter, figures: FigureFilters) {
    const groups = selectGroups(db)
      .where(problemWhere(base))
      .groupBy(...GROUP_COLUMNS)
      .as('problems')
    return db
      .select(aggregates(figures, base.today))
      .from(groups)
      .then((r) => r[0] ?? {})
  },

  /**
   * The named figures per domain or region (problems without a region have no row), counted
   * straight off the facts in one pass: grouped first by the figures' columns as well, the
   * deadlines spread 50,000 problems over ~44,000 groups, which only cost a second aggregate.
   */
  countsByColumn(db: DbOrTx, base: ProblemFilter, by: 'domain' | 'region', figures: FigureFilters) {
    const column = by === 'domain' ? facts.domain : facts.regionId
    return db
      .select({
        key: sql<string>`${column}`.as('key'),
        ...aggregates(figures, base.today, sql`count(*)`),
      })
      .from(facts)
      .where(and(problemWhere(base), by === 'region' ? isNotNull(facts.regionId) : undefined))
      .groupBy(column)
  },

  /**
   * The units a breakdown by unit shows: `parent` itself and its children, or the roots'
   * children when null (id and name; a parent that does not exist yields nothing of its own).
   */
  breakdownUnits(db: DbOrTx, parent: string | null) {
    const roots = db.select({ id: units.id }).from(units).where(isNull(units.parentId))
    return db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(
        parent
          ? or(eq(units.parentId, parent), eq(units.id, parent))
          : inArray(units.parentId, roots),
      )
  },

  /**
   * The named figures per unit of `keys`, each counting what GET /problems?unit=<unit> counts:
   * problems whose lead or a co-responsible unit lies in the unit's subtree — read off the facts'
   * unit set (every ancestor-or-self of those units, kept by triggers), unnested and kept where
   * it names one of the units asked for. One pass over the narrow facts, no join with the links
   * or the units. The keys go in as constants, so the planner weighs the GIN index on the set
   * against a scan with its statistics (as an InitPlan it guessed 500 rows of 50,000 and sorted
   * to disk). A problem of several units counts under each.
   */
  countsByUnit(db: DbOrTx, base: ProblemFilter, keys: string[], figures: FigureFilters) {
    if (!keys.length) return Promise.resolve([])
    const set = sql`array[${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )}]::uuid[]`
    const rows = db
      .select({
        key: sql<string>`unnest(${facts.units})`.as('key'),
        status: facts.status,
        light: facts.light,
        outcome: facts.outcome,
        deadline: facts.deadline,
        closedOn: facts.closedOn,
      })
      .from(facts)
      .where(and(sql`${facts.units} && ${set}`, problemWhere(base)))
      .as('problems')
    return db
      .select({ key: rows.key, ...aggregates(figures, base.today, sql`count(*)`) })
      .from(rows)
      .where(sql`${rows.key} = any(${set})`)
      .groupBy(rows.key)
  },

  /** Unit names by id (region labels). */
  unitNames(db: DbOrTx, ids: string[]) {
    if (!ids.length) return Promise.resolve([])
    return db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))
  },

  /** A unit's id, name, path and parent. */
  unit(db: DbOrTx, id: string) {
    return db
      .select({ id: units.id, name: units.name, path: units.path, parentId: units.parentId })
      .from(units)
      .where(eq(units.id, id))
      .then((r) => r[0])
  },

  /**
   * The worst problems of a filter, with their lead unit's name: `order` picks most overdue
   * (earliest deadline) or most behind (planned − reported progress, largest first).
   */
  worst(db: DbOrTx, f: ProblemFilter, order: 'deadline' | 'gap', limit: number) {
    const gap = sql<number>`(${problems.plannedProgress} - ${problems.reportedProgress})`
    return db
      .select({
        id: problems.id,
        code: problems.code,
        title: problems.title,
        leadUnit: units.name,
        deadline: problems.deadline,
        status: problems.status,
        light: problems.light,
        gap,
      })
      .from(problems)
      .innerJoin(units, eq(units.id, problems.leadUnitId))
      .where(problemWhere(f))
      .orderBy(...(order === 'gap' ? [desc(gap)] : []), asc(problems.deadline), asc(problems.id))
      .limit(limit)
  },

  /**
   * Supervision notices by level and status, with the overdue ones, scoped and filtered as GET
   * /notices does (the addressee's path: `scope` is visibleTo, `unitPath` the unit filter).
   */
  notices(db: DbOrTx, scope: SQL | undefined, unitPath: string | undefined, today: string) {
    return db
      .select({
        level: notices.level,
        status: notices.status,
        n: sql<number>`count(*)`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${noticeOverdueSql(today)})`.mapWith(Number),
      })
      .from(notices)
      .innerJoin(units, eq(units.id, notices.unitId))
      .where(
        and(scope, unitPath ? sql`${units.path} like ${`${likeEscape(unitPath)}%`}` : undefined),
      )
      .groupBy(notices.level, notices.status)
  },

  /** Cards by colour issued in `year`, scoped and filtered as GET /cards does. */
  cards(db: DbOrTx, scope: SQL | undefined, unitPath: string | null | undefined, year: number) {
    return db
      .select({ color: cards.color, n: sql<number>`count(*)`.mapWith(Number) })
      .from(cards)
      .innerJoin(units, eq(units.id, cards.unitId))
      .where(
        and(
          scope,
          unitPath === null
            ? sql`false`
            : unitPath
              ? sql`${units.path} like ${`${likeEscape(unitPath)}%`}`
              : undefined,
          sql`${cards.issuedOn} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
        ),
      )
      .groupBy(cards.color)
  },
}
