import { and, count, eq, sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  DispatchPeriod,
  ProgressImportReport,
  ProgressImportRow,
  ProgressReport,
} from '@rectify/schemas'
import { auditLog, inboxMessages, problems, progressReports } from '../src/db/schema/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, login, makeUser, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'
import { progressSheet, type ProgressSheetSpec } from './progress-import-factories.js'
import { xls } from './fixtures/workbooks.js'
import { uploadXlsx } from './problem-import-factories.js'

let t: TestApp
let w: Awaited<ReturnType<typeof makeWorld>>
let office: Awaited<ReturnType<typeof as>>
let officeToken: string
let period: DispatchPeriod
const p: Record<string, Awaited<ReturnType<typeof makeProblem>>> = {}

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.db
  w = await makeWorld(db)
  officeToken = (await login(t.app, w.users.office.username)).accessToken
  office = await as(t.app, w.users.office)
  const round = await makeRound(db)
  const problem = (code: string, title: string, o: Record<string, unknown> = {}) =>
    makeProblem(db, { round, code, title, leadUnit: w.units.eeb, status: 'in_progress', ...o })
  p.p12 = await problem('反馈问题第12项', '临湖县污水处理厂超标排放', { region: w.units.countyA })
  p.p3 = await problem('反馈问题第3项', '城区黑臭水体治理不到位', {
    leadUnit: w.units.countyA,
    reportedProgress: 40,
  })
  p.p7 = await problem('反馈问题第7项', '乙县废弃矿山生态修复滞后', { region: w.units.countyB })
  p.p9 = await problem('反馈问题第9项', '工业园区挥发性有机物治理不力', {
    region: w.units.countyA,
    status: 'acceptance',
  })
  p.p20 = await problem('反馈问题第20项', '甲县饮用水水源保护区违规建筑', {
    region: w.units.countyA,
  })
  // A second user of the lead unit: both get the acceptance proposal.
  await makeUser(db, { unit: w.units.eeb, roles: ['lead_unit'] })
  const res = await office.post('/api/v1/dispatch-periods', {
    roundId: round.id,
    period: '2026-11',
    title: '2026年11月调度',
    dueDate: '2026-11-30',
  })
  expect(res.statusCode, res.body).toBe(201)
  period = res.json<DispatchPeriod>()
})
afterAll(() => t.close())

const url = () => `/api/v1/dispatch-periods/${period.id}/progress-import`
const upload = async (spec: ProgressSheetSpec) =>
  uploadXlsx(t.app, officeToken, await progressSheet(spec), '进展情况表.xlsx')
const run = async (body: Record<string, unknown>, status = 200) => {
  const res = await office.post(url(), body)
  expect(res.statusCode, res.body).toBe(status)
  return (status === 200 ? res.json() : res.json().report) as ProgressImportReport
}
const row = (r: ProgressImportReport, n: number) => r.rows.find((x) => x.row === n)!

/** Everything an import may write, counted. */
async function written() {
  const db = t.database.db
  const [reports] = await db.select({ n: count() }).from(progressReports)
  const [audit] = await db.select({ n: count() }).from(auditLog)
  const [inbox] = await db.select({ n: count() }).from(inboxMessages)
  return { reports: reports!.n, audit: audit!.n, inbox: inbox!.n }
}

/** The county's November table: a title row, a two-row header with 整改情况 merged over three. */
const november: ProgressSheetSpec = {
  title: '甲县2026年11月中央环保督察反馈问题整改进展情况表',
  rows: [
    {
      code: '反馈问题第12项',
      title: '污水处理厂超标排放问题',
      unit: '甲县人民政府',
      progress: '完成提标改造主体工程，出水水质在线监测达标。',
      completion: '未完成',
      percent: '80%',
      deadline: '2026年12月底前',
    },
    {
      code: '3',
      title: '城区黑臭水体',
      unit: '甲县',
      progress: '完成3条黑臭水体清淤，截污管网铺设2.1公里。',
      completion: '持续推进',
    },
    {
      title: '乙县废弃矿山生态修复工作滞后',
      unit: '乙县人民政府',
      progress: '完成复绿面积120亩。',
      completion: '基本完成',
      percent: '90',
    },
  ],
}

