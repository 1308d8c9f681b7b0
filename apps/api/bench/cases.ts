import { getTableColumns } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { Database } from '../src/db/client.js'
import { problems } from '../src/db/schema/index.js'
import { queryTokens } from '../src/lib/search.js'
import { EXACT_TOTAL_UP_TO, SEARCH_EXACT_UP_TO } from '../src/modules/problems/problems.service.js'

/** What the cases may refer to: ids of seeded rows, found once before the runs. */
export interface BenchFixtures {
  /** A unit of the demo city (JZ-OFFICE). */
  unitId: string
  /** A problem with measures and reports: a province problem under BENCH_PROFILE=province. */
  problemId: string
}

/** One route to load. Later issues add their routes to CASES. */
export interface BenchCase {
  /** The label in the result table. */
  name: string
  method?: 'GET' | 'POST' | 'PATCH'
  /** Path and query string; a function when it needs a fixture. */
  path: string | ((fx: BenchFixtures) => string)
  /** JSON body for POST/PATCH. */
  body?: unknown
  /** Send the `office` account's bearer token. */
  auth: boolean
  /** Another case this one is also compared with (the table's last column). */
  baseline?: string
  /** Load the second app, whose public answers are not cached (PUBLIC_CACHE_SECONDS=0). */
  uncached?: boolean
}

/** The two baselines every other route is compared with (by name). */
export const HELLO = 'hello'
export const PK = 'pk'
/** The ledger list's page and count queries, written by hand and run through the driver. */
export const LEDGER_SQL = 'ledger SQL by hand'
const LEDGER_QUERY = 'status=in_progress&domain=water&sort=deadline&limit=50'
/** The search's page and total, written by hand (bench/serial.ts loads both one at a time). */
export const SEARCH_SQL = 'search SQL by hand'
/** The search issue 15 measures: 污水, one bigram, matching ~13 % of the province's problems. */
export const SEARCH_QUERY = '污水'
/** The public board's first page, written by hand (what GET /public/problems asks of the database). */
export const PUBLIC_SQL = 'public board SQL by hand'

export const CASES: BenchCase[] = [
  // (a) Fastify alone: the ceiling for any route.
  { name: HELLO, path: '/bench/hello', auth: false },
  // (b) One primary-key SELECT through the driver: the ceiling for any route that reads the database.
  { name: PK, path: '/bench/pk', auth: false },
  { name: 'GET /api/v1/me', path: '/api/v1/me', auth: true },
  { name: 'GET /api/v1/units?limit=50', path: '/api/v1/units?limit=50', auth: true },
  // The ledger (issue 3): detail, its measures, the filtered list against its own SQL, search.
  { name: 'GET /problems/:id', path: (fx) => `/api/v1/problems/${fx.problemId}`, auth: true },
  {
    name: 'GET /problems/:id/measures',
    path: (fx) => `/api/v1/problems/${fx.problemId}/measures`,
    auth: true,
  },
  { name: LEDGER_SQL, path: `/bench/ledger-sql`, auth: false },
  {
    name: 'GET /problems (2 filters, sort, 50)',
    path: `/api/v1/problems?${LEDGER_QUERY}`,
    auth: true,
    baseline: LEDGER_SQL,
  },
  // The dashboard's total figure links here: no filter, 50,049 matches, the total exact over
  // the narrow facts (problems.totals.ts) rather than estimated.
  {
    name: 'GET /problems (no filter, 50, exact total)',
    path: '/api/v1/problems?limit=50',
    auth: true,
  },
  { name: SEARCH_SQL, path: '/bench/search-sql', auth: false },
  {
    name: `GET /problems?q=${SEARCH_QUERY} (50)`,
    path: `/api/v1/problems?q=${encodeURIComponent(SEARCH_QUERY)}&limit=50`,
    auth: true,
    baseline: SEARCH_SQL,
  },
  // The public board (issue 4): anonymous, first page at the default limit, against its own SQL,
  // from its in-process cache (PUBLIC_CACHE_SECONDS) and without it (a second app, cache off).
  { name: PUBLIC_SQL, path: '/bench/public-sql', auth: false },
  {
    name: 'GET /public/problems (first page, cached)',
    path: '/api/v1/public/problems',
    auth: false,
    baseline: PUBLIC_SQL,
  },
  {
    name: 'GET /public/problems (first page, uncached)',
    path: '/api/v1/public/problems',
    auth: false,
    baseline: PUBLIC_SQL,
    uncached: true,
  },
]

/** The problem columns GET /problems answers with: all but the search tokens (problems.repository.ts). */
const LEDGER_COLUMNS = Object.values(getTableColumns(problems))
  .map((c) => c.name)
  .filter((name) => name !== 'search_tokens')
  .map((name) => `p.${name}`)
  .join(', ')

/**
 * What GET /problems?status=in_progress&domain=water&sort=deadline&limit=50 asks of the database
 * for a city-wide reader: the page (the columns the route selects, not `p.*`: the search tokens
 * are the widest column and the route never reads them) with its co-responsible units, the unit
 * refs, and the count.
 */
async function ledgerByHand(database: Database) {
  const where = ['p.status = $1 and p.domain = $2', ['in_progress', 'water']] as const
  const [page, total] = await Promise.all([
    ledgerPageByHand(database, ...where),
    database.query('select count(*) as n from problems p where ' + where[0], [...where[1]]),
  ])
  return { ...page, total }
}

