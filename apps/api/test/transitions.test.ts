import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  PROBLEM_ACTIONS,
  PROBLEM_STATUSES,
  type ProblemAction,
  type ProblemStatus,
} from '@rectify/schemas'
import { auditLog, problems } from '../src/db/schema/index.js'
import { TRANSITIONS } from '../src/modules/problems/transitions.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, etagFor, makeUser, makeWorld } from './factories.js'
import { apiClient, makeMeasure, makeProblem, makeRound } from './ledger-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let round: { id: string }
type Api = Awaited<ReturnType<typeof as>>
const api: Record<string, Api> = {}

/**
 * Who acts, and how they relate to the problems of this file (lead unit: the city ecology bureau,
 * region: county A): `office` is the office in its own unit; `officeOwn` an office user who sits
 * in the lead unit; `lead` the lead unit; `leadOther` a lead unit that sees the problem (county A,
 * its region) but does not lead it; the rest are refused by the route.
 */
const ACTORS = [
  'office',
  'officeOwn',
  'lead',
  'leadOther',
  'unit',
  'leader',
  'auditor',
  'admin',
] as const
type Who = (typeof ACTORS)[number]
const ROUTE_ALLOWED: ReadonlySet<Who> = new Set(['office', 'officeOwn', 'lead', 'leadOther'])

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.db
  world = await makeWorld(db)
  round = await makeRound(db)
  const users = {
    office: world.users.office,
    officeOwn: await makeUser(db, { unit: world.units.eeb, roles: ['office'] }),
    lead: world.users.lead,
    leadOther: await makeUser(db, { unit: world.units.countyA, roles: ['lead_unit'] }),
    leadBlind: await makeUser(db, { unit: world.units.countyB, roles: ['lead_unit'] }),
    unit: world.users.unitA,
    leader: world.users.leader,
    auditor: world.users.auditor,
    admin: world.users.admin,
  }
  for (const [k, u] of Object.entries(users)) api[k] = await as(t.app, u)
})
afterAll(() => t.close())

async function problemIn(
  status: ProblemStatus,
  mode: 'time_bound' | 'immediate',
  withMeasure = true,
) {
  const p = await makeProblem(t.database.db, {
    round,
    leadUnit: world.units.eeb,
    region: world.units.countyA,
    status,
    mode,
  })
  if (withMeasure) await makeMeasure(t.database.db, { problem: p, unit: world.units.countyA })
  return p
}

const take = (who: string, id: string, body: object, version = 1) =>
  api[who]!.post(`/api/v1/problems/${id}/transitions`, body, { 'if-match': `"${version}"` })

/** What the table says `who` may do: the status code, and on success the next status. */
function expected(
  status: ProblemStatus,
  mode: string,
  action: ProblemAction,
  who: Who,
): { code: number; to?: ProblemStatus } {
  if (!ROUTE_ALLOWED.has(who)) return { code: 403 }
  const step = TRANSITIONS.find(
    (s) =>
      s.from === status &&
      s.action === action &&
      (!s.modes || s.modes.includes(mode as 'immediate')),
  )
  if (!step) return { code: 409 }
  const mine = step.by === 'office' ? who === 'office' : who === 'lead'
  return mine ? { code: 200, to: step.to } : { code: 403 }
}

/** The actions the table allows `who` on a problem in `status`/`mode` (what a 409 lists). */
function allowedFor(status: ProblemStatus, mode: string, who: Who): string[] {
  return [
    ...new Set(
      TRANSITIONS.filter(
        (s) => s.from === status && (!s.modes || s.modes.includes(mode as 'immediate')),
      )
        // Reviewers are decided per level by modules/acceptance: the table never names them.
        .filter((s) =>
          s.by === 'office' ? who === 'office' : s.by === 'lead_unit' ? who === 'lead' : false,
        )
        .map((s) => s.action),
    ),
  ]
}

