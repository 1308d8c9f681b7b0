import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../../db/client.js'
import { cards, notices, problemUnits, problems, units } from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'
import { overdueSql as noticeOverdueSql } from '../notices/notices.repository.js'
import { problemWhere, type ProblemFilter } from '../problems/problems.repository.js'

/**
 * Figures over the ledger, named by key: each is the ledger's own filter (`problemWhere`) applied
 * as a FILTER clause of one aggregate, so a figure and GET /problems with the same filter can
 * never disagree. A figure's filter holds only what it adds to the base (scope, round, unit).
 */
export type FigureFilters = Record<string, Omit<ProblemFilter, 'today'>>

/** `count(*) filter (where …)` for each named figure (`count(distinct id)` over a join). */
function aggregates(figures: FigureFilters, today: string, distinct = false) {
  const out: Record<string, SQL<number>> = {}
  for (const [key, f] of Object.entries(figures)) {
    const cond = problemWhere({ ...f, today })
    const counted = distinct ? sql`count(distinct ${problems.id})` : sql`count(*)`
    out[key] = (cond ? sql`${counted} filter (where ${cond})` : counted).mapWith(
      Number,
    ) as SQL<number>
  }
  return out
}

/** The units a breakdown by unit is grouped under (aliased: the ledger's own SQL uses `u`). */
const groupUnit = alias(units, 'dash_group')
const memberUnit = alias(units, 'dash_member')

/** Dashboard aggregates: one statement per call, every condition the ledger's own. SQL only. */
export const dashboardRepository = {
  /** The named figures over the base filter (one row). */
  counts(db: DbOrTx, base: ProblemFilter, figures: FigureFilters) {
    return db
      .select(aggregates(figures, base.today))
      .from(problems)
      .where(problemWhere(base))
      .then((r) => r[0] ?? {})
  },

  /** The named figures per domain or region (problems without a region have no row). */
  countsByColumn(db: DbOrTx, base: ProblemFilter, by: 'domain' | 'region', figures: FigureFilters) {
    const key = by === 'domain' ? problems.domain : problems.regionId
    return db
      .select({ key, ...aggregates(figures, base.today) })
      .from(problems)
      .where(and(problemWhere(base), by === 'region' ? isNotNull(problems.regionId) : undefined))
      .groupBy(key)
  },

  /**
   * The named figures per unit below `parentPath` (its children; or the roots' children when
   * null), each counting what GET /problems?unit=<that unit> counts: problems whose lead or
   * co-responsible unit lies in the unit's subtree (ledByUnitTree, as a join). `self` adds the
   * parent unit's own row. A problem of several units counts under each.
   */
  countsByUnit(
    db: DbOrTx,
    base: ProblemFilter,
    parent: { id: string } | null,
    figures: FigureFilters,
  ) {
    const parentOf = parent
      ? sql`(${groupUnit.parentId} = ${parent.id} or ${groupUnit.id} = ${parent.id})`
      : sql`${groupUnit.parentId} in (select r.id from ${units} r where r.parent_id is null)`
    return db
      .select({
        key: groupUnit.id,
        label: groupUnit.name,
        ...aggregates(figures, base.today, true),
      })
      .from(groupUnit)
      .innerJoin(memberUnit, sql`${memberUnit.path} like ${groupUnit.path} || '%'`)
      .innerJoin(
        problemUnits,
        and(eq(problemUnits.unitId, memberUnit.id), sql`${problemUnits.role} in ('lead', 'co')`),
      )
      .innerJoin(problems, eq(problems.id, problemUnits.problemId))
      .where(and(parentOf, problemWhere(base)))
      .groupBy(groupUnit.id, groupUnit.name)
  },

  /** Unit names by id (region labels). */
  unitNames(db: DbOrTx, ids: string[]) {
    if (!ids.length) return Promise.resolve([])
    return db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))
  },

  /** A unit's id, path and whether it is a root. */
  unit(db: DbOrTx, id: string) {
    return db
      .select({ id: units.id, path: units.path, parentId: units.parentId })
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
