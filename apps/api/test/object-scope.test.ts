import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POLICY } from '../src/policy.js'
import { seedDemo } from '../src/seed/demo.js'
import { createTestApp, type TestApp } from './build-app.js'
import { client, login } from './factories.js'

/**
 * The object rule of the policy table, enforced (issue 17): every GET route whose row says
 * `objects: 'unit-tree'` either belongs to a list/detail pair walked here, or names the test
 * that checks its scope. The walk is Discourse's consistency check, on the demo city: for each
 * caller who sees part of the city, a list shows exactly the records whose detail — and every
 * read under that detail — answers; everything else the office sees answers 404.
 *
 * Expected values never come from the policy table: the table only says which routes to walk.
 */

/** Reads whose object rule is tested elsewhere, with the file that does it (reviewed by hand). */
const CHECKED_ELSEWHERE: Record<string, string> = {
  'GET /api/v1/acceptances': 'acceptance-queue.test.ts',
  'GET /api/v1/acceptance-reviews/:id/snapshot': 'acceptance.test.ts',
  'GET /api/v1/accountability/counts': 'accountability.test.ts',
  'GET /api/v1/cards': 'cards.test.ts',
  'GET /api/v1/changes': 'changes.test.ts',
  'GET /api/v1/dashboard/breakdown': 'dashboard.test.ts',
  'GET /api/v1/dashboard/lists': 'dashboard.test.ts',
  'GET /api/v1/dashboard/overview': 'dashboard.test.ts',
  'GET /api/v1/dashboard/petitions': 'dashboard.test.ts',
  'GET /api/v1/dashboard/supervision': 'dashboard.test.ts',
  'GET /api/v1/dashboard/trend': 'dashboard.test.ts',
  'GET /api/v1/exports/accountability': 'exports.test.ts',
  'GET /api/v1/exports/measures': 'exports.test.ts',
  'GET /api/v1/exports/petitions': 'exports.test.ts',
  'GET /api/v1/exports/problems': 'exports-layout.test.ts',
  'GET /api/v1/exports/reports': 'exports.test.ts',
  'GET /api/v1/extensions/:id/effect': 'extensions.test.ts',
  'GET /api/v1/files/:id': 'files.test.ts',
  'GET /api/v1/me/work': 'problems.test.ts',
  'GET /api/v1/problems/summary': 'dashboard.test.ts',
  'GET /api/v1/publicity': 'publicity.test.ts',
  'GET /api/v1/rebound-reviews': 'rebound.test.ts',
}

/** Callers who see part of the demo city: a county, a city department, the county's office. */
const CALLERS = ['county', 'eco', 'lhoffice'] as const
/** Records tried per list and caller: enough to meet both sides, few enough to stay quick. */
const SAMPLE = 10
/**
 * Lists every caller sees whole by design (reviewed): the dispatch periods are the city's
 * calendar; what a unit sees inside a period is scoped, and walked through /reports.
 */
const CITY_WIDE = ['GET /api/v1/dispatch-periods']

const reads = Object.entries(POLICY)
  .filter(([key, p]) => key.startsWith('GET ') && p.objects === 'unit-tree')
  .map(([key]) => key)
const lists = reads.filter((key) => reads.includes(`${key}/:id`))
/** Reads under a detail (GET /problems/:id/measures …): their object is the detail's. */
const under = (list: string) => reads.filter((key) => key.startsWith(`${list}/:id/`))
const walked = new Set(lists.flatMap((l) => [l, `${l}/:id`, ...under(l)]))

let t: TestApp
const tokens: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestApp()
  await seedDemo(t.database.db, null, t.cipher)
  for (const who of ['office', ...CALLERS])
    tokens[who] = (await login(t.app, who, 'Rectify@2026')).accessToken
}, 240_000)
afterAll(() => t.close())

/** Every id the list shows the caller (up to 1,000), following the cursor. */
async function listIds(path: string, who: string): Promise<string[] | null> {
  const ids: string[] = []
  let cursor: string | undefined
  do {
    const res = await client(t.app, tokens[who]).get(
      `${path}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    )
    if (res.statusCode === 403) return null
    expect(res.statusCode, `${who} ${path}: ${res.body}`).toBe(200)
    const page = res.json() as { items: { id: string }[]; nextCursor?: string | null }
    ids.push(...page.items.map((i) => i.id))
    cursor = page.nextCursor ?? undefined
  } while (cursor && ids.length < 1000)
  return ids
}

describe('the object rule of every unit-tree read', () => {
  it('is walked here or named with the test that checks it', () => {
    const unaccounted = reads.filter((key) => !walked.has(key) && !(key in CHECKED_ELSEWHERE))
    expect(unaccounted).toEqual([])
    // A route that left the table or lost its object rule must leave the list above too.
    expect(Object.keys(CHECKED_ELSEWHERE).filter((key) => !reads.includes(key))).toEqual([])
  })

  it.each(lists)(
    '%s: a list shows exactly what its detail answers',
    async (list) => {
      const path = list.slice('GET '.length)
      const all = await listIds(path, 'office')
      expect(all?.length, `the demo city has no records for ${path}`).toBeGreaterThan(0)
      let hiddenTried = 0
      for (const who of CALLERS) {
        const seen = await listIds(path, who)
        if (seen === null) continue // the role may not read this list at all: policy.test.ts
        expect(all).toEqual(expect.arrayContaining(seen))
        const hidden = all!.filter((id) => !seen.includes(id))
        const tried = [...seen.slice(0, SAMPLE), ...hidden.slice(0, SAMPLE)]
        hiddenTried += Math.min(hidden.length, SAMPLE)
        for (const id of tried) {
          const visible = seen.includes(id)
          for (const read of [`${list}/:id`, ...under(list)]) {
            const url = read.slice('GET '.length).replace(':id', id)
            const res = await client(t.app, tokens[who]).get(url)
            if (visible) expect(res.statusCode, `${who} ${url}: ${res.body}`).toBeLessThan(300)
            else expect(res.statusCode, `${who} ${url} is not in the list`).toBe(404)
          }
        }
      }
      // Unless the list is the city's whole by design, the demo hides something from someone:
      // otherwise the walk above could not fail.
      if (!CITY_WIDE.includes(list))
        expect(hiddenTried, `no caller has anything hidden in ${path}`).toBeGreaterThan(0)
    },
    120_000,
  )
})
