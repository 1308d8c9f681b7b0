import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problems, reboundReviews } from '../src/db/schema/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import { apiClient } from './ledger-factories.js'
import {
  STATES,
  WHO,
  WITH_ACCEPTANCE,
  closeoutWorld,
  latestAcceptance,
  problemIn,
  problemVersion,
  reviewBody,
  today,
  type CloseoutWorld,
  type State,
  type Who,
} from './acceptance-factories.js'

let t: TestApp
let w: CloseoutWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await closeoutWorld(t)
})
afterAll(() => t.close())

const ACTIONS = ['apply', 'review', 'openPublicity', 'close', 'recordRebound'] as const
type Action = (typeof ACTIONS)[number]

/** Roles the policy table lets through each route (the rest get 403 before any rule). */
const ROUTE: Record<Action, readonly Who[]> = {
  apply: ['lead', 'countyLead'],
  review: ['office', 'officeOwn', 'lead', 'countyLead'],
  openPublicity: ['office', 'officeOwn'],
  close: ['office', 'officeOwn'],
  recordRebound: ['office', 'officeOwn'],
}
const ACCEPTANCE: readonly State[] = ['county_review', 'city_review', 'passed']
const PUBLICITY: readonly State[] = ['publicity_open', 'publicity_over']

/**
 * The close-out half of the lifecycle as a table: for a problem in `state`, what `who` gets
 * for `action`. Wrong state → 409 for anyone the route lets in, then 403 for the wrong actor
 * (the office's own unit, the lead unit reviewing itself), then 409 for a step not yet due.
 */
function expected(state: State, action: Action, who: Who): number {
  if (!ROUTE[action].includes(who)) return 403
  switch (action) {
    case 'apply':
      if (!['in_progress', 'in_progress_unready', 'draft_immediate'].includes(state)) return 409
      if (who !== 'lead') return 403
      // Work under way applies once it is reported done (409 not_ready at 0 %).
      return state === 'in_progress_unready' ? 409 : 201
    case 'review':
      if (state === 'county_review') return who === 'office' || who === 'countyLead' ? 201 : 403
      if (state === 'city_review') return who === 'office' ? 201 : 403
      return 409
    case 'openPublicity':
      if (!ACCEPTANCE.includes(state)) return 409
      if (who === 'officeOwn') return 403
      return state === 'passed' ? 201 : 409
    case 'close':
      if (!PUBLICITY.includes(state)) return 409
      if (who === 'officeOwn') return 403
      return state === 'publicity_over' ? 201 : 409
    case 'recordRebound':
      return who === 'office' ? 200 : 403
  }
}

/** Actions that have a target in the state (a review needs an application, a rebound review a close-out). */
const applies = (state: State, action: Action) =>
  action === 'review'
    ? WITH_ACCEPTANCE.includes(state)
    : action === 'recordRebound'
      ? state === 'closed'
      : true

async function attempt(p: { id: string }, action: Action, who: Who) {
  const c = w.api[who]
  const pv = { 'if-match': `"${await problemVersion(t, p.id)}"` }
  switch (action) {
    case 'apply':
      return c.post(`/api/v1/problems/${p.id}/acceptances`, { selfCheck: '自验合格' }, pv)
    case 'review': {
      const a = (await latestAcceptance(t, p.id))!
      return c.post(`/api/v1/acceptances/${a.id}/reviews`, reviewBody(), {
        'if-match': `"${a.version}"`,
      })
    }
    case 'openPublicity':
      return c.post(`/api/v1/problems/${p.id}/publicity`, { notice: '拟销号公示' }, pv)
    case 'close':
      return c.post(`/api/v1/problems/${p.id}/closeout`, { outcome: 'rectified' }, pv)
    case 'recordRebound': {
      const [r] = await t.database.db
        .select()
        .from(reboundReviews)
        .where(eq(reboundReviews.problemId, p.id))
      return c.post(
        `/api/v1/rebound-reviews/${r!.id}`,
        { source: 'office', checkDate: today(), result: 'pass', findings: '未发现反弹' },
        { 'if-match': `"${r!.version}"` },
      )
    }
  }
}

const NEXT: Partial<Record<Action, string>> = {
  apply: 'acceptance',
  openPublicity: 'publicity',
  close: 'closed',
}

describe('the close-out lifecycle table', () => {
  const cases = STATES.flatMap((state) =>
    ACTIONS.filter((a) => applies(state, a)).flatMap((action) =>
      WHO.map((who) => ({ state, action, who, code: expected(state, action, who) })),
    ),
  )

  // Refused attempts change nothing, so they share one problem per state (which also checks
  // that none of them moved it); each allowed step gets a fresh problem.
  const shared = new Map<State, ReturnType<typeof problemIn>>()
  const subject = (state: State, fresh: boolean) => {
    if (fresh) return problemIn(t, w, state)
    if (!shared.has(state)) shared.set(state, problemIn(t, w, state))
    return shared.get(state)!
  }

  it.each(cases)(
    '$action on a problem in $state by $who → $code',
    async ({ state, action, who, code }) => {
      const ok = code < 300
      const p = await subject(state, ok)
      const [before] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
      const res = await attempt(p, action, who)
      expect(res.statusCode, res.body).toBe(code)
      const [after] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
      if (ok) {
        expect(after!.version).toBe(before!.version + (action === 'recordRebound' ? 0 : 1))
        if (NEXT[action]) expect(after!.status).toBe(NEXT[action])
      } else expect(after).toEqual(before)
    },
  )
})

describe('hidden problems', () => {
  it('answer 404 on every close-out route to callers that cannot see them', async () => {
    const p = await problemIn(t, w, 'closed')
    const a = (await latestAcceptance(t, p.id))!
    const file = (await w.api.office.get(`/api/v1/problems/${p.id}/acceptance`)).json()
    const reviewId = file.acceptances[0].reviews[0].id as string
    const reboundId = file.reboundReviews[0].id as string
    const lead = w.api.countyBLead
    // A client scoped to county B may call the office's routes, but sees nothing of county A.
    const scoped = await apiClient(
      t.app,
      w.users.admin,
      ['problems:write', 'problems:read'],
      w.world.units.countyB.id,
    )
    const h = { 'if-match': '"1"' }
    const answers = [
      await lead.get(`/api/v1/problems/${p.id}/acceptance`),
      await lead.post(`/api/v1/problems/${p.id}/acceptances`, { selfCheck: '自验' }, h),
      await lead.post(`/api/v1/acceptances/${a.id}/reviews`, reviewBody(), h),
      await lead.get(`/api/v1/acceptance-reviews/${reviewId}/snapshot`),
      await scoped.post(`/api/v1/problems/${p.id}/publicity`, { notice: '公示' }, h),
      await scoped.post(`/api/v1/problems/${p.id}/closeout`, { outcome: 'rectified' }, h),
      await scoped.post(
        `/api/v1/rebound-reviews/${reboundId}`,
        { source: 'office', checkDate: today(), result: 'fail', findings: '反弹' },
        h,
      ),
    ]
    expect(answers.map((x) => x.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404])
    for (const url of ['/api/v1/acceptances', '/api/v1/publicity', '/api/v1/rebound-reviews']) {
      const ids = (await lead.get(url))
        .json()
        .items.map((x: { problem: { id: string } }) => x.problem.id)
      expect(ids, url).not.toContain(p.id)
      const all = (await w.api.office.get(url))
        .json()
        .items.map((x: { problem: { id: string } }) => x.problem.id)
      expect(all, url).toContain(p.id)
    }
  })
})
