import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCOPES, type Role } from '@rectify/schemas'
import { uuidv7 } from '../src/lib/ids.js'
import { MAX_BODY_DEPTH } from '../src/plugins/input.js'
import { POLICY } from '../src/policy.js'
import { createTestApp, type TestApp } from './build-app.js'
import { apiClient } from './client-factories.js'
import { login, makeWorld } from './factories.js'

/**
 * Hostile text on every write route, driven by the routes' own body schemas (from the served
 * OpenAPI document): each string field gets a NUL, then an unpaired surrogate; then a body nested
 * past the limit. Every one must be refused with 400 validation, and none may answer 5xx.
 */
let t: TestApp
let token: string
/** `client`: an API client with every scope, for the routes only clients may call. */
const tokens: Partial<Record<Role | 'client', string>> = {}
const ROLE_USER = {
  admin: 'admin',
  office: 'office',
  lead_unit: 'lead',
  unit: 'unitA',
  leader: 'leader',
  auditor: 'auditor',
} as const
let doc: {
  paths: Record<string, Record<string, OpenApiOperation>>
  components: { schemas: Record<string, JsonSchema> }
}

interface JsonSchema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  format?: string
}
interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
}

const NUL = 'a\u0000b'
const LONE_HIGH = 'x\ud800y'
const LONE_LOW = '\udc00'

/** A value shaped like `schema` with `text` in every string field (formats and enums too). */
function shaped(schema: JsonSchema | undefined, text: string, depth = 0): unknown {
  if (!schema || depth > 6) return text
  // A named schema, as the document references it (#/components/schemas/<Name>).
  if (schema.$ref) return shaped(doc.components.schemas[schema.$ref.split('/').pop()!], text, depth)
  if (schema.anyOf?.length) return shaped(schema.anyOf[0], text, depth + 1)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  if (schema.properties || type === 'object') {
    // A route that takes no fields gets an unknown one: the text must be refused before that.
    const props = Object.keys(schema.properties ?? {}).length ? schema.properties! : { note: {} }
    return Object.fromEntries(
      Object.entries(props).map(([k, v]) => [k, shaped(v, text, depth + 1)]),
    )
  }
  if (type === 'array') return [shaped(schema.items, text, depth + 1)]
  if (type === 'integer' || type === 'number') return 1
  if (type === 'boolean') return true
  if (type === 'null') return null
  return text
}

function nested(depth: number): unknown {
  let v: unknown = 'deep'
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
}

const writes = Object.entries(POLICY)
  .map(([key, policy]) => [...(key.split(' ') as [string, string]), policy] as const)
  .filter(([method]) => method !== 'GET')
  // A principal the route lets in, so the refusal seen is the input's, not the policy's.
  .map(
    ([method, url, policy]) =>
      [
        method,
        url,
        policy.roles === 'public' ? null : (policy.roles[0] ?? ('client' as const)),
      ] as const,
  )

beforeAll(async () => {
  // Five hostile bodies per route: the public routes' per-IP limits must not get in the way.
  t = await createTestApp({
    PUBLIC_REPORT_RATE_LIMIT_MAX: 1_000_000,
    PUBLIC_UPLOAD_RATE_LIMIT_MAX: 1_000_000,
    PUBLIC_RATE_LIMIT_MAX: 1_000_000,
  })
  const world = await makeWorld(t.database.db)
  for (const [role, user] of Object.entries(ROLE_USER))
    tokens[role as Role] = (await login(t.app, world.users[user].username)).accessToken
  tokens.client = (
    await apiClient(t.app, world.users.admin.username, { scopes: [...SCOPES] })
  ).accessToken
  token = tokens.admin!
  doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
})
afterAll(() => t.close())

function send(
  method: string,
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
  role: Role | 'client' | null = 'admin',
) {
  return t.app.inject({
    method: method as 'POST',
    url: url.replace(/:(\w+)/g, (_m, p: string) => (p === 'date' ? '2026-10-01' : uuidv7())),
    headers: {
      ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}),
      'if-match': '"1"',
      'idempotency-key': uuidv7(),
      ...headers,
    },
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
}

function expectRefused(res: Awaited<ReturnType<typeof send>>, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(400)
  if (res.raw.req.url === '/api/v1/oauth/token') {
    // The token endpoint answers in RFC 6749's form, never problem+json (API.md).
    expect(res.json(), what).toMatchObject({ error: 'invalid_request' })
    return
  }
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(res.json().type, what).toBe('urn:rectify:error:validation')
}

describe('hostile text and nesting on every write route', () => {
  it('covers the write routes', () => expect(writes.length).toBeGreaterThan(40))

  it.each(writes)(
    '%s %s refuses NUL, lone surrogates and deep nesting with 400',
    async (m, url, role) => {
      const openapiUrl = url.replace(/:(\w+)/g, '{$1}')
      const op = doc.paths[openapiUrl]?.[m.toLowerCase()]
      const schema = op?.requestBody?.content?.['application/json']?.schema
      for (const text of [NUL, LONE_HIGH, LONE_LOW]) {
        const res = await send(m, url, shaped(schema ?? { type: 'object' }, text), {}, role)
        expectRefused(res, `${m} ${url} ${JSON.stringify(text)}`)
      }
      expectRefused(await send(m, url, nested(MAX_BODY_DEPTH + 1), {}, role), `${m} ${url} deep`)
      // A key, not only a value.
      expectRefused(await send(m, url, { [NUL]: 1 }, {}, role), `${m} ${url} key`)
    },
  )
})

describe('hostile text outside the body', () => {
  it('refuses a NUL in a path parameter, the query and a header used as a value', async () => {
    expectRefused(
      await send('GET', `/api/v1/problems/${encodeURIComponent(NUL)}`, undefined),
      'path',
    )
    expectRefused(await send('GET', '/api/v1/units?q=%00', undefined), 'query')
    // A URL cannot carry a lone surrogate (its bytes are not UTF-8): it stays undecoded text.
    expect((await send('GET', '/api/v1/problems?q=%ED%A0%80', undefined)).statusCode).toBe(200)
    const idem = await send('POST', '/api/v1/units', { name: 'x' }, { 'idempotency-key': NUL })
    expectRefused(idem, 'idempotency-key')
  })

  it('refuses NUL in the credentials of login and client credentials (never 500)', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: `admin${NUL}`, password: 'x' },
    })
    expectRefused(login, 'login')
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials&client_id=a%00b&client_secret=x',
    })
    expectRefused(form, 'oauth form')
  })

  it('takes a 5,000-level body without a stack overflow (400, not 500)', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`
    const typed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: {
        authorization: `Bearer ${token}`,
        'idempotency-key': uuidv7(),
        'content-type': 'application/json',
      },
      payload: deep,
    })
    expectRefused(typed, 'deep array')
  })

  it('accepts well-formed text: emoji (surrogate pairs) and Chinese', async () => {
    const res = await send('GET', `/api/v1/problems?q=${encodeURIComponent('污水😀')}`, undefined)
    expect(res.statusCode).toBe(200)
  })
})
