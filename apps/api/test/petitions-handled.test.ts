import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PetitionImportReport, PetitionImportRow } from '@rectify/schemas'
import { auditLog, petitionAppearances, petitions } from '../src/db/schema/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import { upload } from './evidence-factories.js'
import { readXlsx } from './export-factories.js'
import { client, login, makeUnit, makeWorld } from './factories.js'
import { handledTable, xlsx, type HandledCase } from './fixtures/workbooks.js'
import { makeRound } from './ledger-factories.js'
import { makeBatch } from './petition-factories.js'

/*
 * Handled disclosure tables (the columns cities publish) imported as the cases' handling; the
 * disclosure export rebuilt from it; the round trip export → import changing nothing; and
 * re-imports that differ from a reported, closed or published case, decided case by case.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let office: ReturnType<typeof client>
let officeToken: string
let batch: { id: string; version: number }
let county: { id: string; code: string; name: string }

const CASES: HandledCase[] = [
  {
    receiptNo: 'D3JZ202409010001',
    complaint: '临湖县某化工厂夜间偷排废水，河水发黑发臭。',
    region: '临湖县',
    domain: '水',
    investigation: '经现场核查，该厂雨水排口有废水排出，反映问题属实。',
    finding: '属实',
    measures: '责令该厂立即停产整改，封堵雨水排口，已完成管网改造。',
    accountability: '对镇分管负责人约谈1人。',
    closure: '已办结',
    counts: [1, 1, 2.5, null, 1, 0],
  },
  {
    receiptNo: 'D3JZ202409010002',
    complaint: '临湖县某搅拌站扬尘严重，周边居民意见大。',
    region: '临湖县',
    domain: '大气、噪声',
    investigation: '搅拌站料场未全部覆盖，部分属实。',
    finding: '部分属实',
    measures: '责令完成料场全封闭，正在施工。',
    accountability: '',
    closure: '阶段办结',
    counts: [1, null, null, null, null, null],
  },
  {
    receiptNo: 'D3JZ202409010003',
    complaint: '临湖县某养殖场粪污外溢。',
    region: '临湖县',
    domain: '水',
    investigation: '',
    finding: '',
    measures: '已责令清运粪污，整改进行中。',
    accountability: '',
    closure: '未办结',
    counts: [null, null, null, null, null, null],
  },
]

async function uploaded(data: Buffer) {
  const res = await upload(t.app, officeToken, {
    filename: '办理情况公开表.xlsx',
    data,
    contentType: XLSX,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<{ id: string }>().id
}

const importUrl = () => `/api/v1/petition-batches/${batch.id}/import`

async function dryRun(data: Buffer, extra: Record<string, unknown> = {}) {
  const res = await office.post(importUrl(), { fileId: await uploaded(data), ...extra })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<PetitionImportReport>()
}

async function commit(data: Buffer, extra: Record<string, unknown> = {}) {
  const fileId = await uploaded(data)
  const res = await office.post(importUrl(), { fileId, dryRun: false, ...extra })
  return { res, fileId, report: res.json<PetitionImportReport>() }
}

const table = (cases: HandledCase[], o?: { traditional?: boolean }) => {
  const { rows, merges } = handledTable(cases, o)
  return xlsx(rows, merges)
}

const caseRows = (receipts: string[]) =>
  t.database.db.select().from(petitions).where(inArray(petitions.receiptNo, receipts))

/** The batch's disclosure export, as header → cell per receipt number. */
async function exported() {
  const res = await office.get(`/api/v1/exports/petitions?batch=${batch.id}`)
  expect(res.statusCode).toBe(200)
  const x = await readXlsx(res.rawPayload)
  const col = (h: string) => x.header.indexOf(h)
  return new Map(
    x.rows.map((r) => [
      r[col('受理编号')] as string,
      Object.fromEntries(x.header.map((h, i) => [String(h), r[i]])),
    ]),
  )
}

const row = (r: PetitionImportReport, receiptNo: string) =>
  r.rows.find((x) => x.receiptNo === receiptNo)!

