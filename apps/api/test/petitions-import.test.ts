import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PetitionImportReport } from '@rectify/schemas'
import {
  auditLog,
  files,
  importMappings,
  petitionAppearances,
  petitionBatches,
  petitions,
} from '../src/db/schema/index.js'
import { FieldCipher } from '../src/lib/crypto/field-cipher.js'
import { uuidv7 } from '../src/lib/ids.js'
import {
  buildSampleBatch,
  sampleCases,
  SAMPLE_REGIONS,
} from '../src/modules/petitions/import/sample.js'
import { STANDARD_HEADERS, tableWorkbook } from '../src/modules/petitions/import/template.js'
import { createTestApp, type TestApp } from './build-app.js'
import { useSuite } from './crypto-suite.js'
import { pdfBytes, upload } from './evidence-factories.js'
import { client, login, makeUnit, makeUser, makeWorld } from './factories.js'
import { xlsx as workbook } from './fixtures/workbooks.js'
import { xlsxBomb } from './fixtures/zip-bomb.js'
import { makeRound } from './ledger-factories.js'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let office: ReturnType<typeof client>
let officeToken: string
let otherOfficeToken: string
let batches: { id: string; seq: number }[] = []
let roundId = ''

async function makeBatch(roundId: string, seq: number) {
  const [row] = await t.database.db
    .insert(petitionBatches)
    .values({ id: uuidv7(), roundId, seq, handedOn: '2024-06-02', source: 'central' })
    .returning()
  return { id: row!.id, seq }
}

/** Uploads the bytes as `token`'s user; returns the file id. */
async function uploaded(data: Buffer, token = officeToken, filename = '交办信访件.xlsx') {
  const res = await upload(t.app, token, { filename, data, contentType: XLSX })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<{ id: string }>().id
}

const importUrl = (batchId: string) => `/api/v1/petition-batches/${batchId}/import`

async function dryRun(batchId: string, body: Record<string, unknown>) {
  const res = await office.post(importUrl(batchId), body)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<PetitionImportReport>()
}

async function commit(batchId: string, body: Record<string, unknown>) {
  const res = await office.post(importUrl(batchId), { ...body, dryRun: false })
  expect(res.statusCode, res.body).toBe(200)
  const report = res.json<PetitionImportReport>()
  expect(report.imported).toBe(true)
  return report
}

const caseCount = () =>
  t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(petitions)
    .then((r) => r[0]!.n)

/** A small sheet with a title row, given headers and rows. */
async function sheet(headers: string[], rows: (string | number)[][]) {
  return Buffer.from(
    await (await tableWorkbook({ title: '交办信访件', headers, rows })).xlsx.writeBuffer(),
  )
}

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  for (const name of SAMPLE_REGIONS)
    await makeUnit(t.database.db, { parent: world.units.city, kind: 'county', name })
  const round = await makeRound(t.database.db)
  roundId = round.id
  batches = [
    await makeBatch(round.id, 1),
    await makeBatch(round.id, 2),
    await makeBatch(round.id, 3),
  ]
  officeToken = (await login(t.app, world.users.office.username)).accessToken
  office = client(t.app, officeToken)
  const other = await makeUser(t.database.db, { unit: world.units.office, roles: ['office'] })
  otherOfficeToken = (await login(t.app, other.username)).accessToken
})

afterAll(async () => {
  await t?.close()
})

