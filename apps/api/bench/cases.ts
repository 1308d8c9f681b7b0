import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { Database } from '../src/db/client.js'

/** What the cases may refer to: ids of seeded rows, found once before the runs. */
export interface BenchFixtures {
  /** A unit of the demo city (JZ-OFFICE). */
  unitId: string
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
}

/** The two baselines every other route is compared with (by name). */
export const HELLO = 'hello'
export const PK = 'pk'

export const CASES: BenchCase[] = [
  // (a) Fastify alone: the ceiling for any route.
  { name: HELLO, path: '/bench/hello', auth: false },
  // (b) One primary-key SELECT through the driver: the ceiling for any route that reads the database.
  { name: PK, path: '/bench/pk', auth: false },
  { name: 'GET /api/v1/me', path: '/api/v1/me', auth: true },
  { name: 'GET /api/v1/units?limit=50', path: '/api/v1/units?limit=50', auth: true },
]

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
  }
}
