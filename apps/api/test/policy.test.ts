import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, SCOPES, type Role } from '@rectify/schemas'
import { buildApp } from '../src/app.js'
import { uuidv7 } from '../src/lib/ids.js'
import { POLICY } from '../src/policy.js'
import { TEST_SIGNING_KEY, createTestApp, testConfig, type TestApp } from './build-app.js'
import { client, login, makeWorld } from './factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
const tokens: Record<string, string> = {}

const ROLE_USER: Record<Role, keyof Awaited<ReturnType<typeof makeWorld>>['users']> = {
  admin: 'admin',
  office: 'office',
  lead_unit: 'lead',
  unit: 'unitA',
  leader: 'leader',
  auditor: 'auditor',
}

async function clientToken(scopes: readonly string[]) {
  const admin = client(t.app, tokens.admin)
  const created = (
    await admin.post('/api/v1/clients', { name: `policy ${scopes.length}`, scopes })
  ).json()
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    payload: {
      grant_type: 'client_credentials',
      client_id: created.client.clientId,
      client_secret: created.clientSecret,
    },
  })
  return res.json().access_token as string
}

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  for (const role of ROLES)
    tokens[role] = (await login(t.app, world.users[ROLE_USER[role]].username)).accessToken
  tokens.clientAll = await clientToken(SCOPES)
  // A client whose only scope is one no route asks for alone (the complainant route asks for
  // petitions:pii together with petitions:read).
  tokens.clientNone = await clientToken(['petitions:pii'])
})
afterAll(() => t.close())

const rows = Object.entries(POLICY).map(([key, policy]) => {
  const [method, url] = key.split(' ') as [string, string]
  return { key, method, url, policy }
})

function request(method: string, url: string, token?: string) {
  return t.app.inject({
    method: method as 'GET',
    url: url
      .replace(/:id\b/g, uuidv7())
      .replace(/:date\b/g, '2026-10-01')
      .replace(/:code\b/g, 'ABCDEF234567'),
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(method === 'PATCH' ? { 'if-match': '"1"' } : {}),
    },
    ...(method === 'POST' || method === 'PATCH' ? { payload: {} } : {}),
  })
}

describe('the policy table', () => {
  it('has a registered route for every row', () => {
    for (const { method, url, key } of rows)
      expect(t.app.hasRoute({ method: method as 'GET', url }), key).toBe(true)
  })

  it('refuses to register a route without a row', async () => {
    await expect(
      buildApp(testConfig(), {
        database: t.database,
        signingKey: TEST_SIGNING_KEY,
        extraRoutes: async (app) => {
          app.get('/api/v1/unlisted', () => 'nope')
        },
      }),
    ).rejects.toThrow(/No policy row for GET \/api\/v1\/unlisted/)
  })

  describe.each(rows)('$key', ({ method, url, policy }) => {
    it('answers anonymous callers as the table says', async () => {
      const res = await request(method, url)
      if (policy.roles === 'public') expect([401, 403]).not.toContain(res.statusCode)
      else expect(res.statusCode).toBe(401)
    })

    it.each(ROLES)('answers %s as the table says', async (role) => {
      const res = await request(method, url, tokens[role])
      const allowed = policy.roles === 'public' || policy.roles.includes(role)
      if (allowed) expect([401, 403], res.body).not.toContain(res.statusCode)
      else expect(res.statusCode, res.body).toBe(403)
    })

    it('answers API clients by scope', async () => {
      const all = await request(method, url, tokens.clientAll)
      const none = await request(method, url, tokens.clientNone)
      if (policy.roles === 'public') {
        expect([401, 403]).not.toContain(all.statusCode)
      } else if (policy.scopes) {
        expect([401, 403], all.body).not.toContain(all.statusCode)
        expect(none.statusCode).toBe(403)
      } else {
        expect(all.statusCode).toBe(403)
      }
    })
  })
})

/**
 * Reviewed snapshot of who may call routes, written by hand rather than read from POLICY: a
 * change to their policy rows fails here until the snapshot is reviewed and changed too.
 */
const SNAPSHOT: [string, readonly Role[]][] = [
  // Progress tables (modules/progress-import): the office only; not the admin, who never
  // alters business records, and not the units the reports are submitted for.
  ['POST /api/v1/dispatch-periods/:id/progress-import', ['office']],
  ['POST /api/v1/dispatch-periods/:id/progress-import/errors', ['office']],
  ['GET /api/v1/reports/import-template', ['office']],
  // Error workbooks (the upload with its errors marked): whoever may run the import — the office.
  ['POST /api/v1/rounds/:id/problem-import/errors', ['office']],
  ['POST /api/v1/petition-batches/:id/import/errors', ['office']],
  // The preview of a grant belongs to whoever decides it: the office.
  ['GET /api/v1/extensions/:id/effect', ['office']],
]

describe('the reviewed snapshot', () => {
  it.each(SNAPSHOT)('%s answers exactly %j', async (key, allowed) => {
    const [method, url] = key.split(' ') as [string, string]
    for (const role of ROLES) {
      const res = await request(method, url, tokens[role])
      if (allowed.includes(role))
        expect([401, 403], `${role}: ${res.body}`).not.toContain(res.statusCode)
      else expect(res.statusCode, role).toBe(403)
    }
  })
})

describe('object scope (unit-tree routes)', () => {
  const cases = [
    ['units', 'countyA', 'unitA', 200],
    ['units', 'townA', 'unitA', 200],
    ['units', 'countyB', 'unitA', 404],
    ['units', 'city', 'unitA', 404],
    ['units', 'countyB', 'office', 200],
    ['units', 'countyB', 'leader', 200],
    ['units', 'countyB', 'auditor', 200],
    ['units', 'countyA', 'lead', 404],
  ] as const
  it.each(cases)('GET /%s/:id of %s as %s → %i', async (_r, unit, who, status) => {
    const c = client(t.app, (await login(t.app, world.users[who].username)).accessToken)
    expect((await c.get(`/api/v1/units/${world.units[unit].id}`)).statusCode).toBe(status)
  })

  const userCases = [
    ['townA', 'unitA', 200],
    ['unitB', 'unitA', 404],
    ['office', 'unitA', 404],
    ['unitB', 'office', 200],
    ['unitA', 'auditor', 200],
  ] as const
  it.each(userCases)('GET /users/:id of %s as %s → %i', async (target, who, status) => {
    const c = client(t.app, (await login(t.app, world.users[who].username)).accessToken)
    expect((await c.get(`/api/v1/users/${world.users[target].id}`)).statusCode).toBe(status)
  })
})
