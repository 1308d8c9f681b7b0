import { and, eq } from 'drizzle-orm'
import { DEFAULT_ACCEPTANCE_CRITERIA } from '@rectify/schemas'
import { acceptances, problems, publicities } from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import type { TestApp } from './build-app.js'
import { client, login, makeUser, makeWorld, type as } from './factories.js'
import { makeMeasure, makeProblem, makeRound } from './ledger-factories.js'

/**
 * Test data for the close-out stages: a small city where the ecology bureau leads problems in
 * county A, with one caller per relation to them, and steps that drive a problem through
 * acceptance, publicity and close-out over the API (only "the publicity period is over" is
 * made in SQL: a real period takes working days to pass).
 */

export const today = () => shanghaiDate()

/**
 * `office` the office in its own unit; `officeOwn` an office user sitting in the lead unit;
 * `lead` the lead unit; `countyLead` a lead-unit user of county A, the problems' region (the
 * county reviewer); `countyBLead` a lead unit of county B (cannot see them); the rest read.
 */
export const WHO = [
  'office',
  'officeOwn',
  'lead',
  'countyLead',
  'unit',
  'leader',
  'auditor',
  'admin',
] as const
export type Who = (typeof WHO)[number] | 'countyBLead'
export type Api = Awaited<ReturnType<typeof as>>

export async function closeoutWorld(t: TestApp) {
  const db = t.database.db
  const world = await makeWorld(db)
  const round = await makeRound(db)
  const users = {
    office: world.users.office,
    officeOwn: await makeUser(db, { unit: world.units.eeb, roles: ['office'] }),
    lead: world.users.lead,
    countyLead: await makeUser(db, { unit: world.units.countyA, roles: ['lead_unit'] }),
    countyBLead: await makeUser(db, { unit: world.units.countyB, roles: ['lead_unit'] }),
    unit: world.users.unitA,
    leader: world.users.leader,
    auditor: world.users.auditor,
    admin: world.users.admin,
  }
  const api = {} as Record<Who, Api>
  const tokens = {} as Record<Who, string>
  for (const [k, u] of Object.entries(users)) {
    tokens[k as Who] = (await login(t.app, u.username)).accessToken
    api[k as Who] = client(t.app, tokens[k as Who])
  }
  /** PUT and DELETE, which the shared client does not speak. */
  const send = (who: Who, method: 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[who]}` },
      ...(payload ? { payload } : {}),
    })
  return { world, round, users, api, tokens, send }
}
export type CloseoutWorld = Awaited<ReturnType<typeof closeoutWorld>>

/** A checklist ticking each default criterion. */
export function checklist(met = true) {
  return DEFAULT_ACCEPTANCE_CRITERIA.map((criterion) => ({ criterion, met, note: '现场核实' }))
}

export const reviewBody = (decision: 'pass' | 'return' = 'pass', o: object = {}) => ({
  checkDate: today(),
  decision,
  checklist: checklist(decision === 'pass'),
  opinion: decision === 'pass' ? '经现场核查，整改到位，同意通过。' : '整改不到位。',
  ...(decision === 'return' ? { reason: '现场仍有超标排放' } : {}),
  ...o,
})

export async function problemVersion(t: TestApp, id: string) {
  const [row] = await t.database.db.select().from(problems).where(eq(problems.id, id))
  return row!.version
}

export async function latestAcceptance(t: TestApp, problemId: string) {
  const rows = await t.database.db
    .select()
    .from(acceptances)
    .where(eq(acceptances.problemId, problemId))
  return rows.sort((a, b) => b.seq - a.seq)[0]
}

/** The states the close-out table covers, in the order a problem passes through them. */
export const STATES = [
  'draft',
  'draft_immediate',
  'plan_review',
  'in_progress_unready',
  'in_progress',
  'county_review',
  'city_review',
  'passed',
  'publicity_open',
  'publicity_over',
  'closed',
] as const
export type State = (typeof STATES)[number]
/** The states with an application on record (from the first review on). */
export const WITH_ACCEPTANCE: readonly State[] = STATES.slice(STATES.indexOf('county_review'))

const ifMatch = (v: number) => ({ 'if-match': `"${v}"` })

function ok(res: { statusCode: number; body: string }, code: number, what: string) {
  if (res.statusCode !== code) throw new Error(`${what}: ${res.statusCode} ${res.body}`)
}

/** One step forward over the API as the actor whose step it is. */
export async function step(t: TestApp, w: CloseoutWorld, id: string, to: State) {
  const v = await problemVersion(t, id)
  if (to === 'county_review')
    ok(
      await w.api.lead.post(
        `/api/v1/problems/${id}/acceptances`,
        { selfCheck: '已按方案完成全部整改措施，自验合格。' },
        ifMatch(v),
      ),
      201,
      'apply',
    )
  if (to === 'city_review' || to === 'passed') {
    const a = (await latestAcceptance(t, id))!
    const who = to === 'city_review' ? w.api.countyLead : w.api.office
    ok(
      await who.post(`/api/v1/acceptances/${a.id}/reviews`, reviewBody(), ifMatch(a.version)),
      201,
      `review for ${to}`,
    )
  }
  if (to === 'publicity_open')
    ok(
      await w.api.office.post(
        `/api/v1/problems/${id}/publicity`,
        { notice: '拟销号公示：该问题已整改到位。' },
        ifMatch(v),
      ),
      201,
      'publicity',
    )
  if (to === 'publicity_over') await endPeriod(t, id)
  if (to === 'closed')
    ok(
      await w.api.office.post(
        `/api/v1/problems/${id}/closeout`,
        { outcome: 'rectified' },
        ifMatch(v),
      ),
      201,
      'close',
    )
}

/** Moves the open publicity's period into the past (a real one takes working days to pass). */
export async function endPeriod(t: TestApp, problemId: string) {
  await t.database.db
    .update(publicities)
    .set({ startDate: addDays(today(), -10), endDate: addDays(today(), -1) })
    .where(and(eq(publicities.problemId, problemId), eq(publicities.status, 'open')))
}

/**
 * A problem of the ecology bureau in county A, driven over the API to `state`. From
 * `in_progress` on its work is reported done (100 %), as applying requires;
 * `in_progress_unready` is under way at 0 %.
 */
export async function problemIn(t: TestApp, w: CloseoutWorld, state: State) {
  const db = t.database.db
  const status =
    state === 'draft_immediate'
      ? 'draft'
      : state === 'in_progress_unready' || WITH_ACCEPTANCE.includes(state)
        ? 'in_progress'
        : state
  const p = await makeProblem(db, {
    round: w.round,
    leadUnit: w.world.units.eeb,
    region: w.world.units.countyA,
    status,
    mode: state === 'draft_immediate' ? 'immediate' : 'time_bound',
    reportedProgress: state === 'in_progress' || WITH_ACCEPTANCE.includes(state) ? 100 : 0,
  })
  await makeMeasure(db, { problem: p, unit: w.world.units.countyA })
  const path = WITH_ACCEPTANCE.slice(0, WITH_ACCEPTANCE.indexOf(state) + 1)
  for (const s of path) await step(t, w, p.id, s)
  return p
}
