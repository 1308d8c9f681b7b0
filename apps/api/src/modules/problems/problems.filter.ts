import {
  and,
  arrayContains,
  eq,
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
import { problemUnits, problems, units } from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'
import { queryTokens, tokensAreExact } from '../../lib/search.js'

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
