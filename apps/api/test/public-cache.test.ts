import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problems } from '../src/db/schema/index.js'
import { ResponseCache, cacheKey } from '../src/modules/public/public.cache.js'
import { buildAppOn, createTestApp, type TestApp } from './build-app.js'
import { makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'
import { PUBLIC_TEST_CONFIG, publish, submit } from './public-factories.js'

let t: TestApp
let shown: { id: string }
let hidden: { id: string }
const LIST = '/api/v1/public/problems?status=in_progress&limit=20'

beforeAll(async () => {
  t = await createTestApp({ ...PUBLIC_TEST_CONFIG, PUBLIC_CACHE_SECONDS: 30 })
  const world = await makeWorld(t.database.db)
  const round = await makeRound(t.database.db)
  const make = (title: string) =>
    makeProblem(t.database.db, {
      round,
      leadUnit: world.units.eeb,
      region: world.units.countyA,
      status: 'in_progress',
      title,
    })
  shown = await make('饮用水源地保护区违规建设')
  hidden = await make('尚未公开的问题')
  await publish(t.database.db, shown.id)
})
afterAll(() => t.close())

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers })
const rename = (id: string, title: string) =>
  t.database.db.update(problems).set({ title }).where(eq(problems.id, id))

describe('HTTP caching of the public board', () => {
  it.each([
    LIST,
    '/api/v1/public/notices',
    '/api/v1/public/regions',
    () => `/api/v1/public/problems/${shown.id}`,
  ])('%s carries a strong ETag and Cache-Control, and answers 304 to it', async (u) => {
    const url = typeof u === 'function' ? u() : u
    const res = await get(url)
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toMatch(/^"[\w-]{43}"$/)
    expect(res.headers['cache-control']).toBe('public, max-age=30')
    const again = await get(url, { 'if-none-match': res.headers.etag as string })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect(again.headers.etag).toBe(res.headers.etag)
    const weak = await get(url, { 'if-none-match': `"other", W/${res.headers.etag as string}` })
    expect(weak.statusCode).toBe(304)
    expect((await get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200)
  })

  it('serves the board from the in-process cache: it lags changes by up to the TTL', async () => {
    const first = await get(LIST)
    await rename(shown.id, '饮用水源地保护区违规建设（已更新）')
    const cached = await get('/api/v1/public/problems?limit=20&status=in_progress')
    expect(cached.body).toBe(first.body)
    expect(cached.headers.etag).toBe(first.headers.etag)
    // Another URL is another entry, and another route never gets this body.
    const fresh = await get('/api/v1/public/problems?status=in_progress&limit=19')
    expect(fresh.json().items[0].title).toBe('饮用水源地保护区违规建设（已更新）')
    expect((await get('/api/v1/public/regions')).json().items[0]).toMatchObject({ count: 1 })
    const uncached = await buildAppOn(t.database, PUBLIC_TEST_CONFIG)
    try {
      const now = await uncached.inject({ url: LIST })
      expect(now.json().items[0].title).toBe('饮用水源地保护区违规建设（已更新）')
      expect(now.headers['cache-control']).toBe('public, max-age=0')
    } finally {
      await uncached.close()
    }
  })

  it('never stores a refusal: a 404 does not outlive publishing', async () => {
    const url = `/api/v1/public/problems/${hidden.id}`
    expect((await get(url)).statusCode).toBe(404)
    await publish(t.database.db, hidden.id)
    expect((await get(url)).statusCode).toBe(200)
  })

  it('never caches a POST: each report is recorded', async () => {
    const a = await submit(t.app, {})
    const b = await submit(t.app, {})
    expect(a.statusCode).toBe(201)
    expect(b.json().trackingCode).not.toBe(a.json().trackingCode)
  })
})

describe('the response cache', () => {
  it('keys by path and sorted query', () => {
    expect(cacheKey('/p?b=2&a=%E6%B1%A1')).toBe(cacheKey('/p?a=污&b=2'))
    expect(cacheKey('/p?a=1')).not.toBe(cacheKey('/q?a=1'))
    expect(cacheKey('/p?')).toBe('/p')
  })

  it('is bounded, dropping the oldest entry, and forgets expired ones', () => {
    const cache = new ResponseCache(1000, 500)
    for (let i = 0; i < 600; i++) cache.set(`/k${i}`, 'body', '"e"', 0)
    expect(cache.size).toBe(500)
    expect(cache.get('/k99', 1)).toBeUndefined()
    expect(cache.get('/k100', 1)?.body).toBe('body')
    expect(cache.get('/k100', 1000)).toBeUndefined()
    const off = new ResponseCache(0)
    off.set('/k', 'body', '"e"')
    expect(off.size).toBe(0)
  })
})

describe('rate limits', () => {
  it('allows a few reports per IP, then 429 with Retry-After as problem+json', async () => {
    const strict = await buildAppOn(t.database, {
      ...PUBLIC_TEST_CONFIG,
      PUBLIC_REPORT_RATE_LIMIT_MAX: 2,
    })
    try {
      const codes = []
      for (let i = 0; i < 3; i++) codes.push((await submit(strict, {})).statusCode)
      expect(codes).toEqual([201, 201, 429])
      const last = await submit(strict, {})
      expect(last.statusCode).toBe(429)
      expect(last.headers['retry-after']).toMatch(/^\d+$/)
      expect(last.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(last.json()).toMatchObject({ code: 'rate_limited', status: 429 })
      // The board's reads are counted apart from reports.
      expect((await strict.inject({ url: LIST })).statusCode).toBe(200)
    } finally {
      await strict.close()
    }
  })

  it('limits board reads per IP too', async () => {
    const strict = await buildAppOn(t.database, { ...PUBLIC_TEST_CONFIG, PUBLIC_RATE_LIMIT_MAX: 2 })
    try {
      const codes = []
      for (let i = 0; i < 3; i++) codes.push((await strict.inject({ url: LIST })).statusCode)
      expect(codes).toEqual([200, 200, 429])
      const elsewhere = await strict.inject({ url: LIST, remoteAddress: '10.0.0.9' })
      expect(elsewhere.statusCode).toBe(200)
    } finally {
      await strict.close()
    }
  })
})
