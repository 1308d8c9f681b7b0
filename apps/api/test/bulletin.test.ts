import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Bulletin, DispatchPeriod, ProblemSummary } from '@rectify/schemas'
import { auditLog, cards, notices, problems } from '../src/db/schema/index.js'
import { periodOf, shanghaiDate } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { periodRange } from '../src/modules/bulletin/bulletin.service.js'
import { createTestApp, type TestApp } from './build-app.js'
import { setLight } from './dispatch-factories.js'
import { unzip } from './dossier-factories.js'
import { makePetitions } from './export-factories.js'
import { as, etagFor, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'

let t: TestApp
let w: Awaited<ReturnType<typeof makeWorld>>
let round: Awaited<ReturnType<typeof makeRound>>
type Api = Awaited<ReturnType<typeof as>>
let office: Api, leader: Api, unitA: Api
const today = shanghaiDate()
const PERIOD = periodOf(today)

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.db
  w = await makeWorld(db)
  round = await makeRound(db)
  office = await as(t.app, w.users.office)
  leader = await as(t.app, w.users.leader)
  unitA = await as(t.app, w.users.unitA)
  const p = (code: string, o: Partial<Parameters<typeof makeProblem>[1]> = {}) =>
    makeProblem(db, { round, leadUnit: w.units.eeb, status: 'in_progress', code, ...o })
  await p('B-01', { status: 'closed' })
  await p('B-02', { status: 'acceptance' })
  await p('B-03')
  const behind = await p('B-04', { title: '某河段黑臭水体整治滞后', leadUnit: w.units.countyA })
  await setLight(db, behind.id, 'yellow')
  await p('B-05', { title: '某矿山生态修复逾期', deadline: -3, leadUnit: w.units.countyB })
  // Closed as not rectified: a part of its own, never completed (the 46 = 7 + 27 + 11 report).
  const gone = await p('B-06', { status: 'closed' })
  await db.update(problems).set({ outcome: 'not_rectified' }).where(eq(problems.id, gone.id))
  await db.insert(notices).values({
    id: uuidv7(),
    year: Number(today.slice(0, 4)),
    seq: 7,
    level: 'supervision',
    unitId: w.units.countyA.id,
    title: '关于黑臭水体整治滞后的督办函',
    body: '请加快整改。',
    replyDue: today,
    issuedOn: today,
    issuedByName: '整改办',
  })
  await db.insert(cards).values({
    id: uuidv7(),
    unitId: w.units.countyB.id,
    color: 'red',
    reason: '问题逾期未完成整改',
    issuedOn: today,
    issuedByName: '整改办',
  })
  await makePetitions(db, round, [
    { unit: w.units.countyA, receiptNo: 'B2026-01', status: 'closed' },
    { unit: w.units.countyA, receiptNo: 'B2026-02', status: 'partly_closed' },
    { unit: w.units.countyB, receiptNo: 'B2026-03' },
    { unit: null, receiptNo: 'B2026-04' },
  ])
})
afterAll(() => t.close())

