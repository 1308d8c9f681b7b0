import {
  and,
  arrayContains,
  asc,
  count,
  eq,
  getTableColumns,
  inArray,
  sql,
  type SQL,
} from 'drizzle-orm'
import type { Db, DbOrTx } from '../../db/client.js'
import { measures, problemUnits, problems, units } from '../../db/schema/index.js'
import { queryTokens } from '../../lib/search.js'
import { underUnitPath, unitPathPattern, type Scope } from './problems.derived.js'
import { problemWhere as where, type ProblemFilter } from './problems.filter.js'
import type { sortSpec } from './problems.sort.js'

const { searchTokens: _tokens, ...columns } = getTableColumns(problems)

/**
 * The columns a problem is answered with (never the search tokens), its co-responsible units,
 * and the exact `updated_at` as text (a JS Date keeps only milliseconds, a cursor needs all six
 * digits to be stable).
 */
export const problemColumns = {
  ...columns,
  coUnitIds: sql<
    string[]
  >`coalesce((select array_agg(pu.unit_id::text order by pu.unit_id) from ${problemUnits} pu
    where pu.problem_id = ${problems.id} and pu.role = 'co'), '{}'::text[])`,
  updatedKey: sql<string>`to_char(${problems.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
}
export type ProblemRow = NonNullable<Awaited<ReturnType<typeof problemsRepository.findById>>>

/**
 * The refs of the units a problem names (lead, region, co-responsible): one index probe per
 * kind, the problem's columns qualified (an unqualified `id` inside `units u` would be the
 * unit's own).
 */
const UNIT_REFS = sql<[string, string, string][]>`(
  select coalesce(json_agg(json_build_array(u.id, u.code, u.name)), '[]'::json) from ${units} u
   where u.id = any(array[${problems}.lead_unit_id, ${problems}.region_id]
     || array(select pu.unit_id from ${problemUnits} pu
               where pu.problem_id = ${problems}.id and pu.role = 'co')))`

function prepareDetail(db: Db) {
  const query = (scope: SQL | undefined) =>
    db
      .select({ ...problemColumns, unitRefs: UNIT_REFS })
      .from(problems)
      .where(and(eq(problems.id, sql.placeholder('id')), scope))
  return {
    all: query(undefined).prepare('problem_detail'),
    under: query(underUnitPath(sql.placeholder('pattern'))).prepare('problem_detail_under'),
  }
}
const detailStatements = new WeakMap<Db, ReturnType<typeof prepareDetail>>()

export const problemsRepository = {
  /** A page of the ledger: `limit` rows after the cursor position `after` in the given order. */
  list(
    db: DbOrTx,
    f: ProblemFilter,
    sort: ReturnType<typeof sortSpec>,
    limit: number,
    after: string[] | null,
  ) {
    return db
      .select(problemColumns)
      .from(problems)
      .where(and(where(f), after ? sort.after(after) : undefined))
      .orderBy(...sort.orderBy)
      .limit(limit)
  },

  count(db: DbOrTx, f: ProblemFilter) {
    return db
      .select({ n: count() })
      .from(problems)
      .where(where(f))
      .then((r) => r[0]?.n ?? 0)
  },

  /**
   * The matches counted up to `cap + 1` and no further: a result above `cap` only says "more
   * than cap", at the cost of cap + 1 rows however many match (a search matching half the
   * province stops there instead of re-reading every match).
   */
  countUpTo(db: DbOrTx, f: ProblemFilter, cap: number) {
    const matches = db
      .select({ one: sql`1`.as('one') })
      .from(problems)
      .where(where(f))
      .limit(cap + 1)
      .as('matches')
    return db
      .select({ n: count() })
      .from(matches)
      .then((r) => r[0]?.n ?? 0)
  },

  /**
   * The planner's estimate of the matches (EXPLAIN, nothing executed): statistics, not rows. A
   * text of several bigrams is estimated as its rarest bigram's matches (each under the other
   * filters, one EXPLAIN of their UNION ALL): the planner multiplies the bigrams' frequencies as
   * if independent, but the bigrams of one word come together (污水处理: 78 estimated, 3,904 hold
   * all three at 50k), and no row holds all of them that does not hold the rarest.
   */
  async estimate(db: DbOrTx, f: ProblemFilter): Promise<number> {
    const tokens = f.q ? queryTokens(f.q) : []
    const conditions =
      tokens.length > 1
        ? tokens.map((t) => where(f, arrayContains(problems.searchTokens, [t])))
        : [where(f)]
    const query = sql.join(
      conditions.map((c) => db.select({ id: problems.id }).from(problems).where(c).getSQL()),
      sql` union all `,
    )
    const res = await db.execute(sql`explain (format json) ${query}`)
    const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows
    const first = rows[0] ? Object.values(rows[0])[0] : undefined
    type Plan = { 'Node Type'?: string; 'Plan Rows'?: number; Plans?: Plan[] }
    const plan = (
      (typeof first === 'string' ? JSON.parse(first) : first) as { Plan?: Plan }[] | undefined
    )?.[0]?.Plan
    const branches = conditions.length > 1 ? (plan?.Plans ?? []) : [plan ?? {}]
    const least = Math.min(...branches.map((b) => b['Plan Rows'] ?? 0))
    return Number.isFinite(least) ? Math.round(least) : 0
  },

  /** Problems by id within an optional scope, in no particular order. */
  findMany(db: DbOrTx, ids: string[], scope?: SQL) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select(problemColumns)
      .from(problems)
      .where(and(inArray(problems.id, ids), scope))
  },

  /** Problems matching a condition, by deadline (for the work lists), at most `limit`. */
  findWhere(db: DbOrTx, condition: SQL | undefined, limit: number) {
    return db
      .select(problemColumns)
      .from(problems)
      .where(condition)
      .orderBy(asc(problems.deadline), asc(problems.id))
      .limit(limit)
  },

  findById(db: DbOrTx, id: string, scope?: SQL) {
    return db
      .select(problemColumns)
      .from(problems)
      .where(and(eq(problems.id, id), scope))
      .then((r) => r[0])
  },

  /**
   * The detail: findById with the refs (id, code, name) of the units the problem names, in one
   * statement (undefined: no such problem, or not in `scope`). Prepared once per database handle:
   * drizzle builds its SQL once, not per request, and PostgreSQL parses and plans it once per
   * connection (a named statement).
   */
  findDetail(db: Db, id: string, scope: Scope) {
    let prepared = detailStatements.get(db)
    if (!prepared) detailStatements.set(db, (prepared = prepareDetail(db)))
    const statement =
      scope.kind === 'all'
        ? prepared.all.execute({ id })
        : prepared.under.execute({ id, pattern: unitPathPattern(scope.unitPath) })
    return statement.then((r) => r[0])
  },

  /** Locks the problem row for the rest of the transaction. */
  lockById(db: DbOrTx, id: string) {
    return db
      .select({ id: problems.id, version: problems.version })
      .from(problems)
      .where(eq(problems.id, id))
      .for('update')
      .then((r) => r[0])
  },

  codeTaken(db: DbOrTx, roundId: string, code: string) {
    return db
      .select({ id: problems.id })
      .from(problems)
      .where(and(eq(problems.roundId, roundId), eq(problems.code, code)))
      .then((r) => r[0]?.id ?? null)
  },

  /** True when `ancestorId` is `id` itself or above it in the parent chain of problems. */
  async isInParentChain(db: DbOrTx, id: string, ancestorId: string): Promise<boolean> {
    const res = await db.execute(sql`
      with recursive chain(id, parent_id, depth) as (
        select id, parent_id, 0 from ${problems} where id = ${id}
        union all
        select p.id, p.parent_id, c.depth + 1 from ${problems} p join chain c on p.id = c.parent_id where c.depth < 100
      )
      select exists (select 1 from chain where id = ${ancestorId}) as found`)
    return Boolean((res as unknown as { rows: { found: boolean }[] }).rows[0]?.found)
  },

  insert(db: DbOrTx, values: typeof problems.$inferInsert) {
    return db.insert(problems).values(values)
  },

  /** Updates the record; bumps the version and updated_at. */
  update(db: DbOrTx, id: string, set: Partial<typeof problems.$inferInsert>) {
    return db
      .update(problems)
      .set({ ...set, updatedAt: new Date(), version: sql`${problems.version} + 1` })
      .where(eq(problems.id, id))
  },

  /** Replaces the co-responsible units of a problem. */
  async setCoUnits(db: DbOrTx, problemId: string, unitIds: readonly string[]) {
    await db
      .delete(problemUnits)
      .where(and(eq(problemUnits.problemId, problemId), eq(problemUnits.role, 'co')))
    if (unitIds.length)
      await db
        .insert(problemUnits)
        .values(unitIds.map((unitId) => ({ problemId, unitId, role: 'co' })))
  },

  countMeasures(db: DbOrTx, problemId: string) {
    return db
      .select({ n: count() })
      .from(measures)
      .where(eq(measures.problemId, problemId))
      .then((r) => r[0]?.n ?? 0)
  },
}
