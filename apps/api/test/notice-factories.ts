import { addDays, shanghaiDate } from '../src/lib/dates.js'
import type { TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'

/**
 * Test data for supervision notices: the small city of factories.ts with problems led by the
 * ecology bureau in county A (`pA`, `pA2`), in A's township (`pTown`) and in county B (`pB`),
 * and one API caller per user.
 */
export async function noticeWorld(t: TestApp) {
  const db = t.database.db
  const world = await makeWorld(db)
  const { units: u, users } = world
  const round = await makeRound(db)
  const problem = (region: typeof u.countyA, title: string) =>
    makeProblem(db, { round, leadUnit: u.eeb, region, title, status: 'in_progress' })
  const problems = {
    pA: await problem(u.countyA, '甲县城区黑臭水体整治滞后'),
    pA2: await problem(u.countyA, '甲县工业园区污水直排'),
    pTown: await problem(u.townA, '城关镇垃圾填埋场渗滤液外溢'),
    pB: await problem(u.countyB, '乙县矿山生态修复不到位'),
  }
  const api = {
    office: await as(t.app, users.office),
    lead: await as(t.app, users.lead),
    unitA: await as(t.app, users.unitA),
    townA: await as(t.app, users.townA),
    unitB: await as(t.app, users.unitB),
    leader: await as(t.app, users.leader),
    auditor: await as(t.app, users.auditor),
  }
  return { world, round, problems, api }
}
export type NoticeWorld = Awaited<ReturnType<typeof noticeWorld>>

export const today = () => shanghaiDate()
export const ifMatch = (v: number) => ({ 'if-match': `"${v}"` })

/** A valid issue body to county A about `pA`, with overrides. */
export function issueBody(w: NoticeWorld, o: Record<string, unknown> = {}) {
  return {
    level: 'reminder',
    unitId: w.world.units.countyA.id,
    problemIds: [w.problems.pA.id],
    title: '关于加快推进城区黑臭水体整治的提醒函',
    body: '你县城区黑臭水体整治进度滞后于序时进度。\n请切实压实责任，加快推进整改。',
    replyDue: addDays(today(), 7),
    ...o,
  }
}

/** Issues a notice as the office; fails the test unless it is created. */
export async function issue(w: NoticeWorld, o: Record<string, unknown> = {}) {
  const res = await w.api.office.post('/api/v1/notices', issueBody(w, o))
  if (res.statusCode !== 201) throw new Error(`issue: ${res.statusCode} ${res.body}`)
  return res.json<{ id: string; number: string; version: number; seq: number; year: number }>()
}