describe('the transition table', () => {
  it('is the workflow of DOMAIN.md', () => {
    expect(
      TRANSITIONS.map(
        (s) =>
          `${s.from} -${s.action}-> ${s.to} by ${s.by}${s.modes ? ` (${s.modes.join()})` : ''}`,
      ),
    ).toEqual([
      'draft -submit-> plan_review by lead_unit',
      'plan_review -approve-> in_progress by office',
      'plan_review -return-> draft by office',
      'in_progress -apply-> acceptance by lead_unit',
      'draft -apply-> acceptance by lead_unit (immediate)',
      'acceptance -review_pass-> acceptance by reviewer',
      'acceptance -review_return-> in_progress by reviewer',
      'acceptance -open_publicity-> publicity by office',
      'publicity -uphold_objection-> in_progress by office',
      'publicity -close-> closed by office',
      'closed -fail_rebound-> in_progress by office',
    ])
  })

  const cases = [
    ...PROBLEM_STATUSES.map((s) => [s, 'time_bound'] as const),
    ['draft', 'immediate'] as const,
  ].flatMap(([status, mode]) =>
    PROBLEM_ACTIONS.flatMap((action) =>
      ACTORS.map((who) => ({ status, mode, action, who, ...expected(status, mode, action, who) })),
    ),
  )

  // A refused step changes nothing, so refused cases share one problem per status and mode
  // (which also checks that none of them changed it); each allowed step gets a fresh one.
  const shared = new Map<string, Promise<Awaited<ReturnType<typeof problemIn>>>>()
  const subject = (status: ProblemStatus, mode: 'time_bound' | 'immediate', fresh: boolean) => {
    if (fresh) return problemIn(status, mode)
    const key = `${status}/${mode}`
    if (!shared.has(key)) shared.set(key, problemIn(status, mode))
    return shared.get(key)!
  }

  it.each(cases)(
    '$action on a $mode problem in $status by $who → $code',
    async ({ status, mode, action, who, code, to }) => {
      const p = await subject(status, mode, code === 200)
      const res = await take(who, p.id, { action, reason: '按表测试' })
      expect(res.statusCode, res.body).toBe(code)
      const [row] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
      if (code === 200) {
        expect(res.json()).toMatchObject({ status: to, version: 2 })
        expect(res.headers.etag).toMatch(etagFor(2))
        expect(row!.status).toBe(to)
        const entries = await t.database.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, `problem.${action}`)))
        expect(entries).toHaveLength(1)
        expect(entries[0]!.after).toEqual({ status: to, reason: '按表测试' })
      } else {
        expect(row!.status).toBe(status)
        expect(row!.version).toBe(1)
      }
      if (code === 409)
        expect(res.json().allowed.sort()).toEqual(allowedFor(status, mode, who as Who).sort())
    },
  )
})

