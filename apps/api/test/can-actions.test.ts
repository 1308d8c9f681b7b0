import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problems, publicities, publicReports, reboundReviews } from '../src/db/schema/index.js'
import { addDays } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { createTestApp, type TestApp } from './build-app.js'
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
import { issue, noticeWorld, type NoticeWorld } from './notice-factories.js'

/**
 * Every `can` the API reports is what the step itself accepts (issue 16, finding 5). For each
 * action of a problem's close-out file (`can.apply`, `review`, `openPublicity`, `close`,
 * `ruleObjections`, `reviewRebound`) and of a supervision notice (`can.reply`, `close`,
 * `escalate`), over every state the action has a target in and every caller — the office, an
 * office user sitting in the lead unit, the lead unit, the county's lead-unit reviewer, a
 * co-responsible unit, a lead unit of another county, a leader, an auditor, the admin — the
 * word `can` gives is compared with the step's real answer: true ⇔ 2xx, false ⇔ 4xx. A
 * refused attempt is made on a shared subject and must leave it unchanged; an allowed one on a
 * fresh subject in the same state, whose `can` is read again first.
 */

let t: TestApp
let w: CloseoutWorld
let nw: NoticeWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await closeoutWorld(t)
  nw = await noticeWorld(t)
})
afterAll(() => t.close())

// ── The close-out file

/** The close-out states, plus publicity with an objection awaiting a ruling. */
const CLOSEOUT_STATES = [...STATES, 'publicity_objection'] as const
type CloseoutState = (typeof CLOSEOUT_STATES)[number]
const CALLERS: readonly Who[] = [...WHO, 'countyBLead']

const CLOSEOUT_ACTIONS = [
  'apply',
  'review',
  'openPublicity',
  'close',
  'ruleObjections',
  'reviewRebound',
] as const
type CloseoutAction = (typeof CLOSEOUT_ACTIONS)[number]

/** Whether the action has something to act on in the state (a review needs an application …). */
function hasTarget(state: CloseoutState, action: CloseoutAction): boolean {
  if (action === 'review') return state === 'publicity_objection' || WITH_ACCEPTANCE.includes(state)
  if (action === 'ruleObjections') return state === 'publicity_objection'
  if (action === 'reviewRebound') return state === 'closed'
  return true
}

/** A problem in `state`; an objection is lodged on the period's start day, awaiting a ruling. */
async function closeoutSubject(state: CloseoutState) {
  if (state !== 'publicity_objection') return problemIn(t, w, state as State)
  const p = await problemIn(t, w, 'publicity_open')
  const [pub] = await t.database.db
    .select()
    .from(publicities)
    .where(eq(publicities.problemId, p.id))
  await t.database.db.insert(publicReports).values({
    createdAt: new Date(`${pub!.startDate}T10:00:00+08:00`),
    id: uuidv7(),
    trackingCode: `T${uuidv7().slice(-12)}`,
    reporterType: 'citizen',
    content: '现场仍有异味',
    problemId: p.id,
    publicityId: pub!.id,
    status: 'objection',
    ruling: 'pending',
    challengeSalt: uuidv7(),
  })
  return p
}

/** What the file tells `who` about the action (a hidden file offers nothing). */
async function closeoutCan(who: Who, problemId: string, action: CloseoutAction) {
  const res = await w.api[who].get(`/api/v1/problems/${problemId}/acceptance`)
  // A caller who may not read the file (hidden: 404; the admin: 403) is offered nothing.
  if (res.statusCode === 404 || res.statusCode === 403) return false
  expect(res.statusCode, res.body).toBe(200)
  const can = res.json().can
  return action === 'review' ? can.review !== null : (can[action] as boolean)
}

async function attemptCloseout(who: Who, problemId: string, action: CloseoutAction) {
  const c = w.api[who]
  const pv = { 'if-match': `"${await problemVersion(t, problemId)}"` }
  switch (action) {
    case 'apply':
      return c.post(
        `/api/v1/problems/${problemId}/acceptances`,
        { selfCheck: '已按方案完成全部整改措施，自验合格。' },
        pv,
      )
    case 'review': {
      const a = (await latestAcceptance(t, problemId))!
      return c.post(`/api/v1/acceptances/${a.id}/reviews`, reviewBody(), {
        'if-match': `"${a.version}"`,
      })
    }
    case 'openPublicity':
      return c.post(`/api/v1/problems/${problemId}/publicity`, { notice: '拟销号公示' }, pv)
    case 'close':
      return c.post(`/api/v1/problems/${problemId}/closeout`, { outcome: 'rectified' }, pv)
    case 'ruleObjections': {
      const [o] = await t.database.db
        .select()
        .from(publicReports)
        .where(eq(publicReports.problemId, problemId))
      return c.post(
        `/api/v1/public-reports/${o!.id}/ruling`,
        { ruling: 'upheld', reason: '经核实，异议反映的问题属实。' },
        { 'if-match': `"${o!.version}"` },
      )
    }
    case 'reviewRebound': {
      const [r] = await t.database.db
        .select()
        .from(reboundReviews)
        .where(eq(reboundReviews.problemId, problemId))
      return c.post(
        `/api/v1/rebound-reviews/${r!.id}`,
        { source: 'office', checkDate: today(), result: 'pass', findings: '未发现反弹' },
        { 'if-match': `"${r!.version}"` },
      )
    }
  }
}

const problemRow = async (id: string) =>
  (await t.database.db.select().from(problems).where(eq(problems.id, id)))[0]

