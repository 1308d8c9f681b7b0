import {
  and,
  arrayContains,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  ilike,
  inArray,
  lt,
  lte,
  not,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import type { Db, DbOrTx } from '../../db/client.js'
import { measures, problemUnits, problems, units } from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'
import { queryTokens, tokensAreExact } from '../../lib/search.js'
import { underUnitPath, unitPathPattern, type Scope } from './problems.derived.js'

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

/** Statuses in which a passed deadline makes a problem overdue (not yet up for acceptance). */
export const OPEN_STATUSES = ['draft', 'plan_review', 'in_progress'] as const

/** Severity order of the lights (red first); the same expression as the index problems_light_rank_idx. */
export const LIGHT_RANK = sql<number>`(case ${problems.light} when 'red' then 0 when 'yellow' then 1 when 'blue' then 2 else 3 end)`
export const lightRank = (light: string) => ({ red: 0, yellow: 1, blue: 2 })[light] ?? 3

/** Overdue, derived: deadline before `today` (Asia/Shanghai) and not yet up for acceptance. */
export function overdueSql(today: string): SQL {
  return and(inArray(problems.status, [...OPEN_STATUSES]), lt(problems.deadline, today))!
}

/** The summary's buckets as a ledger filter (ListProblemsQuery `bucket`). */
export type ProblemBucket =
  'completed' | 'on_schedule' | 'behind' | 'overdue' | 'closed_not_rectified'

/**
 * A summary bucket as a condition: the same definitions as `summaryBucket` (overview.service.ts)
 * and GET /problems/summary — completed is up for acceptance or further unless closed
 * `not_rectified` (counted apart), on schedule and behind split the open problems by light
 * (yellow and red are behind), overdue is derived and overlaps them.
 */
export function bucketSql(bucket: ProblemBucket, today: string): SQL {
  const notForced = sql`${problems.outcome} is distinct from 'not_rectified'`
  switch (bucket) {
    case 'completed':
      return and(inArray(problems.status, ['acceptance', 'publicity', 'closed']), notForced)!
    case 'closed_not_rectified':
      return eq(problems.outcome, 'not_rectified')
    case 'on_schedule':
      return and(
        inArray(problems.status, [...OPEN_STATUSES]),
        notInArray(problems.light, ['yellow', 'red']),
        notForced,
      )!
    case 'behind':
      return and(
        inArray(problems.status, [...OPEN_STATUSES]),
        inArray(problems.light, ['yellow', 'red']),
        notForced,
      )!
    case 'overdue':
      return overdueSql(today)
  }
}

export interface ProblemFilter {
  scope?: SQL | undefined
  round?: string | undefined
  status?: string | undefined
  light?: string | undefined
  mode?: string | undefined
  source?: string | undefined
  nature?: string | undefined
  domain?: string | undefined
  region?: string | undefined
  /**
   * Path of a unit whose subtree must hold the problem's lead or a co-responsible unit; null
   * when the filter names no existing unit (nothing matches).
   */
  unitPath?: string | null | undefined
  leader?: string | undefined
  deadlineFrom?: string | undefined
  deadlineTo?: string | undefined
  overdue?: boolean | undefined
  rebound?: boolean | undefined
  outcome?: string | undefined
  parent?: string | undefined
  bucket?: ProblemBucket | undefined
  /** closed_on range (Asia/Shanghai dates, inclusive). */
  closedFrom?: string | undefined
  closedTo?: string | undefined
  q?: string | undefined
  /** Changed at or after (RFC 3339). */
  updatedSince?: string | undefined
  today: string
}

/**
 * Problems whose lead or co-responsible unit lies in the subtree at `path`. The path is given as
 * a literal (not a sub-select) so the planner can estimate it and walk the sort index.
 */
export function ledByUnitTree(path: string | null): SQL {
  if (path === null) return sql`false`
  return sql`exists (select 1 from ${problemUnits} pu join ${units} u on u.id = pu.unit_id
    where pu.problem_id = ${problems.id} and pu.role in ('lead', 'co') and u.path like ${`${likeEscape(path)}%`})`
}

/** The text condition of `q`: its tokens held (GIN), and the ILIKE re-check unless they are exact. */
function textMatch(q: string): SQL | undefined {
  const pattern = `%${likeEscape(q)}%`
  const tokens = queryTokens(q)
  return and(
    tokens.length ? arrayContains(problems.searchTokens, tokens) : undefined,
    // 污水 is one bigram: the indexed match is already exact, no row is re-read (lib/search.ts).
    tokens.length && tokensAreExact(q)
      ? undefined
      : or(
          ilike(problems.code, pattern),
          ilike(problems.title, pattern),
          ilike(problems.description, pattern),
        ),
  )
}

/** `text`: the text condition in place of `f.q`'s (the estimate's per-token variants). */
function where(f: ProblemFilter, text = f.q ? textMatch(f.q) : undefined): SQL | undefined {
  return and(
    f.scope,
    f.round ? eq(problems.roundId, f.round) : undefined,
    f.status ? eq(problems.status, f.status) : undefined,
    f.light ? eq(problems.light, f.light) : undefined,
    f.mode ? eq(problems.mode, f.mode) : undefined,
    f.source ? eq(problems.source, f.source) : undefined,
    f.nature ? eq(problems.nature, f.nature) : undefined,
    f.domain ? eq(problems.domain, f.domain) : undefined,
    f.region ? eq(problems.regionId, f.region) : undefined,
    f.unitPath !== undefined ? ledByUnitTree(f.unitPath) : undefined,
    f.leader
      ? sql`(${problems.leadLeader} ->> 'name') like ${`${likeEscape(f.leader)}%`}`
      : undefined,
    f.deadlineFrom ? gte(problems.deadline, f.deadlineFrom) : undefined,
    f.deadlineTo ? lte(problems.deadline, f.deadlineTo) : undefined,
    f.overdue === undefined
      ? undefined
      : f.overdue
        ? overdueSql(f.today)
        : not(overdueSql(f.today)),
    f.rebound === undefined ? undefined : eq(problems.rebound, f.rebound),
    f.outcome ? eq(problems.outcome, f.outcome) : undefined,
    f.parent ? eq(problems.parentId, f.parent) : undefined,
    f.bucket ? bucketSql(f.bucket, f.today) : undefined,
    f.closedFrom ? gte(problems.closedOn, f.closedFrom) : undefined,
    f.closedTo ? lte(problems.closedOn, f.closedTo) : undefined,
    f.updatedSince ? gte(problems.updatedAt, new Date(f.updatedSince)) : undefined,
    text,
  )
}

/**
 * The ledger's WHERE clause for a filter: the one definition GET /problems, its count and the
 * dashboards (modules/dashboard, as FILTER clauses of their aggregates) all go through.
 */
export const problemWhere = where

const DATE = /^\d{4}-\d{2}-\d{2}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

/**
 * A sort of the ledger: its keys (each ending in the id, so the order is total), the cast and
 * shape of each key in a cursor, and how to read the keys off a row. Every sort runs on an index.
 */
interface SortSpec {
  keys: { expr: SQL | typeof problems.id; cast: string; shape: RegExp }[]
  of(row: ProblemRow): string[]
}
const id = { expr: problems.id, cast: 'uuid', shape: UUID }
const deadline = { expr: sql`${problems.deadline}`, cast: 'date', shape: DATE }
const SORTS: Record<'deadline' | 'code' | 'updated' | 'light', SortSpec> = {
  deadline: { keys: [deadline, id], of: (r) => [r.deadline, r.id] },
  code: {
    // The natural key (lib/natural-sort.ts): 第2项 before 第10项, on problems_code_key_idx.
    keys: [{ expr: sql`${problems.codeKey}`, cast: 'text', shape: /^[0-9a-z]{1,1000}$/ }, id],
    of: (r) => [r.codeKey, r.id],
  },
  updated: {
    keys: [{ expr: sql`${problems.updatedAt}`, cast: 'timestamptz', shape: TS }, id],
    of: (r) => [r.updatedKey, r.id],
  },
  light: {
    keys: [{ expr: LIGHT_RANK, cast: 'int', shape: /^[0-3]$/ }, deadline, id],
    of: (r) => [String(lightRank(r.light)), r.deadline, r.id],
  },
}

export type ProblemSort =
  'deadline' | '-deadline' | 'code' | '-code' | 'updated' | '-updated' | 'light' | '-light'

export function sortSpec(sort: ProblemSort) {
  const descending = sort.startsWith('-')
  const spec = SORTS[(descending ? sort.slice(1) : sort) as keyof typeof SORTS]
  return {
    descending,
    arity: spec.keys.length,
    /** True when cursor values have the shape of this sort's keys. */
    accepts: (values: string[]) =>
      values.length === spec.keys.length && spec.keys.every((k, i) => k.shape.test(values[i]!)),
    cursorOf: spec.of,
    orderBy: spec.keys.map((k) => (descending ? desc(k.expr) : asc(k.expr))),
    after(values: string[]): SQL {
      const left = sql.join(
        spec.keys.map((k) => sql`${k.expr}`),
        sql`, `,
      )
      const right = sql.join(
        spec.keys.map((k, i) => sql`${values[i]}::${sql.raw(k.cast)}`),
        sql`, `,
      )
      return descending ? sql`(${left}) < (${right})` : sql`(${left}) > (${right})`
    },
  }
}

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