describe('petition import', () => {
  const valid1 = sampleCases({ kind: 'valid', batchSeq: 1 })
  let validFile: Buffer

  it('dry-runs the valid sample: every row new, no errors, nothing written', async () => {
    validFile = await buildSampleBatch({ kind: 'valid', batchSeq: 1 })
    const fileId = await uploaded(validFile)
    const report = await dryRun(batches[0]!.id, { fileId })
    expect(report).toMatchObject({ dryRun: true, imported: false, errors: [], missingFields: [] })
    expect(report.counts).toMatchObject({ rows: 50, new: 50, updated: 0, errors: 0 })
    expect(report.rows.every((r) => r.action === 'new')).toBe(true)
    // The complainant is never echoed, only whether there is one.
    expect(JSON.stringify(report)).not.toContain('某某')
    expect(JSON.stringify(report)).not.toContain(valid1.cases.find((c) => c.contact)!.contact)
    expect(report.rows.some((r) => r.hasComplainant)).toBe(true)
    expect(await caseCount()).toBe(0)
    const [file] = await t.database.db.select().from(files).where(eq(files.id, fileId))
    expect(file!.ownerType).toBeNull()
  })

  it('maps wrapped synonym headers under a title row', async () => {
    const report = await dryRun(batches[0]!.id, { fileId: await uploaded(validFile) })
    const field = (h: string) => report.columns.find((c) => c.header === h)?.field
    expect(report.columns[0]).toMatchObject({ header: '序号', field: 'seq', by: 'synonym' })
    expect(field('受理编号')).toBe('receiptNo')
    expect(field('所属区域')).toBe('region')
    expect(field('被反映对象地址')).toBe('address')
    expect(field('是否重点')).toBe('keyCase')
    expect(field('联系电话')).toBe('complainantContact')
    expect(field('罚款金额(万元)')).toBe('finesWan')
    expect(report.columns.every((c) => c.by === 'synonym')).toBe(true)
  })

  it('imports every row of the valid sample in one go, receipts as strings', async () => {
    const fileId = await uploaded(validFile)
    const report = await commit(batches[0]!.id, { fileId })
    expect(report.counts).toMatchObject({ rows: 50, new: 50, updated: 0, errors: 0 })
    const rows = await t.database.db.select().from(petitions)
    expect(rows).toHaveLength(50)
    const numeric = valid1.cases.find((c) => typeof c.receipt === 'number')!
    const stored = rows.find((r) => r.receiptNo === String(numeric.receipt))
    expect(stored).toMatchObject({ status: 'received', batchId: batches[0]!.id })
    expect(stored!.searchTokens.length).toBeGreaterThan(0)
    expect(rows.some((r) => r.receiptNo.startsWith('D2ZGHJ'))).toBe(true)
    expect(rows.some((r) => r.receiptNo.startsWith('X3HB'))).toBe(true)
    const [file] = await t.database.db.select().from(files).where(eq(files.id, fileId))
    expect(file).toMatchObject({ ownerType: 'petition_batch', ownerId: batches[0]!.id })
    const appearances = await t.database.db
      .select()
      .from(petitionAppearances)
      .where(eq(petitionAppearances.batchId, batches[0]!.id))
    expect(appearances).toHaveLength(50)
  })

  it('stores several domains and regions of one case, and a blank count as null', async () => {
    const joint = valid1.cases.find((c) => c.region.includes('、'))!
    const [row] = await t.database.db
      .select()
      .from(petitions)
      .where(eq(petitions.receiptNo, String(joint.receipt)))
    expect(row!.regionIds).toHaveLength(2)
    expect(row!.regionText).toBe(joint.region)
    const multi = valid1.cases.find((c) => c.domain.includes('、'))!
    const [m] = await t.database.db
      .select()
      .from(petitions)
      .where(eq(petitions.receiptNo, String(multi.receipt)))
    expect(m!.domains.length).toBe(2)
    const blank = valid1.cases.find((c) => c.orders === '')!
    const counted = valid1.cases.find((c) => c.orders !== '')!
    const data = async (receipt: string | number) => {
      const [a] = await t.database.db
        .select({ data: petitionAppearances.data })
        .from(petitionAppearances)
        .innerJoin(petitions, eq(petitions.id, petitionAppearances.petitionId))
        .where(eq(petitions.receiptNo, String(receipt)))
      return a!.data as Record<string, unknown>
    }
    expect((await data(blank.receipt)).ordersToRectify).toBeNull()
    expect((await data(counted.receipt)).ordersToRectify).toBe(Number.parseInt(counted.orders))
    // The history keeps the row, never the complainant.
    expect(JSON.stringify(await data(blank.receipt))).not.toMatch(/complainant|某某|13\d{9}/)
  })

  it('writes one audit entry for the import, with receipt numbers and no complainant', async () => {
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'petition_batch.imported'), eq(auditLog.entityId, batches[0]!.id)),
      )
    expect(entries).toHaveLength(1)
    const after = entries[0]!.after as { newReceiptNos: string[]; counts: { new: number } }
    expect(after.counts.new).toBe(50)
    expect(after.newReceiptNos).toContain(String(valid1.cases[0]!.receipt))
    const all = JSON.stringify(
      await t.database.db
        .select({ before: auditLog.before, after: auditLog.after })
        .from(auditLog)
        .where(sql`${auditLog.action} like 'petition%'`),
    )
    for (const c of valid1.cases.filter((x) => x.name)) {
      expect(all).not.toContain(c.contact)
    }
    expect(all).not.toContain('某某')
  })

  it('imports the same file again as updates, without duplicates, keeping the handling', async () => {
    const [one] = await t.database.db.select().from(petitions).limit(1)
    await t.database.db
      .update(petitions)
      .set({ status: 'handling', handlingUnitId: world.units.countyA.id, deadline: '2024-06-09' })
      .where(eq(petitions.id, one!.id))
    const preview = await dryRun(batches[1]!.id, { fileId: await uploaded(validFile) })
    expect(preview.rows.every((r) => r.action === 'update')).toBe(true)
    const report = await commit(batches[1]!.id, { fileId: await uploaded(validFile) })
    expect(report.counts).toMatchObject({ new: 0, updated: 50 })
    expect(await caseCount()).toBe(50)
    const [after] = await t.database.db.select().from(petitions).where(eq(petitions.id, one!.id))
    expect(after).toMatchObject({
      status: 'handling',
      handlingUnitId: world.units.countyA.id,
      batchId: batches[0]!.id,
    })
    // The sheet states the case as it is: nothing is written to it, only its appearance.
    expect(after!.version).toBe(one!.version)
    expect(report.counts.unchanged).toBe(50)
    const history = await t.database.db
      .select()
      .from(petitionAppearances)
      .where(eq(petitionAppearances.petitionId, one!.id))
    expect(history.map((h) => h.batchId).sort()).toEqual([batches[0]!.id, batches[1]!.id].sort())
  })

  it('imports nothing from the invalid sample and names each bad row and column', async () => {
    const invalid = sampleCases({ kind: 'invalid', batchSeq: 3 })
    const bytes = await buildSampleBatch({ kind: 'invalid', batchSeq: 3 })
    const preview = await dryRun(batches[2]!.id, { fileId: await uploaded(bytes) })
    expect(preview.errors.map((e) => ({ row: e.row, column: e.column }))).toEqual(invalid.errors)
    expect(preview.errors[0]!.message).toContain('海州市')
    expect(preview.errors[0]!.messageEn).toContain('Unknown region')
    expect(preview.rows.filter((r) => r.action === 'error')).toHaveLength(4)
    const before = await caseCount()
    const res = await office.post(importUrl(batches[2]!.id), {
      fileId: await uploaded(bytes),
      dryRun: false,
    })
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const body = res.json<{ code: string; report: PetitionImportReport }>()
    expect(body.code).toBe('unprocessable')
    expect(body.report).toMatchObject({ imported: false, dryRun: false })
    expect(body.report.errors).toHaveLength(4)
    expect(await caseCount()).toBe(before)
  })

  it('proposes the planted repeats of the earlier batch and links the chosen ones', async () => {
    const second = sampleCases({ kind: 'valid', batchSeq: 2 })
    const bytes = await buildSampleBatch({ kind: 'valid', batchSeq: 2 })
    const preview = await dryRun(batches[2]!.id, { fileId: await uploaded(bytes) })
    expect(second.repeats.length).toBeGreaterThan(0)
    for (const planted of second.repeats) {
      const row = preview.rows.find((r) => r.row === planted.row)!
      expect(row.repeatCandidates.map((c) => c.receiptNo)).toContain(planted.of)
    }
    expect(preview.counts.repeats).toBeGreaterThanOrEqual(second.repeats.length)
    const planted = second.repeats[0]!
    const target = preview.rows
      .find((r) => r.row === planted.row)!
      .repeatCandidates.find((c) => c.receiptNo === planted.of)!
    const report = await commit(batches[2]!.id, {
      fileId: await uploaded(bytes),
      repeats: { [String(planted.row)]: target.id },
    })
    expect(report.counts.repeats).toBe(1)
    const receipt = String(second.cases.find((c) => c.row === planted.row)!.receipt)
    const [linked] = await t.database.db
      .select()
      .from(petitions)
      .where(eq(petitions.receiptNo, receipt))
    expect(linked!.repeatOfId).toBe(target.id)
  })

  it('asks about an unknown column, takes the user mapping and remembers it', async () => {
    const bytes = await sheet(
      ['收件\n编号', '所属区域', '投诉详情', '督察组备注'],
      [['LOCAL-0001', '临湖', '某养殖场粪污直排河道', '无']],
    )
    const asked = await dryRun(batches[2]!.id, { fileId: await uploaded(bytes) })
    expect(asked.columns.find((c) => c.header === '投诉详情')).toMatchObject({
      field: null,
      by: 'none',
    })
    expect(asked.missingFields).toEqual(['complaint'])
    const missing = asked.errors.find((e) => e.column === '交办问题基本情况')!
    expect(missing.message).toMatch(
      /^缺少必需的列“交办问题基本情况”（可用列名：反映情况、信访内容、举报内容、反映问题、主要问题）/,
    )
    expect(missing.message).not.toMatch(/complaint/)
    expect(missing.messageEn).toMatch(/^Missing required column “交办问题基本情况” \(the complaint/)
    expect(asked.errors.length).toBeGreaterThan(0)
    const mapping = { 投诉详情: 'complaint', 督察组备注: null }
    const mapped = await dryRun(batches[2]!.id, { fileId: await uploaded(bytes), mapping })
    expect(mapped.errors).toEqual([])
    expect(mapped.rows[0]).toMatchObject({
      receiptNo: 'LOCAL-0001',
      complaint: '某养殖场粪污直排河道',
    })
    await commit(batches[2]!.id, { fileId: await uploaded(bytes), mapping })
    const remembered = await t.database.db.select().from(importMappings)
    expect(remembered).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'petition', header: '投诉详情', field: 'complaint' }),
        expect.objectContaining({ kind: 'petition', header: '督察组备注', field: null }),
      ]),
    )
    const again = await dryRun(batches[2]!.id, { fileId: await uploaded(bytes) })
    expect(again.columns.find((c) => c.header === '投诉详情')).toMatchObject({
      field: 'complaint',
      by: 'mapping',
    })
    expect(again.rows[0]!.action).toBe('update')
  })

  it('answers 404 for a file someone else uploaded or one already attached', async () => {
    const theirs = await uploaded(validFile, otherOfficeToken)
    expect((await office.post(importUrl(batches[0]!.id), { fileId: theirs })).statusCode).toBe(404)
    const [attached] = await t.database.db
      .select({ id: files.id })
      .from(files)
      .where(eq(files.ownerType, 'petition_batch'))
      .limit(1)
    expect(
      (await office.post(importUrl(batches[0]!.id), { fileId: attached!.id })).statusCode,
    ).toBe(404)
    const fileId = await uploaded(validFile)
    expect((await office.post(importUrl(uuidv7()), { fileId })).statusCode).toBe(404)
  })

  it('refuses a file that is not a workbook with 422 and a unit with 403', async () => {
    const pdf = await upload(t.app, officeToken, { filename: 'a.pdf', data: pdfBytes() })
    const res = await office.post(importUrl(batches[0]!.id), {
      fileId: pdf.json<{ id: string }>().id,
    })
    expect(res.statusCode).toBe(422)
    const unit = client(t.app, (await login(t.app, world.users.unitA.username)).accessToken)
    const fileId = await uploaded(validFile)
    expect((await unit.post(importUrl(batches[0]!.id), { fileId })).statusCode).toBe(403)
  })

  it('reads a petition table in traditional characters with full-width digits: regions and domains matched, text kept as written', async () => {
    const data = await workbook(
      [
        ['第三批交辦信訪件'],
        [
          '序號',
          '收件編號',
          '行政區域',
          '所屬企業單位',
          '交辦問題基本情況',
          '污染類型',
          '是否屬實',
        ],
        [
          '１',
          'ＴＲＡＤ－０１',
          '甲縣',
          '某（一）號工廠',
          '廢氣直排，大氣污染嚴重',
          '大氣',
          '屬實',
        ],
        ['２', 'ＴＲＡＤ－０２', '乙縣', '養殖場', '廢水外溢', '水、噪聲', ''],
        ['製表人：張三', null, '審核人：李四'],
      ],
      [[1, 1, 1, 7]],
    )
    const report = await dryRun(batches[2]!.id, { fileId: await uploaded(data) })
    expect(report.errors).toEqual([])
    expect(report.columns.map((c) => [c.header, c.field])).toEqual([
      ['序号', 'seq'],
      ['收件编号', 'receiptNo'],
      ['行政区域', 'region'],
      ['所属企业单位', 'reportedParty'],
      ['交办问题基本情况', 'complaint'],
      ['污染类型', 'domain'],
      ['是否属实', 'finding'],
    ])
    expect(
      report.rows.map((r) => [
        r.row,
        r.receiptNo,
        r.regions.map((u) => u.id),
        r.domains,
        r.finding,
      ]),
    ).toEqual([
      [3, 'TRAD-01', [world.units.countyA.id], ['air'], 'true'],
      [4, 'TRAD-02', [world.units.countyB.id], ['water', 'noise'], null],
    ])
    // Free text is kept as the office wrote it.
    expect(report.rows[0]).toMatchObject({
      reportedParty: '某（一）號工廠',
      complaint: '廢氣直排，大氣污染嚴重',
    })
  })

  it('refuses a 1 MB workbook that inflates to 1 GB with 422 problem+json, the process growing < 100 MB', async () => {
    const fileId = await uploaded(xlsxBomb({ inflatedMb: 1024 }), officeToken, 'bomb.xlsx')
    const before = process.memoryUsage().rss
    let peak = before
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2)
    const res = await office.post(importUrl(batches[2]!.id), { fileId })
    clearInterval(timer)
    peak = Math.max(peak, process.memoryUsage().rss)
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ code: 'unprocessable' })
    expect(res.json<{ detail: string }>().detail).toContain('50 MB')
    expect(peak - before).toBeLessThan(100 * 1024 * 1024)
  })

  it('refuses a CSV saved as .xls with the save-as message', async () => {
    const res = await upload(t.app, officeToken, {
      filename: 'a.xls',
      data: Buffer.from('收件编号,交办问题基本情况\nA1,噪声\n'),
    })
    // The upload itself refuses text; an import never sees it.
    expect(res.statusCode).toBe(415)
  })

  it('serves the template: title row, standard headers, an example, an explanation sheet', async () => {
    const res = await office.get('/api/v1/petitions/import-template')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''")
    const fileId = await uploaded(res.rawPayload)
    const report = await dryRun(batches[2]!.id, { fileId })
    expect(report.errors).toEqual([])
    expect(report.rows).toHaveLength(1)
    expect(report.columns.filter((c) => c.field).length).toBe(10)
  })
})