describe('the close-out file’s can is what each step accepts', () => {
  it.each(CLOSEOUT_STATES)('a problem in %s, for every caller and action', async (state) => {
    const shared = await closeoutSubject(state)
    const allowed: string[] = []
    for (const who of CALLERS)
      for (const action of CLOSEOUT_ACTIONS.filter((a) => hasTarget(state, a))) {
        const what = `${action} on ${state} by ${who}`
        if (await closeoutCan(who, shared.id, action)) {
          const fresh = await closeoutSubject(state)
          expect(await closeoutCan(who, fresh.id, action), what).toBe(true)
          const res = await attemptCloseout(who, fresh.id, action)
          expect(res.statusCode < 300, `${what}: can is true, the step answers ${res.body}`).toBe(
            true,
          )
          allowed.push(`${who}:${action}`)
        } else {
          const before = await problemRow(shared.id)
          const res = await attemptCloseout(who, shared.id, action)
          expect(res.statusCode, `${what}: can is false, the step answers ${res.body}`).toBe(
            res.statusCode >= 400 && res.statusCode < 500 ? res.statusCode : 'a 4xx',
          )
          expect(await problemRow(shared.id), `${what} changed the problem`).toEqual(before)
        }
      }
    // The table is not vacuous: each state's steps are open to exactly their owners.
    expect(allowed).toEqual(OWNERS[state])
  })
})

/** Who may take which step in each state (the close-out rules of DOMAIN.md). */
const OWNERS: Record<CloseoutState, string[]> = {
  draft: [],
  draft_immediate: ['lead:apply'],
  plan_review: [],
  in_progress_unready: [],
  in_progress: ['lead:apply'],
  county_review: ['office:review', 'countyLead:review'],
  city_review: ['office:review'],
  passed: ['office:openPublicity'],
  publicity_open: [],
  publicity_over: ['office:close'],
  closed: ['office:reviewRebound'],
  publicity_objection: ['office:ruleObjections'],
}

// ── Supervision notices

const NOTICE_STATES = ['issued', 'replied', 'closed', 'escalated', 'listed'] as const
type NoticeState = (typeof NOTICE_STATES)[number]
type NoticeWho = keyof NoticeWorld['api']
const NOTICE_ACTIONS = ['reply', 'close', 'escalate'] as const
type NoticeAction = (typeof NOTICE_ACTIONS)[number]

/** A notice to county A in `state`, driven there over the API. */
async function noticeIn(state: NoticeState) {
  const n = await issue(nw, state === 'listed' ? { level: 'listed' } : {})
  const detail = async (id: string) =>
    (await nw.api.office.get(`/api/v1/notices/${id}`)).json<{ version: number }>()
  const ok = (res: { statusCode: number; body: string }) => {
    if (res.statusCode >= 300) throw new Error(`${state}: ${res.statusCode} ${res.body}`)
  }
  if (state === 'replied' || state === 'closed')
    ok(await attemptNotice('unitA', n.id, 'reply', n.version))
  if (state === 'closed')
    ok(await attemptNotice('office', n.id, 'close', (await detail(n.id)).version))
  if (state === 'escalated') ok(await attemptNotice('office', n.id, 'escalate', n.version))
  return n.id
}

function attemptNotice(who: NoticeWho, id: string, action: NoticeAction, version: number) {
  const body = {
    reply: { text: '已制定整改方案，正在推进。' },
    close: { note: '已按要求整改，办结。' },
    escalate: { body: '整改仍未到位，升级督办。', replyDue: addDays(today(), 7) },
  }[action]
  return nw.api[who].post(`/api/v1/notices/${id}/${action}`, body, {
    'if-match': `"${version}"`,
  })
}

async function noticeCan(who: NoticeWho, id: string) {
  const res = await nw.api[who].get(`/api/v1/notices/${id}`)
  if (res.statusCode === 404 || res.statusCode === 403) return { can: null, version: 0 }
  expect(res.statusCode, res.body).toBe(200)
  const d = res.json<{ can: Record<NoticeAction, boolean>; version: number }>()
  return { can: d.can, version: d.version }
}

const NOTICE_OWNERS: Record<NoticeState, string[]> = {
  issued: ['office:escalate', 'unitA:reply'],
  replied: ['office:close', 'office:escalate'],
  closed: [],
  escalated: [],
  listed: ['unitA:reply'],
}

describe('a supervision notice’s can is what each step accepts', () => {
  it.each(NOTICE_STATES)('a notice %s, for every caller and action', async (state) => {
    const shared = await noticeIn(state)
    const allowed: string[] = []
    for (const who of Object.keys(nw.api) as NoticeWho[])
      for (const action of NOTICE_ACTIONS) {
        const what = `${action} on a notice ${state} by ${who}`
        const seen = await noticeCan(who, shared)
        if (seen.can?.[action]) {
          const fresh = await noticeIn(state)
          const again = await noticeCan(who, fresh)
          expect(again.can?.[action], what).toBe(true)
          const res = await attemptNotice(who, fresh, action, again.version)
          expect(res.statusCode < 300, `${what}: can is true, the step answers ${res.body}`).toBe(
            true,
          )
          allowed.push(`${who}:${action}`)
        } else {
          const before = await noticeCan('office', shared)
          const res = await attemptNotice(who, shared, action, before.version)
          expect(res.statusCode, `${what}: can is false, the step answers ${res.body}`).toBe(
            res.statusCode >= 400 && res.statusCode < 500 ? res.statusCode : 'a 4xx',
          )
          expect((await noticeCan('office', shared)).version, `${what} changed it`).toBe(
            before.version,
          )
        }
      }
    expect(allowed.sort()).toEqual(NOTICE_OWNERS[state])
  })
})