describe('refused transitions, spelled out', () => {
  it.each([
    ['a lead unit approving its own plan', 'plan_review', 'approve', 'lead', 403],
    ['the office approving a plan of its own unit', 'plan_review', 'approve', 'officeOwn', 403],
    ['the office submitting for the lead unit', 'draft', 'submit', 'office', 403],
    ['another lead unit submitting', 'draft', 'submit', 'leadOther', 403],
    ['a county unit approving', 'plan_review', 'approve', 'unit', 403],
    ['a leader approving', 'plan_review', 'approve', 'leader', 403],
    ['a lead unit that cannot see the problem', 'draft', 'submit', 'leadBlind', 404],
    ['approving a draft', 'draft', 'approve', 'office', 409],
    ['submitting twice', 'plan_review', 'submit', 'lead', 409],
    ['anything on a closed problem', 'closed', 'submit', 'lead', 409],
  ] as const)('refuses %s', async (_name, status, action, who, code) => {
    const p = await problemIn(status, 'time_bound')
    expect((await take(who, p.id, { action, reason: '理由' })).statusCode).toBe(code)
  })

  it('applies for acceptance through its own route: never a time-bound draft', async () => {
    const p = await problemIn('draft', 'time_bound')
    const res = await api.lead!.post(
      `/api/v1/problems/${p.id}/acceptances`,
      { selfCheck: '自验合格' },
      { 'if-match': '"1"' },
    )
    expect(res.statusCode).toBe(409)
    const immediate = await problemIn('draft', 'immediate')
    const ok = await api.lead!.post(
      `/api/v1/problems/${immediate.id}/acceptances`,
      { selfCheck: '立行立改，已整改到位' },
      { 'if-match': '"1"' },
    )
    expect(ok.statusCode, ok.body).toBe(201)
    const [row] = await t.database.db.select().from(problems).where(eq(problems.id, immediate.id))
    expect(row).toMatchObject({ status: 'acceptance', version: 2 })
  })

  it('names the actions allowed now in a 409', async () => {
    const p = await problemIn('plan_review', 'time_bound')
    const res = await take('office', p.id, { action: 'submit' })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ code: 'conflict', allowed: ['approve', 'return'] })
    const immediate = await problemIn('draft', 'immediate')
    expect((await take('lead', immediate.id, { action: 'approve' })).json().allowed).toEqual([
      'submit',
      'apply',
    ])
  })

  it('requires a reason to return a plan', async () => {
    const p = await problemIn('plan_review', 'time_bound')
    for (const body of [{ action: 'return' }, { action: 'return', reason: '   ' }]) {
      const res = await take('office', p.id, body)
      expect(res.statusCode).toBe(422)
      expect(res.json().errors[0].path).toBe('/reason')
    }
    const [row] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
    expect(row).toMatchObject({ status: 'plan_review', version: 1 })
  })

  it('approves only a plan with at least one measure', async () => {
    const p = await problemIn('plan_review', 'time_bound', false)
    const res = await take('office', p.id, { action: 'approve' })
    expect(res.statusCode).toBe(422)
    await makeMeasure(t.database.db, { problem: p, unit: world.units.countyA })
    expect((await take('office', p.id, { action: 'approve' })).statusCode).toBe(200)
  })

  it('needs If-Match, and a stale version changes nothing', async () => {
    const p = await problemIn('draft', 'time_bound')
    const missing = await api.lead!.post(`/api/v1/problems/${p.id}/transitions`, {
      action: 'submit',
    })
    expect(missing.statusCode).toBe(428)
    const stale = await take('lead', p.id, { action: 'submit' }, 7)
    expect(stale.statusCode).toBe(412)
    const [row] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
    expect(row).toMatchObject({ status: 'draft', version: 1 })
    expect(
      await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'problem.submit'))),
    ).toHaveLength(0)
  })

  it('refuses unknown actions and fields with 422', async () => {
    const p = await problemIn('draft', 'time_bound')
    expect((await take('lead', p.id, { action: 'close' })).statusCode).toBe(422)
    // Applying carries an application: it has its own route (modules/acceptance).
    expect((await take('lead', p.id, { action: 'apply' })).statusCode).toBe(422)
    expect((await take('lead', p.id, { action: 'submit', status: 'closed' })).statusCode).toBe(422)
    const [row] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
    expect(row).toMatchObject({ status: 'draft', version: 1 })
  })
})

describe('API clients', () => {
  it('act as the office when city-wide with problems:write, as a lead unit when scoped to it', async () => {
    const cityWide = await apiClient(t.app, world.users.admin, ['problems:write'])
    const eebClient = await apiClient(
      t.app,
      world.users.admin,
      ['problems:write'],
      world.units.eeb.id,
    )
    const p = await problemIn('draft', 'time_bound')
    expect(
      (
        await cityWide.post(
          `/api/v1/problems/${p.id}/transitions`,
          { action: 'submit' },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(403)
    expect(
      (
        await eebClient.post(
          `/api/v1/problems/${p.id}/transitions`,
          { action: 'submit' },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(200)
    expect(
      (
        await eebClient.post(
          `/api/v1/problems/${p.id}/transitions`,
          { action: 'approve' },
          { 'if-match': '"2"' },
        )
      ).statusCode,
    ).toBe(403)
    expect(
      (
        await cityWide.post(
          `/api/v1/problems/${p.id}/transitions`,
          { action: 'approve' },
          { 'if-match': '"2"' },
        )
      ).statusCode,
    ).toBe(200)
  })
})