/**
 * The first page by deadline of the problems `where` picks, as the list route selects it: the
 * route's columns (not `p.*`: the search tokens are the widest column and the route never reads
 * them) with the co-responsible units, then the unit refs those rows name.
 */
async function ledgerPageByHand(database: Database, where: string, params: readonly unknown[]) {
  const page = await database.query<{
    lead_unit_id: string
    region_id: string | null
    co: string[]
  }>(
    `select ${LEDGER_COLUMNS},
            coalesce((select array_agg(pu.unit_id::text order by pu.unit_id) from problem_units pu
              where pu.problem_id = p.id and pu.role = 'co'), '{}') as co,
            to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as updated_key
       from problems p where ${where}
      order by p.deadline, p.id limit 51`,
    [...params],
  )
  const ids = [
    ...new Set(page.flatMap((r) => [r.lead_unit_id, r.region_id, ...r.co].filter(Boolean))),
  ]
  const refs = await database.query('select id, code, name from units where id = any($1::uuid[])', [
    ids,
  ])
  return { items: page.slice(0, 50), refs }
}

/**
 * What GET /problems?q=污水&limit=50 asks of the database for a city-wide reader: the first page by
 * deadline of the problems holding the query's bigram (the GIN-indexed tokens, lib/search.ts) with
 * their co-responsible units, the unit refs, and the total as the route counts a search's.
 */
async function searchByHand(database: Database) {
  const tokens = queryTokens(SEARCH_QUERY)
  const [page, total] = await Promise.all([
    ledgerPageByHand(database, 'p.search_tokens @> $1::text[]', [tokens]),
    totalByHand(database, 'search_tokens @> $1::text[]', [tokens], SEARCH_EXACT_UP_TO),
  ])
  return { ...page, total }
}

/** A total as the routes count one: exactly up to `cap`, else the planner's estimate. */
async function totalByHand(database: Database, where: string, params: unknown[], cap: number) {
  const [counted] = await database.query<{ n: string }>(
    `select count(*) as n from (select 1 from problems where ${where} limit ${cap + 1}) m`,
    params,
  )
  const n = Number(counted?.n ?? 0)
  if (n <= cap) return { total: n, totalIsEstimate: false }
  const [row] = await database.query<{ 'QUERY PLAN': unknown }>(
    `explain (format json) select id from problems where ${where}`,
    params,
  )
  // pg parses the json column, PGlite may hand it over as text.
  const raw = row?.['QUERY PLAN']
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as
    [{ Plan: { 'Plan Rows': number } }] | undefined
  return { total: Math.max(n, plan?.[0].Plan['Plan Rows'] ?? 0), totalIsEstimate: true }
}

/**
 * What GET /public/problems (first page, limit 50) asks of the database: published problems most
 * recently changed first, with their co-responsible units, the unit names, and the total as the
 * route counts it.
 */
async function publicByHand(database: Database) {
  const page = await database.query<{
    lead_unit_id: string
    region_id: string | null
    co: string[]
  }>(
    `select p.id, p.code, p.title, p.domain, p.region_id, p.lead_unit_id, p.mode, p.deadline, p.status,
            p.light, p.reported_progress, p.outcome, p.closed_on, p.updated_at,
            coalesce((select array_agg(pu.unit_id::text order by pu.unit_id) from problem_units pu
              where pu.problem_id = p.id and pu.role = 'co'), '{}') as co
       from problems p where p.public
      order by p.updated_at desc, p.id desc limit 51`,
  )
  const ids = [
    ...new Set(page.flatMap((r) => [r.lead_unit_id, r.region_id, ...r.co].filter(Boolean))),
  ]
  const [names, total] = await Promise.all([
    database.query('select id, name from units where id = any($1::uuid[])', [ids]),
    totalByHand(database, 'public', [], EXACT_TOTAL_UP_TO),
  ])
  return { items: page.slice(0, 50), names, total }
}

const HelloSchema = Type.Object({ hello: Type.String() })
const UnitRowSchema = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })

/**
 * The baseline routes, passed to buildApp as `extraRoutes`: they exist only in the bench. They
 * sit outside /api/v1, so the policy table neither needs nor gets a row for them (plugins/auth.ts
 * skips other paths) — this plugin's onRoute hook asserts that, and run.ts checks that they
 * answer without credentials while an API route does not.
 */
export function benchRoutes(database: Database, fx: BenchFixtures) {
  return async function benchPlugin(app: FastifyInstance): Promise<void> {
    app.addHook('onRoute', (route) => {
      if (route.config?.policy) throw new Error(`bench route ${route.url} picked up a policy row`)
    })
    app.get('/bench/hello', { schema: { response: { 200: HelloSchema } } }, async () => ({
      hello: 'world',
    }))
    app.get('/bench/pk', { schema: { response: { 200: UnitRowSchema } } }, async () => {
      const [row] = await database.query('select id, code, name from units where id = $1', [
        fx.unitId,
      ])
      return row
    })
    app.get('/bench/ledger-sql', async () => ledgerByHand(database))
    app.get('/bench/search-sql', async () => searchByHand(database))
    app.get('/bench/public-sql', async () => publicByHand(database))
  }
}