beforeAll(async () => {
  // The public board's cache off: a republished row must read on the next request.
  t = await createTestApp({ PUBLIC_CACHE_SECONDS: 0 })
  world = await makeWorld(t.database.db)
  county = await makeUnit(t.database.db, {
    parent: world.units.city,
    kind: 'county',
    name: '临湖县',
  })
  const round = await makeRound(t.database.db)
  batch = await makeBatch(t.database.db, { round, handedOn: '2024-09-01', handlingDays: 15 })
  officeToken = (await login(t.app, world.users.office.username)).accessToken
  office = client(t.app, officeToken)
})

afterAll(async () => {
  await t?.close()
})

describe('a handled disclosure table', () => {
  it('dry-runs as handled: the merged two-row header mapped, every handling field echoed, nothing written', async () => {
    const report = await dryRun(await table(CASES))
    expect(report.errors).toEqual([])
    const field = (h: string) => report.columns.find((c) => c.header === h)?.field
    expect(field('受理编号')).toBe('receiptNo')
    expect(field('调查核实情况')).toBe('investigation')
    expect(field('是否属实')).toBe('finding')
    expect(field('处理和整改情况')).toBe('measures')
    expect(field('责任人被处理情况')).toBe('accountability')
    expect(field('是否办结')).toBe('closure')
    expect(field('罚款金额(万元)')).toBe('finesWan')
    expect(report.counts).toMatchObject({ rows: 3, new: 3, handled: 3, needChoice: 0 })
    const ref = { id: county.id, code: county.code, name: '临湖县' }
    expect(row(report, CASES[0]!.receiptNo).handling).toEqual({
      finding: 'true',
      investigation: CASES[0]!.investigation,
      measures: CASES[0]!.measures,
      accountability: '对镇分管负责人约谈1人。',
      ordersToRectify: 1,
      casesFiled: 1,
      finesWan: 2.5,
      detained: null,
      talkedTo: 1,
      heldAccountable: 0,
      closure: 'closed',
      handlingUnit: ref,
    })
    expect(row(report, CASES[1]!.receiptNo).handling).toMatchObject({
      finding: 'partly_true',
      closure: 'partly_closed',
      ordersToRectify: 1,
      casesFiled: null,
    })
    expect(row(report, CASES[2]!.receiptNo).handling).toMatchObject({
      finding: null,
      closure: 'open',
      measures: CASES[2]!.measures,
    })
    expect(await caseRows(CASES.map((c) => c.receiptNo))).toEqual([])
  })

  it('reads the same table in traditional characters: 是否屬實, 處理和整改情況, 已辦結', async () => {
    const report = await dryRun(await table(CASES, { traditional: true }))
    expect(report.errors).toEqual([])
    expect(report.rows.map((r) => r.handling?.closure)).toEqual(['closed', 'partly_closed', 'open'])
    expect(report.rows.map((r) => r.handling?.finding)).toEqual(['true', 'partly_true', null])
  })

  it('lands the handling on the cases, marked as imported with the file', async () => {
    const { res, fileId, report } = await commit(await table(CASES))
    expect(res.statusCode, res.body).toBe(200)
    expect(report.imported).toBe(true)
    const rows = await caseRows(CASES.map((c) => c.receiptNo))
    const by = (n: number) => rows.find((r) => r.receiptNo === CASES[n]!.receiptNo)!
    expect(by(0)).toMatchObject({
      status: 'closed',
      handlingUnitId: county.id,
      finding: 'true',
      investigation: CASES[0]!.investigation,
      measures: CASES[0]!.measures,
      accountability: CASES[0]!.accountability,
      ordersToRectify: 1,
      casesFiled: 1,
      finesWan: 2.5,
      detained: null,
      talkedTo: 1,
      heldAccountable: 0,
      handlingImportFileId: fileId,
      // Handed over 2024-09-01 with 15 days to handle.
      deadline: '2024-09-16',
    })
    expect(by(0).closedAt).toBeInstanceOf(Date)
    expect(by(1)).toMatchObject({ status: 'partly_closed', finding: 'partly_true', closedAt: null })
    expect(by(2)).toMatchObject({ status: 'handling', finding: null, measures: CASES[2]!.measures })
    const detail = await office.get(`/api/v1/petitions/${by(0).id}`)
    expect(detail.json().handling).toMatchObject({
      finding: 'true',
      importedFileId: fileId,
      reportedBy: { id: world.users.office.id },
    })
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'petition.imported'), eq(auditLog.entityId, by(0).id)))
    expect(entry!.after).toMatchObject({
      handling: { finding: 'true', closure: 'closed', measures: CASES[0]!.measures },
      handlingImportFileId: fileId,
    })
  })

  it('rebuilds the disclosure table from the imported handling: the export shows the same values', async () => {
    const res = await office.get(`/api/v1/exports/petitions?batch=${batch.id}`)
    expect(res.statusCode).toBe(200)
    const x = await readXlsx(res.rawPayload)
    const col = (h: string) => x.header.indexOf(h)
    for (const c of CASES) {
      const r = x.rows.find((v) => v[col('受理编号')] === c.receiptNo)!
      expect(r[col('交办问题基本情况')]).toBe(c.complaint)
      expect(r[col('行政区域')]).toBe(c.region)
      expect(r[col('调查核实情况')] ?? '').toBe(c.investigation)
      expect(r[col('是否属实')] ?? '').toBe(c.finding)
      expect(r[col('处理和整改情况')]).toBe(c.measures)
      expect(r[col('问责情况')] ?? '').toBe(c.accountability)
      const status = r[col('办理状态')]
      expect(status).toBe(c.closure === '未办结' ? '办理中' : c.closure)
      const counts = [
        '责令整改（家）',
        '立案处罚（家）',
        '罚款（万元）',
        '拘留（人）',
        '约谈（人）',
        '问责（人）',
      ]
      expect(counts.map((h) => r[col(h)] ?? null)).toEqual(c.counts)
    }
  })
})