/**
 * With CRYPTO_SUITE=sm the re-import compares complainants by their HMAC-SM3 blind index: the
 * same sheet again changes nothing, a changed contact (written differently but the same
 * number elsewhere) is told apart and written, sealed under SM4. Last: it switches the suite.
 */
describe('petition re-import with CRYPTO_SUITE=sm', () => {
  it('compares complainants by HMAC-SM3 blind index, never opening them', async () => {
    await useSuite(t, 'sm')
    const batch = await makeBatch(roundId, 7)
    const row = (n: number, contact: string) => [
      n,
      `SM-IMPORT-${n}`,
      '临湖',
      `某化工厂${n}`,
      '',
      '废水',
      `夜间偷排废水${n}`,
      '否',
      `国密信访人${n}`,
      contact,
    ]
    const headers = [...STANDARD_HEADERS]
    const first = await sheet(headers, [row(1, '13900000001'), row(2, '13900000002')])
    expect((await commit(batch.id, { fileId: await uploaded(first) })).counts).toMatchObject({
      new: 2,
    })
    // The same cases, the first contact only written differently: nothing changes.
    const same = await sheet(headers, [row(1, '139 0000 0001'), row(2, '13900000002')])
    const versions = async () =>
      (
        await t.database.db
          .select({ receiptNo: petitions.receiptNo, version: petitions.version })
          .from(petitions)
          .where(eq(petitions.batchId, batch.id))
          .orderBy(petitions.receiptNo)
      ).map((r) => r.version)
    const written = await versions()
    const again = await commit(batch.id, { fileId: await uploaded(same) })
    expect(again.counts).toMatchObject({ new: 0, unchanged: 2 })
    expect(await versions()).toEqual(written)
    // Another contact for the second case: updated, sealed and indexed under the sm keys.
    const changed = await sheet(headers, [row(1, '13900000001'), row(2, '13700000002')])
    await commit(batch.id, { fileId: await uploaded(changed) })
    // (The report's `unchanged` compares the visible fields only, never the complainant.)
    const now = await versions()
    expect(now[0]).toBe(written[0])
    expect(now[1]).toBeGreaterThan(written[1]!)
    const [stored] = await t.database.db
      .select()
      .from(petitions)
      .where(eq(petitions.receiptNo, 'SM-IMPORT-2'))
    expect(t.cipher.open(stored!.complainantContact, 'petitions.complainant_contact')).toBe(
      '13700000002',
    )
    expect(stored!.complainantContact.startsWith(FieldCipher.prefixOf(t.cipher.active))).toBe(true)
    expect(t.cipher.indexKey.suite.name).toBe('sm')
    expect(stored!.complainantContactIndex).toBe(t.cipher.blindIndex('13700000002', 'contact'))
  })
})