describe('the dry run of a monthly progress table', () => {
  it('reads a title row, a two-row header and notes rows, matches by code and by title, and writes nothing', async () => {
    const fileId = await upload(november)
    const before = await written()
    const r = await run({ fileId })
    expect(await written()).toEqual(before)
    expect(r.dryRun).toBe(true)
    expect(r.missingFields).toEqual([])
    // Rows 5–7 are the data; the header rows (3, 4) and the 填表人 line are no rows.
    expect(r.rows.map((x) => x.row)).toEqual([5, 6, 7])
    const a = row(r, 5)
    expect(a.match).toMatchObject({ by: 'code', confirmed: true, score: 1 })
    expect(a.match.problem?.id).toBe(p.p12!.id)
    expect(a.unit?.id).toBe(w.units.countyA.id)
    expect(a).toMatchObject({ percent: 80, percentInferred: false, completion: 'not_done' })
    expect(a.action).toBe('report')
    const b = row(r, 6)
    expect(b.match.problem?.id).toBe(p.p3!.id)
    expect(b.match.by).toBe('code')
    // No percent column value: the problem's current progress, marked inferred.
    expect(b).toMatchObject({ percent: 40, percentInferred: true, completion: 'ongoing' })
    const c = row(r, 7)
    expect(c.match).toMatchObject({ by: 'title', confirmed: false })
    expect(c.match.problem?.id).toBe(p.p7!.id)
    expect(c.match.score).toBeGreaterThan(0.3)
    expect(c.candidates[0]?.id).toBe(p.p7!.id)
    expect(c.action).toBe('error')
    expect(r.errors.map((e) => e.row)).toEqual([7])
    expect(r.errors[0]!.message).toMatch(/按名称相似匹配到“反馈问题第7项/)
    expect(r.counts).toMatchObject({ rows: 3, reports: 2, unconfirmed: 1, errors: 1 })
  })

  it('understands a table in traditional characters and full-width forms', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('進展')
    ws.addRow(['甲縣2026年11月整改進展情況表'])
    ws.addRow(['序號', '問題編號', '反饋問題', '責任單位', '整改進展', '是否完成', '完成進度'])
    ws.addRow([
      '１',
      '第１２項',
      '污水處理廠超標排放',
      '甲縣人民政府',
      '完成提標改造。',
      '未完成',
      '８０％',
    ])
    const fileId = await uploadXlsx(
      t.app,
      officeToken,
      Buffer.from(await wb.xlsx.writeBuffer()),
      '進展.xlsx',
    )
    const r = await run({ fileId })
    expect(r.missingFields).toEqual([])
    expect(row(r, 3)).toMatchObject({ completion: 'not_done', percent: 80, action: 'report' })
    expect(row(r, 3).match.problem?.id).toBe(p.p12!.id)
    expect(row(r, 3).unit?.id).toBe(w.units.countyA.id)
  })

  it('reads an .xls (Excel 97–2003) progress table with a title row and a merged two-row header', async () => {
    const rows = [
      ['甲县2026年11月整改进展情况表', null, null, null, null, null, null],
      ['序号', '问题编号', '反馈问题', '责任单位', '整改情况', null, null],
      [null, null, null, null, '整改进展', '是否完成', '完成进度'],
      [
        1,
        '反馈问题第12项',
        '污水处理厂超标排放',
        '甲县人民政府',
        '完成提标改造。',
        '未完成',
        '80%',
      ],
      [2, '反馈问题第3项', '城区黑臭水体', '甲县', '完成清淤。', '持续推进', null],
      ['填表人：张伟', null, '审核人：李娜', null, '联系电话：0791-86123456', null, null],
    ]
    const merges: [number, number, number, number][] = [
      [1, 1, 1, 7],
      [2, 5, 2, 7],
      ...[1, 2, 3, 4].map((c): [number, number, number, number] => [2, c, 3, c]),
    ]
    const fileId = await uploadXlsx(t.app, officeToken, xls(rows, merges, '进展'), '进展情况表.xls')
    const r = await run({ fileId })
    expect(r.missingFields).toEqual([])
    // The header rows (2, 3) and the 填表人 line are no rows; rows 4 and 5 are the data.
    expect(r.rows.map((x) => x.row)).toEqual([4, 5])
    expect(row(r, 4)).toMatchObject({ completion: 'not_done', percent: 80, action: 'report' })
    expect(row(r, 4).match.problem?.id).toBe(p.p12!.id)
    expect(row(r, 4).unit?.id).toBe(w.units.countyA.id)
    expect(row(r, 5).match.problem?.id).toBe(p.p3!.id)
    expect(row(r, 5)).toMatchObject({ progress: '完成清淤。', completionText: '持续推进' })
  })

  it('says per row and column what is wrong, in Chinese and English', async () => {
    const fileId = await upload({
      layout: 'one-row',
      rows: [
        { code: '第12项', unit: '甲县', progress: '推进中', completion: '差不多' },
        { code: '第12项', unit: '丙县', progress: '推进中', completion: '已完成', percent: '60%' },
        { code: '第9项', unit: '甲县', progress: '已完成整改', completion: '已完成' },
        { code: '第20项', unit: '乙县', progress: '' },
        { code: '第77项', title: '查无此题', unit: '甲县', progress: '某项工作' },
      ],
    })
    const r = await run({ fileId })
    const errs = (n: number) => r.errors.filter((e) => e.row === n)
    expect(errs(4).map((e) => e.column)).toContain('是否完成')
    expect(errs(4)[0]!.messageEn).toMatch(/not understood/)
    expect(
      errs(5)
        .map((e) => e.message)
        .join(),
    ).toMatch(/完成进度却为60%/)
    expect(
      errs(5)
        .map((e) => e.message)
        .join(),
    ).toMatch(/找不到单位“丙县”/)
    expect(errs(6)[0]!.message).toMatch(/当前为验收中/)
    expect(
      errs(7)
        .map((e) => e.message)
        .join(),
    ).toMatch(/整改进展为空/)
    expect(
      errs(7)
        .map((e) => e.message)
        .join(),
    ).toMatch(/乙县不是问题“反馈问题第20项”/)
    expect(errs(8)[0]!.message).toMatch(/找不到对应的问题/)
    // A skipped row carries no errors.
    const skipped = await run({ fileId, rows: { '6': { skip: true } } })
    expect(skipped.errors.filter((e) => e.row === 6)).toEqual([])
    expect(row(skipped, 6).action).toBe('skip')
  })

  it('refuses a unit user with 403 and a closed or unknown period with 409/404', async () => {
    const fileId = await upload(november)
    const county = await as(t.app, w.users.unitA)
    expect((await county.post(url(), { fileId })).statusCode).toBe(403)
    const none = await office.post(
      '/api/v1/dispatch-periods/0190a000-0000-7000-8000-000000000000/progress-import',
      { fileId },
    )
    expect(none.statusCode).toBe(404)
    const other = await office.post('/api/v1/dispatch-periods', {
      roundId: p.p12!.roundId,
      period: '2026-10',
      title: '2026年10月调度',
      dueDate: '2026-10-31',
    })
    const closed = other.json<DispatchPeriod>()
    const res = await office.post(
      `/api/v1/dispatch-periods/${closed.id}/close`,
      {},
      { 'if-match': `"${closed.version}"` },
    )
    expect(res.statusCode, res.body).toBe(200)
    const late = await office.post(`/api/v1/dispatch-periods/${closed.id}/progress-import`, {
      fileId,
    })
    expect(late.statusCode).toBe(409)
  })
})

