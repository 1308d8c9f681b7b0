import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compilePendingSchemas, pendingSchemas } from '../src/lib/lazy-compile.js'
import { buildApp } from '../src/app.js'
import {
  TEST_SIGNING_KEY,
  buildAppOn,
  createTestApp,
  testConfig,
  type TestApp,
} from './build-app.js'
import { as, client, login, makeWorld } from './factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
})
afterAll(() => t.close())

describe('API conventions', () => {
  it('gives every scheduled job its queue in the job engine (a migration creates it)', async () => {
    const queues = new Set(
      (await t.database.query<{ name: string }>('select name from pgboss.queue')).map(
        (q) => q.name,
      ),
    )
    // An app with every job on, as production runs (the test apps leave the periodic ones off);
    // built, not started: its jobs are listed, none runs.
    const config = testConfig({
      REMINDER_INTERVAL_SECONDS: 3600,
      WEBHOOK_INTERVAL_MS: 60_000,
      HOUSEKEEPING_INTERVAL_MINUTES: 60,
      ROLLUP_MERGE_INTERVAL_SECONDS: 60,
      COMPLAINANT_RETENTION_DAYS: 365,
    })
    const all = await buildApp(config, { database: t.database, signingKey: TEST_SIGNING_KEY })
    try {
      const names = all.jobs.jobs.map((j) => j.name)
      expect(names).toEqual(
        expect.arrayContaining([
          'refresh-lights',
          'erase-complainants',
          'redact-snapshot-phones',
          'merge-dashboard-rollup',
        ]),
      )
      expect(names.filter((n) => !queues.has(n))).toEqual([])
    } finally {
      await all.close()
    }
  })

  it('keeps every GIN index’s pending list short (db/schema/gin.ts)', async () => {
    // A scan reads a GIN index's whole pending list: at PostgreSQL's default of 4 MB, up to 512
    // pages before the first match. A GIN index without the limit fails here, by name.
    const indexes = await t.database.query<{ name: string; options: string[] | null }>(
      `select c.relname as name, c.reloptions as options
         from pg_class c join pg_am am on am.oid = c.relam
         join pg_namespace n on n.oid = c.relnamespace
        where am.amname = 'gin' and n.nspname = 'public' order by 1`,
    )
    expect(indexes.map((i) => i.name)).toContain('problems_search_idx')
    expect(indexes.filter((i) => !i.options?.includes('gin_pending_list_limit=128'))).toEqual([])
  })

  it('answers unknown routes with problem+json 404', async () => {
    const res = await client(t.app).get('/api/v1/nope')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({
      type: 'urn:rectify:error:not_found',
      status: 404,
      code: 'not_found',
    })
  })

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/units' })
    expect(res.statusCode).toBe(405)
    expect(res.headers.allow).toContain('GET')
    expect(res.json().code).toBe('method_not_allowed')
  })

  it('refuses a wrong media type with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: 'x',
      headers: { 'content-type': 'text/plain' },
    })
    expect(res.statusCode).toBe(415)
    expect(res.json().code).toBe('unsupported_media_type')
  })

  it('refuses malformed JSON with 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/problem\+json/)
  })

  it('refuses a body over the limit with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a', password: 'x'.repeat(t.config.BODY_LIMIT_BYTES) },
    })
    expect(res.statusCode).toBe(413)
    expect(res.json().code).toBe('payload_too_large')
  })

  it('refuses unknown body fields with 422 naming the field', async () => {
    const res = await client(t.app).post('/api/v1/auth/login', {
      username: 'a',
      password: 'b',
      isAdmin: true,
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toContainEqual({ path: '/isAdmin', message: 'unknown property' })
  })

  it('does not coerce body types', async () => {
    const res = await client(t.app).post('/api/v1/auth/login', { username: 123, password: 'b' })
    expect(res.statusCode).toBe(422)
  })

  it('refuses a bad query parameter with 400', async () => {
    const office = await as(t.app, world.users.office)
    const res = await office.get('/api/v1/units?limit=1000')
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].path).toBe('/querystring/limit')
  })

  it('refuses a forged cursor with 400', async () => {
    const office = await as(t.app, world.users.office)
    expect((await office.get('/api/v1/units?cursor=garbage')).statusCode).toBe(400)
  })

  it('sets security headers and a request id', async () => {
    const res = await client(t.app).get('/api/v1/health')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['x-request-id']).toBeTruthy()
  })

  it('serves the OpenAPI 3.1 document with every API route', async () => {
    const res = await client(t.app).get('/api/v1/openapi.json')
    expect(res.statusCode).toBe(200)
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/units', '/api/v1/users/{id}', '/api/v1/audit']),
    )
    expect((await client(t.app).get('/api/docs/')).statusCode).toBe(200)
  })

  it('reports readiness with the migration count', async () => {
    const res = await client(t.app).get('/api/v1/ready')
    expect(res.statusCode).toBe(200)
    expect(res.json().migrations.applied).toBe(res.json().migrations.expected)
  })

  it('rate-limits login per IP with 429 and Retry-After', async () => {
    const limited = await buildAppOn(t.database, { LOGIN_RATE_LIMIT_MAX: 2 })
    try {
      const codes: number[] = []
      for (let i = 0; i < 3; i++)
        codes.push(
          (
            await limited.inject({
              method: 'POST',
              url: '/api/v1/auth/login',
              payload: { username: 'nobody', password: 'x' },
            })
          ).statusCode,
        )
      expect(codes).toEqual([401, 401, 429])
      const last = await limited.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody', password: 'x' },
      })
      expect(last.headers['retry-after']).toBeTruthy()
      expect(last.json().code).toBe('rate_limited')
    } finally {
      await limited.close()
    }
  })

  it('allows CORS only from the allow-list', async () => {
    const cors = await buildAppOn(t.database, { CORS_ORIGINS: 'https://oa.example.gov.cn' })
    try {
      const ok = await cors.inject({
        method: 'GET',
        url: '/api/v1/health',
        headers: { origin: 'https://oa.example.gov.cn' },
      })
      expect(ok.headers['access-control-allow-origin']).toBe('https://oa.example.gov.cn')
      const other = await cors.inject({
        method: 'GET',
        url: '/api/v1/health',
        headers: { origin: 'https://evil.example.com' },
      })
      expect(other.headers['access-control-allow-origin']).toBeUndefined()
    } finally {
      await cors.close()
    }
  })
})

describe('HEAD requests', () => {
  it('are authenticated like their GET', async () => {
    expect((await t.app.inject({ method: 'HEAD', url: '/api/v1/units' })).statusCode).toBe(401)
    const { accessToken } = await login(t.app, world.users.office.username)
    const res = await t.app.inject({
      method: 'HEAD',
      url: '/api/v1/units',
      headers: { authorization: `Bearer ${accessToken}` },
    })
    expect(res.statusCode).toBe(200)
  })
})

describe('route schemas', () => {
  it('compile on first use, and every one compiles (no first request can meet a broken one)', () => {
    // Only what the cases above called is compiled: most routes' schemas are still pending.
    const pending = pendingSchemas(t.app)
    expect(pending).toBeGreaterThan(200)
    expect(compilePendingSchemas(t.app)).toBe(pending)
    expect(pendingSchemas(t.app)).toBe(0)
  })
})
