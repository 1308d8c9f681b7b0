import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { benchRedmine } from '../bench/redmine.js'
import type { LoadOptions, LoadResult } from '../bench/load.js'
import { ResultsFile, useResults } from '../bench/results.js'

/**
 * The Redmine baseline's bench section (bench/redmine.ts) against a stand-in Redmine on
 * 127.0.0.1 answering the JSON its seed makes: which URLs it loads, and the ratios and goals it
 * writes to bench-results.json. The loads are given figures: no time is measured here.
 */
const KEY = 'a'.repeat(40)
const dir = mkdtempSync(join(tmpdir(), 'rectify-bench-redmine-'))
let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x')
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.headers['x-redmine-api-key'] !== KEY) return json(401, {})
    if (url.pathname === '/issue_statuses.json')
      return json(200, {
        issue_statuses: [
          { id: 1, name: 'draft' },
          { id: 9, name: 'in_progress' },
        ],
      })
    if (url.pathname === '/trackers.json')
      return json(200, {
        trackers: [
          { id: 4, name: 'air' },
          { id: 5, name: 'water' },
        ],
      })
    if (url.pathname === '/issues.json')
      return json(200, {
        issues: [{ id: 4711 }],
        total_count: url.searchParams.size > 1 ? 8000 : 50_000,
      })
    if (url.pathname === '/issues/4711.json') return json(200, { issue: { id: 4711 } })
    if (url.pathname === '/search.json') return json(200, { results: [], total_count: 6192 })
    json(404, {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})
afterEach(() => {
  delete process.env.BENCH_REDMINE_URL
  delete process.env.BENCH_REDMINE_KEY
  useResults(null)
})

const figures = (rps: number): LoadResult => ({
  rps,
  p50: 1000 / rps,
  p99: 2000 / rps,
  requests: rps * 30,
  failed: 0,
  errors: 0,
  detail: '',
})

/** Redmine answers each of its routes at `redmine` req/s here; ours at the given rates, by case name. */
async function run(ours: Record<string, number>, redmine = 4, theirs: Partial<LoadResult> = {}) {
  const file = new ResultsFile(join(dir, 'bench-results.json'), {
    database: 'none',
    concurrency: 10,
  })
  useResults(file)
  const loaded: LoadOptions[] = []
  const out = await benchRedmine({
    connections: 10,
    seconds: 5,
    warmupSeconds: 1,
    ours: async (name, seconds) => {
      expect(seconds).toBe(30)
      return figures(ours[name] ?? 1)
    },
    load: async (opts) => {
      loaded.push(opts)
      return { ...figures(redmine), ...theirs }
    },
  })
  return { out, measures: file.write().measures, loaded }
}

describe('the Redmine baseline', () => {
  it('is skipped without BENCH_REDMINE_URL and BENCH_REDMINE_KEY', async () => {
    const { out, loaded } = await run({})
    expect(out).toMatch(/skipped/)
    expect(loaded).toEqual([])
  })

  it('loads the seeded status, tracker and issue, and records each ratio against its goal', async () => {
    process.env.BENCH_REDMINE_URL = `${base}/`
    process.env.BENCH_REDMINE_KEY = KEY
    const { out, measures, loaded } = await run({
      'GET /problems (2 filters, sort, 50)': 400,
      'GET /problems/:id': 100,
      'GET /problems?q=污水 (50)': 200,
    })
    // Each Redmine route twice (warm-up, then measured for as long as ours: 30 s, not BENCH_SECONDS'
    // 5), with the same connections, the key sent.
    expect(loaded.map((l) => [new URL(l.url).pathname + new URL(l.url).search, l.seconds])).toEqual(
      [
        ['/issues.json?status_id=9&tracker_id=5&sort=due_date&limit=50', 1],
        ['/issues.json?status_id=9&tracker_id=5&sort=due_date&limit=50', 30],
        ['/issues/4711.json', 1],
        ['/issues/4711.json', 30],
        [`/search.json?q=${encodeURIComponent('污水')}&issues=1&limit=50`, 1],
        [`/search.json?q=${encodeURIComponent('污水')}&issues=1&limit=50`, 30],
      ],
    )
    expect(
      loaded.every((l) => l.connections === 10 && l.headers['x-redmine-api-key'] === KEY),
    ).toBe(true)
    const ratios = measures.filter((m) => m.name.endsWith('vs Redmine req/s'))
    expect(ratios).toMatchObject([
      { ratio: 100, goal: 'ratio ≥ 100', met: true },
      { ratio: 25, goal: 'ratio ≥ 50', met: false },
      { ratio: 50, goal: 'ratio ≥ 100', met: false },
    ])
    expect(out).toContain('50000 issues')
    expect(out).toContain('8000')
    expect(out).toContain('6192')
  })

  it('makes no rate of fewer answers than connections', async () => {
    process.env.BENCH_REDMINE_URL = base
    process.env.BENCH_REDMINE_KEY = KEY
    await expect(run({}, 0.1)).rejects.toThrow(/answered 3 times in 30 s/)
  })

  it("counts the connections Puma closes without an answer as Redmine's, up to one in twenty", async () => {
    process.env.BENCH_REDMINE_URL = base
    process.env.BENCH_REDMINE_KEY = KEY
    const { out } = await run({}, 4, { failed: 3, errors: 3, detail: '3 errors' })
    expect(out).toContain('connections Redmine closed without an answer (not counted)')
    expect(out).toContain('3 of 120')
    await expect(run({}, 4, { failed: 7, errors: 7, detail: '7 errors' })).rejects.toThrow(
      /7 errors/,
    )
    await expect(run({}, 4, { failed: 1, errors: 0, detail: '1 non-2xx' })).rejects.toThrow(
      /1 non-2xx/,
    )
  })

  it('refuses to measure a Redmine that does not answer 2xx', async () => {
    process.env.BENCH_REDMINE_URL = base
    process.env.BENCH_REDMINE_KEY = 'b'.repeat(40)
    await expect(run({})).rejects.toThrow(/401/)
  })
})