async function openPeriod(period = PERIOD): Promise<DispatchPeriod> {
  const res = await office.post('/api/v1/dispatch-periods', {
    roundId: round.id,
    period,
    title: `${period} 调度`,
    dueDate: today,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<DispatchPeriod>()
}

/** The text of the .docx body, runs joined (tags stripped). */
async function documentText(api: Api, id: string) {
  const res = await api.get(`/api/v1/dispatch-periods/${id}/bulletin/document`)
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
  expect(res.headers['content-type']).toContain('wordprocessingml.document')
  const xml = (await unzip(res.rawPayload))
    .find((e) => e.name === 'word/document.xml')!
    .data.toString('utf8')
  return { res, xml, text: xml.replace(/<[^>]+>/g, '') }
}

/** total, completed, closed not rectified, on schedule, behind, open, overdue. */
const sentenceOf = (text: string) =>
  /截至\d+月\d+日，纳入调度的(\d+)个问题中，(\d+)个已完成整改，(?:(\d+)个未整改到位销号，)?(\d+)个按序时进度推进，(\d+)个滞后；在推进的(\d+)个问题中，(\d+)个已逾期。/.exec(
    text,
  )
const partsOf = (s: {
  total: number
  completed: number
  closedNotRectified: number
  onSchedule: number
  behind: number
  overdue: number
}) => [
  s.total,
  s.completed,
  s.closedNotRectified,
  s.onSchedule,
  s.behind,
  s.onSchedule + s.behind,
  s.overdue,
]

describe('the period range of a bulletin', () => {
  it('is the calendar month or the ISO week, Monday to Sunday', () => {
    expect(periodRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(periodRange('2026-W01')).toEqual({ from: '2025-12-29', to: '2026-01-04' })
    expect(periodRange('2026-W42')).toEqual({ from: '2026-10-12', to: '2026-10-18' })
  })
})

describe('the bulletin of an open period', () => {
  let period: DispatchPeriod
  beforeAll(async () => {
    period = await openPeriod()
  })

  it("states the summary endpoint's numbers, in the API and in the .docx", async () => {
    const summary = (
      await office.get(`/api/v1/problems/summary?round=${round.id}`)
    ).json<ProblemSummary>()
    expect(summary).toMatchObject({ completed: 2, overdue: 1 })
    const b = await office.get(`/api/v1/dispatch-periods/${period.id}/bulletin`)
    expect(b.statusCode).toBe(200)
    expect(b.headers.etag).toMatch(etagFor(period.version))
    const figures = (s: string) =>
      sentenceOf(s)!
        .slice(1)
        .map((x) => Number(x ?? 0))
    const expected = partsOf(summary)
    // The parts add up to the whole; overdue is a share of the open ones.
    expect(summary).toMatchObject({ total: 6, completed: 2, closedNotRectified: 1 })
    expect(expected[1]! + expected[2]! + expected[3]! + expected[4]!).toBe(summary.total)
    expect(summary.overdue).toBeLessThanOrEqual(expected[5]!)
    expect(figures(b.json<Bulletin>().summarySentence)).toEqual(expected)
    const { text, xml, res } = await documentText(leader, period.id)
    expect(figures(text)).toEqual(expected)
    expect(text).toContain(b.json<Bulletin>().summarySentence)
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('调度情况的通报.docx'))
    for (const s of ['方正小标宋简体', '仿宋_GB2312', '黑体']) expect(xml).toContain(s)
  })

  it('lists the behind and overdue problems with their lead units, notices, cards, petitions and ranking', async () => {
    const { text } = await documentText(office, period.id)
    const [y, m] = PERIOD.split('-').map(Number)
    for (const s of [
      `关于${y}年${m}月中央生态环境保护督察反馈问题整改工作调度情况的通报`,
      '一、总体进展',
      '二、滞后和逾期问题',
      'B-04\u3000某河段黑臭水体整治滞后（牵头单位：甲县）',
      'B-05\u3000某矿山生态修复逾期（牵头单位：乙县）',
      '三、督办和红黄牌',
      '共下发督办单1件，亮黄牌0张、红牌1张',
      `督办〔${y}〕7号\u3000关于黑臭水体整治滞后的督办函（甲县）`,
      '乙县\u3000红牌\u3000问题逾期未完成整改',
      '四、信访件办理',
      '交办信访件共4件，已交办3件，其中已办结1件、阶段办结1件，超期未办结1件',
      '五、排名',
      '完成率 = 已完成问题数 ÷ 牵头问题数',
      '六、下一步工作要求',
    ])
      expect(text, s).toContain(s)
  })

  it('saves the requirements with If-Match, bumps the version, and prints them as paragraphs', async () => {
    const requirements = '一是加快推进滞后问题整改。\n\n二是严格落实\n序时进度。'
    const stale = await office.patch(
      `/api/v1/dispatch-periods/${period.id}/bulletin`,
      { requirements },
      { 'if-match': `"${period.version + 5}"` },
    )
    expect(stale.statusCode).toBe(412)
    const ok = await office.patch(
      `/api/v1/dispatch-periods/${period.id}/bulletin`,
      { requirements },
      { 'if-match': `"${period.version}"` },
    )
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json<Bulletin>()).toMatchObject({ requirements, version: period.version + 1 })
    expect(ok.headers.etag).toMatch(etagFor(period.version + 1))
    const again = await office.patch(
      `/api/v1/dispatch-periods/${period.id}/bulletin`,
      { requirements: '旧版本' },
      { 'if-match': `"${period.version}"` },
    )
    expect(again.statusCode).toBe(412)
    const { xml } = await documentText(office, period.id)
    expect(xml).toMatch(/<w:t[^>]*>一是加快推进滞后问题整改。<\/w:t>/)
    expect(xml).toMatch(/<w:t[^>]*>二是严格落实序时进度。<\/w:t>/)
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'dispatch.bulletin_updated'))
    expect(audit).toHaveLength(1)
  })

  it('lets only the office edit (403), answers 428 without If-Match, and 404 for no period', async () => {
    const url = `/api/v1/dispatch-periods/${period.id}/bulletin`
    expect((await leader.patch(url, { requirements: 'x' }, { 'if-match': '"2"' })).statusCode).toBe(
      403,
    )
    expect((await office.patch(url, { requirements: 'x' })).statusCode).toBe(428)
    expect((await office.get(`/api/v1/dispatch-periods/${uuidv7()}/bulletin`)).statusCode).toBe(404)
    expect((await unitA.get(url)).statusCode).toBe(403)
  })
})

describe('the bulletin of a closed period', () => {
  it('states the frozen summary, not the live figures', async () => {
    const period = await openPeriod('2026-W01')
    const closed = await office.post(
      `/api/v1/dispatch-periods/${period.id}/close`,
      {},
      {
        'if-match': `"${period.version}"`,
      },
    )
    expect(closed.statusCode, closed.body).toBe(200)
    const frozen = closed.json<DispatchPeriod>().summary!
    // The ledger moves on after the close: one more problem completed.
    await t.database.db
      .update(problems)
      .set({ status: 'acceptance' })
      .where(eq(problems.code, 'B-03'))
    const live = (
      await office.get(`/api/v1/problems/summary?round=${round.id}`)
    ).json<ProblemSummary>()
    expect(live.completed).toBe(frozen.completed + 1)
    const b = (await office.get(`/api/v1/dispatch-periods/${period.id}/bulletin`)).json<Bulletin>()
    const expected = partsOf(frozen)
    expect(
      sentenceOf(b.summarySentence)!
        .slice(1)
        .map((x) => Number(x ?? 0)),
    ).toEqual(expected)
    const { text } = await documentText(office, period.id)
    expect(
      sentenceOf(text)!
        .slice(1)
        .map((x) => Number(x ?? 0)),
    ).toEqual(expected)
    expect(text).toContain('关于2026年第1周中央生态环境保护督察反馈问题整改工作调度情况的通报')
    expect(text).toContain('2025年12月29日至2026年1月4日')
  })
})