describe('the template', () => {
  it('reads back: its two example rows, never its title, header or 填表人 lines', async () => {
    const res = await office.get('/api/v1/reports/import-template')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/spreadsheetml/)
    const fileId = await uploadXlsx(t.app, officeToken, res.rawPayload, '模板.xlsx')
    const r = await run({ fileId })
    expect(r.missingFields).toEqual([])
    expect(r.rows.map((x) => [x.row, x.code, x.completion])).toEqual([
      [4, '反馈问题第1项', 'not_done'],
      [5, '反馈问题第2项', 'ongoing'],
    ])
    expect(r.columns.filter((c) => c.field === null)).toEqual([])
    const county = await as(t.app, w.users.unitA)
    expect((await county.get('/api/v1/reports/import-template')).statusCode).toBe(403)
  })
})

describe('the commit', () => {
  it('writes nothing when a row has an error (422 with the report)', async () => {
    const fileId = await upload(november)
    const before = await written()
    const r = await run({ fileId, dryRun: false }, 422)
    expect(r.imported).toBe(false)
    expect(r.errors.length).toBe(1)
    expect(await written()).toEqual(before)
  })

  it('submits each row as the unit’s report on its behalf, with the confirmed matches, and audits it', async () => {
    const fileId = await upload(november)
    const r = await run({
      fileId,
      dryRun: false,
      rows: { '7': { problemId: p.p7!.id } },
    })
    expect(r.imported).toBe(true)
    expect(r.reportIds).toHaveLength(3)
    expect(row(r, 7).match).toMatchObject({ by: 'user', confirmed: true })
    const reports = await Promise.all(
      r.reportIds.map(async (id) =>
        (await office.get(`/api/v1/reports/${id}`)).json<ProgressReport>(),
      ),
    )
    expect(reports.map((x) => [x.problemId, x.unit.id, x.period, x.percent])).toEqual([
      [p.p12!.id, w.units.countyA.id, '2026-11', 80],
      [p.p3!.id, w.units.countyA.id, '2026-11', 40],
      [p.p7!.id, w.units.countyB.id, '2026-11', 90],
    ])
    for (const x of reports) {
      expect(x.status).toBe('submitted')
      expect(x.submittedOnBehalf).toBe(true)
      expect(x.submittedBy).toBeTruthy()
    }
    // In the review queue like any other report.
    const queue = await office.get('/api/v1/reports?status=submitted&period=2026-11')
    expect(queue.json().items.map((x: ProgressReport) => x.id)).toEqual(
      expect.arrayContaining(r.reportIds),
    )
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.submitted'), eq(auditLog.entityId, r.reportIds[0]!)))
    expect(audit[0]!.after).toMatchObject({ submittedOnBehalf: true, problemId: p.p12!.id })
    const [summary] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'progress_import.committed'))
    expect(summary!.entityId).toBe(period.id)
    expect(summary!.after).toMatchObject({ fileId, submittedOnBehalf: true, period: '2026-11' })
    // The same table again: every row already reported, nothing new.
    const again = await run({
      fileId: await upload(november),
      rows: { '7': { problemId: p.p7!.id } },
    })
    expect(again.rows.map((x) => x.action)).toEqual(['duplicate', 'duplicate', 'duplicate'])
    expect(again.warnings).toHaveLength(3)
    const before = await written()
    const none = await run({ fileId, dryRun: false, rows: { '7': { problemId: p.p7!.id } } })
    expect(none).toMatchObject({ imported: true, reportIds: [] })
    expect(await written()).toEqual(before)
  })

  it('reads a one-row table of a unit’s own, with the unit chosen for the file', async () => {
    const fileId = await upload({
      layout: 'one-row',
      noUnitColumn: true,
      rows: [
        {
          code: '反馈问题第20项',
          progress: '拆除违规建筑2处。',
          completion: '未完成',
          percent: '50%',
        },
      ],
    })
    const dry = await run({ fileId })
    expect(row(dry, 4).unit).toBeNull()
    expect(dry.errors[0]!.message).toMatch(/没有责任单位/)
    const r = await run({ fileId, unitId: w.units.countyA.id, dryRun: false })
    expect(r.imported).toBe(true)
    expect(row(r, 4)).toMatchObject({ unitBy: 'file', action: 'report' })
    const [rep] = await t.database.db
      .select()
      .from(progressReports)
      .where(eq(progressReports.id, r.reportIds[0]!))
    expect(rep).toMatchObject({ unitId: w.units.countyA.id, submittedByOffice: true, percent: 50 })
  })

  it('proposes a problem reported 已完成 for acceptance to its lead unit, and moves nothing', async () => {
    const db = t.database.db
    const p30 = await makeProblem(db, {
      round: { id: p.p12!.roundId },
      code: '反馈问题第30项',
      title: '垃圾填埋场渗滤液外溢',
      leadUnit: w.units.eeb,
      region: w.units.countyA,
      status: 'in_progress',
    })
    const p31 = await makeProblem(db, {
      round: { id: p.p12!.roundId },
      code: '反馈问题第31项',
      title: '畜禽养殖废水直排',
      leadUnit: w.units.eeb,
      region: w.units.countyA,
      status: 'in_progress',
    })
    const fileId = await upload({
      layout: 'closure',
      title: '甲县中央环保督察反馈问题整改完成情况表',
      rows: [
        {
          code: '第30项',
          unit: '甲县',
          progress: '渗滤液处理站建成运行，外溢点全部封堵。',
          completion: '已完成',
        },
        {
          code: '第31项',
          unit: '甲县',
          progress: '养殖场全部配套治污设施。',
          completion: '已完成',
        },
      ],
    })
    const before = await written()
    const r = await run({ fileId, dryRun: false })
    expect(r.rows.map((x: ProgressImportRow) => [x.percent, x.proposesAcceptance])).toEqual([
      [100, true],
      [100, true],
    ])
    expect(r.counts.proposals).toBe(2)
    const messages = await db.select().from(inboxMessages).where(eq(inboxMessages.entityId, p30.id))
    // Both users of the lead unit (市生态环境局), one message each.
    expect(messages).toHaveLength(2)
    expect(messages[0]!.title).toBe('单位报告已完成，建议申请验收：反馈问题第30项')
    const proposed = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'problem.acceptance_proposed'),
          sql`${auditLog.after} ->> 'problemId' = ${p31.id}`,
        ),
      )
    expect(proposed).toHaveLength(1)
    const statuses = await db
      .select({ status: problems.status, progress: problems.reportedProgress })
      .from(problems)
      .where(sql`${problems.id} in (${p30.id}, ${p31.id})`)
    expect(statuses).toEqual([
      { status: 'in_progress', progress: 0 },
      { status: 'in_progress', progress: 0 },
    ])
    const after = await written()
    expect(after.reports - before.reports).toBe(2)
    expect(after.inbox - before.inbox).toBe(4)
  })
})