describe('the round trip: export → import', () => {
  it('changes nothing, field by field', async () => {
    const receipts = CASES.map((c) => c.receiptNo)
    const before = await caseRows(receipts)
    const res = await office.get(`/api/v1/exports/petitions?batch=${batch.id}`)
    const exported = Buffer.from(res.rawPayload)
    const preview = await dryRun(exported)
    expect(preview.errors).toEqual([])
    expect(preview.counts).toMatchObject({
      rows: 3,
      new: 0,
      updated: 3,
      unchanged: 3,
      needChoice: 0,
    })
    for (const r of preview.rows) expect(r.differences, r.receiptNo).toEqual([])
    const { res: done } = await commit(exported)
    expect(done.statusCode, done.body).toBe(200)
    const after = await caseRows(receipts)
    for (const b of before) {
      const a = after.find((x) => x.id === b.id)!
      for (const k of Object.keys(b) as (keyof typeof b)[])
        expect(a[k], `${b.receiptNo} ${k}`).toEqual(b[k])
    }
    const reimported = await t.database.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.action, ['petition.reimported', 'petition.reimport_kept']))
    expect(reimported).toEqual([])
  })
})

describe('re-importing a case that differs', () => {
  const changed = (): HandledCase[] => [
    { ...CASES[0]!, measures: '责令该厂停产整改，已完成管网改造并通过验收。' },
    { ...CASES[1]!, complaint: '临湖县某搅拌站扬尘、噪声严重。' },
    { ...CASES[2]!, investigation: '现场核查粪污外溢属实。' },
  ]

  it('shows the differences field by field and asks about the closed and the partly closed case', async () => {
    const report = await dryRun(await table(changed()))
    expect(report.errors).toEqual([])
    const [closed, partly, open] = CASES.map((c) => row(report, c.receiptNo))
    expect(closed!.differences).toEqual([
      { field: 'measures', current: CASES[0]!.measures, incoming: changed()[0]!.measures },
    ])
    expect(partly!.differences).toEqual([
      { field: 'complaint', current: CASES[1]!.complaint, incoming: changed()[1]!.complaint },
    ])
    expect(open!.differences).toEqual([
      { field: 'investigation', current: '', incoming: '现场核查粪污外溢属实。' },
    ])
    expect(
      [closed, partly, open].map((r: PetitionImportRow | undefined) => r!.needsChoice),
    ).toEqual([true, true, false])
    expect(report.counts).toMatchObject({ needChoice: 2, unchanged: 0 })
  })

  it('refuses a commit without a choice for each such case, changing nothing', async () => {
    const before = await caseRows(CASES.map((c) => c.receiptNo))
    const { res, report } = await commit(await table(changed()))
    expect(res.statusCode).toBe(422)
    const problem = res.json<{ report: PetitionImportReport }>()
    expect(problem.report.errors.map((e) => e.row)).toEqual([5, 6])
    expect(problem.report.errors[0]!.message).toContain('D3JZ202409010001')
    expect(report.imported).toBeUndefined()
    expect(await caseRows(CASES.map((c) => c.receiptNo))).toEqual(before)
  })

  it('keeps one case and takes the other as chosen; the history keeps both texts', async () => {
    const publish = await office.post(
      `/api/v1/petition-batches/${batch.id}/publish`,
      {},
      {
        'if-match': `"${batch.version}"`,
      },
    )
    expect(publish.statusCode, publish.body).toBe(200)
    const board = async () =>
      (await t.app.inject({ url: `/api/v1/public/petition-batches/${batch.id}` })).json<{
        rows: { receiptNo: string; handling: string; complaint: string }[]
      }>().rows
    expect((await board()).find((r) => r.receiptNo === CASES[0]!.receiptNo)!.handling).toBe(
      CASES[0]!.measures,
    )
    const { res } = await commit(await table(changed()), { choices: { '5': 'take', '6': 'keep' } })
    expect(res.statusCode, res.body).toBe(200)
    const rows = await caseRows(CASES.map((c) => c.receiptNo))
    const by = (n: number) => rows.find((r) => r.receiptNo === CASES[n]!.receiptNo)!
    expect(by(0)).toMatchObject({ measures: changed()[0]!.measures, status: 'closed' })
    expect(by(1)).toMatchObject({ complaint: CASES[1]!.complaint })
    // The open case was no one's to protect: it took the sheet's text without a choice.
    expect(by(2)).toMatchObject({ investigation: '现场核查粪污外溢属实。', status: 'handling' })
    const audit = async (action: string, id: string) =>
      (
        await t.database.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, action), eq(auditLog.entityId, id)))
      )[0]
    expect((await audit('petition.reimported', by(0).id))!).toMatchObject({
      before: { measures: CASES[0]!.measures },
      after: { measures: changed()[0]!.measures, choice: 'take' },
    })
    expect((await audit('petition.reimport_kept', by(1).id))!).toMatchObject({
      before: { complaint: CASES[1]!.complaint },
      after: {
        choice: 'keep',
        differences: [{ field: 'complaint', incoming: changed()[1]!.complaint }],
      },
    })
    // The case's history shows both texts and the choice, for the kept case too.
    const history = async (id: string) => (await office.get(`/api/v1/petitions/${id}`)).json()
    expect((await history(by(0).id)).reimports).toEqual([
      {
        at: expect.any(String),
        by: expect.any(String),
        batchId: batch.id,
        choice: 'take',
        differences: [
          { field: 'measures', current: CASES[0]!.measures, incoming: changed()[0]!.measures },
        ],
      },
    ])
    expect((await history(by(1).id)).reimports).toMatchObject([
      { choice: 'keep', differences: [{ field: 'complaint', current: CASES[1]!.complaint }] },
    ])
    // The row as read stays in the case's history in this batch, with what was chosen.
    const [kept] = await t.database.db
      .select({ data: petitionAppearances.data })
      .from(petitionAppearances)
      .where(eq(petitionAppearances.petitionId, by(1).id))
    expect(kept!.data).toMatchObject({ complaint: changed()[1]!.complaint, choice: 'keep' })
  })

  it('changes a published disclosure row only when the office publishes again', async () => {
    const board = async () =>
      (await t.app.inject({ url: `/api/v1/public/petition-batches/${batch.id}` })).json<{
        rows: { receiptNo: string; handling: string }[]
      }>().rows
    const first = (rows: { receiptNo: string; handling: string }[]) =>
      rows.find((r) => r.receiptNo === CASES[0]!.receiptNo)!.handling
    expect(first(await board())).toBe(CASES[0]!.measures)
    // The office's disclosure export reads the published row too, with its 序号, 调查核实情况
    // and dates; the open case (never published) reads as it is now.
    const before = await exported()
    expect(before.get(CASES[0]!.receiptNo)).toMatchObject({
      序号: 1,
      处理和整改情况: CASES[0]!.measures,
      调查核实情况: CASES[0]!.investigation,
      是否属实: '属实',
      办理状态: '已办结',
    })
    expect(before.get(CASES[0]!.receiptNo)!['办结日期']).toBeInstanceOf(Date)
    expect(before.get(CASES[0]!.receiptNo)!['交办日期']).toBeInstanceOf(Date)
    expect(before.get(CASES[2]!.receiptNo)).toMatchObject({
      调查核实情况: '现场核查粪污外溢属实。',
    })
    const list = await office.get(`/api/v1/petition-batches/${batch.id}`)
    expect(list.json()).toMatchObject({ unpublishedChanges: 1 })
    const again = await office.post(
      `/api/v1/petition-batches/${batch.id}/publish`,
      {},
      {
        'if-match': `"${list.json().version}"`,
      },
    )
    expect(again.statusCode, again.body).toBe(200)
    expect(again.json()).toMatchObject({ unpublishedChanges: 0 })
    expect(first(await board())).toBe(changed()[0]!.measures)
    const after = await exported()
    expect(after.get(CASES[0]!.receiptNo)).toMatchObject({
      序号: 1,
      处理和整改情况: changed()[0]!.measures,
      调查核实情况: CASES[0]!.investigation,
    })
    expect([...after.keys()]).toEqual(CASES.map((c) => c.receiptNo))
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'petition_batch.republished'), eq(auditLog.entityId, batch.id)),
      )
    expect(entry!.after).toMatchObject({ disclosedRows: 2 })
  })

  it('reads a row published before the snapshot carried the export columns from the case, and counts no change for it', async () => {
    const first = await caseRows([CASES[0]!.receiptNo])
    // As published before 调查核实情况, 办结日期 and the counts were kept with the public row.
    await t.database.db.execute(sql`
      update petition_disclosures set row = row - 'investigation' - 'closedOn'
        - 'ordersToRectify' - 'casesFiled' - 'finesWan' - 'detained' - 'talkedTo'
        - 'heldAccountable'
      where batch_id = ${batch.id}`)
    await t.database.db
      .update(petitions)
      .set({ investigation: '补充核查：雨水排口已封堵。' })
      .where(eq(petitions.id, first[0]!.id))
    const x = await exported()
    expect(x.get(CASES[0]!.receiptNo)).toMatchObject({
      序号: 1,
      调查核实情况: '补充核查：雨水排口已封堵。',
      处理和整改情况: changed()[0]!.measures,
      '罚款（万元）': 2.5,
    })
    const b = await office.get(`/api/v1/petition-batches/${batch.id}`)
    expect(b.json()).toMatchObject({ unpublishedChanges: 0 })
  })
})

describe('handled rows that cannot land', () => {
  it('names the row and column: 已办结 without 是否属实, an unknown 办理单位-less region', async () => {
    const bad: HandledCase[] = [
      { ...CASES[0]!, receiptNo: 'D3JZ202409019001', finding: '' },
      { ...CASES[0]!, receiptNo: 'D3JZ202409019002', region: '', closure: '阶段办结' },
      { ...CASES[0]!, receiptNo: 'D3JZ202409019003', closure: '办好了' },
    ]
    const report = await dryRun(await table(bad))
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [5, '是否属实'],
      [6, '办理单位'],
      [7, '是否办结'],
    ])
    expect(report.errors[2]!.message).toContain('办好了')
  })
})
