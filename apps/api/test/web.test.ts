import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { openTestDatabase } from './database.js'
import { TEST_SIGNING_KEY, testConfig } from './build-app.js'
import type { Database } from '../src/db/client.js'

/** A built SPA in miniature: index.html, a hashed chunk with its .gz twin, a public file. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'rectify-web-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="app"></div>')
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)'.repeat(200))
  writeFileSync(join(root, 'assets', 'index-abc123.js.gz'), gzipSync('console.log(1)'.repeat(200)))
  writeFileSync(join(root, 'favicon.svg'), '<svg/>')
  return root
}

let database: Database
let app: FastifyInstance
const LIMIT = 3

beforeAll(async () => {
  database = await openTestDatabase()
  // A global limit a page load would exceed: the files must not count against it.
  app = await buildApp(testConfig({ RATE_LIMIT_MAX: LIMIT }), {
    database,
    signingKey: TEST_SIGNING_KEY,
    webRoot: fakeBuild(),
  })
  await app.ready()
})
afterAll(async () => {
  await app.close()
  await database.close()
})

describe('the SPA as the API serves it', () => {
  it('caches hashed assets for good and sends the gzip twin to a browser that takes it', async () => {
    const res = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.headers['content-type']).toMatch(/javascript/)
    const plain = await app.inject({ url: '/assets/index-abc123.js' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe('console.log(1)'.repeat(200))
  })

  it('answers a deep link with index.html, never cached, and an unknown API path with 404', async () => {
    for (const url of ['/', '/problems?status=open']) {
      const res = await app.inject({ url })
      expect(res.statusCode).toBe(200)
      expect(res.headers['cache-control']).toBe('no-cache')
      expect(res.body).toContain('<div id="app">')
    }
    expect((await app.inject({ url: '/favicon.svg' })).headers['cache-control']).toBe('no-cache')
    const api = await app.inject({ url: '/api/v1/no-such-route' })
    expect(api.statusCode).toBe(404)
    expect(api.headers['content-type']).toMatch(/problem\+json/)
  })

  it('does not count the files of a page load against the rate limit; the API stays limited', async () => {
    for (let i = 0; i < LIMIT * 3; i++) {
      const res = await app.inject({ url: i % 2 ? '/assets/index-abc123.js' : '/problems' })
      expect(res.statusCode).toBe(200)
      expect(res.headers['x-ratelimit-limit']).toBeUndefined()
    }
    const api = await app.inject({ url: '/api/v1/openapi.json' })
    expect(api.headers['x-ratelimit-limit']).toBe(String(LIMIT))
  })
})
