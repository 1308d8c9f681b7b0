import ExcelJS from 'exceljs'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, measures } from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'
import { createTestApp, type TestApp } from './build-app.js'
import { makeReport } from './dispatch-factories.js'
import { COMPLAINANT, makeAccountability, makePetitions, readXlsx } from './export-factories.js'
import { as, makeWorld } from './factories.js'
import { makeMeasure, makeProblem, makeRound } from './ledger-factories.js'

let t: TestApp
let w: Awaited<ReturnType<typeof makeWorld>>
let round: Awaited<ReturnType<typeof makeRound>>
type Api = Awaited<ReturnType<typeof as>>
const api = {} as Record<keyof Awaited<ReturnType<typeof makeWorld>>['users'], Api>
let batchId: string
const PERIOD = '2026-10'

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.db
  w = await makeWorld(db)
  round = await makeRound(db)
  for (const k of Object.keys(w.users) as (keyof typeof w.users)[])
    api[k] = await as(t.app, w.users[k])
  // County A's problem, county B's, and the EEB's with a measure of county A's township.
  const pA = await makeProblem(db, {
    round,
    leadUnit: w.units.countyA,
    code: 'E-01',
    status: 'in_progress',
  })
  const pB = await makeProblem(db, {
    round,
    leadUnit: w.units.countyB,
    code: 'E-02',
    status: 'in_progress',
  })
  const pE = await makeProblem(db, {
    round,
    leadUnit: w.units.eeb,
    code: 'E-03',
    status: 'in_progress',
  })
  await makeMeasure(db, { problem: pA, unit: w.units.countyA, deadline: '2026-12-31' })
  await makeMeasure(db, { problem: pB, unit: w.units.countyB })
  await makeMeasure(db, { problem: pE, unit: w.units.townA })
  await makeReport(db, { problem: pA, unit: w.units.countyA, period: PERIOD })
  await makeReport(db, { problem: pB, unit: w.units.countyB, period: PERIOD })
  await makeReport(db, { problem: pE, unit: w.units.townA, period: PERIOD })
  await makeReport(db, { problem: pE, unit: w.units.townA, period: '2026-09' })
  batchId = await makePetitions(db, round, [
    { unit: w.units.countyA, receiptNo: 'X2026-001', status: 'closed' },
    { unit: w.units.countyB, receiptNo: 'X2026-002' },
    { unit: null, receiptNo: 'X2026-003' },
  ])
  await makeAccountability(db, w.units.countyA, 'talk')
  await makeAccountability(db, w.units.countyB, 'criticism')
  await makeAccountability(db, w.units.countyB, 'criticism')
  await makeAccountability(db, w.units.countyB, 'talk', '2025-01-01')
})
afterAll(() => t.close())

async function download(who: Api, url: string) {
  const res = await who.get(url)
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
  expect(res.headers['content-type']).toContain('spreadsheetml.sheet')
  return { res, ...(await readXlsx(res.rawPayload)) }
}

const codes = (rows: unknown[][]) => [...new Set(rows.map((r) => r[0]))].sort()

describe('the measures export (整改措施台账)', () => {
  it('lays out a titled sheet with a frozen header, Chinese file name and date cells', async () => {
    const x = await download(api.office, `/api/v1/exports/measures?round=${round.id}`)
    expect(x.res.headers['content-disposition']).toContain(encodeURIComponent('整改措施台账-'))
    expect(x.sheet.getCell('A1').value).toBe('整改措施台账')
    expect(x.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(x.header).toContain('整改措施')
    expect(codes(x.rows)).toEqual(['E-01', 'E-02', 'E-03'])
    const deadlineCol = x.header.indexOf('完成时限')
    const a = x.rows.find((r) => r[0] === 'E-01')!
    expect(a[deadlineCol]).toEqual(new Date('2026-12-31T00:00:00Z'))
    expect(x.sheet.getRow(4).getCell(deadlineCol + 1).numFmt).toContain('年')
  })

  it("gives a county only its subtree's problems", async () => {
    const x = await download(api.unitA, `/api/v1/exports/measures?round=${round.id}`)
    expect(codes(x.rows)).toEqual(['E-01', 'E-03'])
    const y = await download(api.unitB, `/api/v1/exports/measures?round=${round.id}`)
    expect(codes(y.rows)).toEqual(['E-02'])
  })

  it("narrows to a unit's measures with the unit filter", async () => {
    const x = await download(
      api.office,
      `/api/v1/exports/measures?round=${round.id}&unit=${w.units.countyA.id}`,
    )
    expect(codes(x.rows)).toEqual(['E-01', 'E-03'])
  })

  it('reads across keyset batches without losing or repeating a measure', async () => {
    const db = t.database.db
    const big = await makeRound(db)
    const problem = await makeProblem(db, { round: big, leadUnit: w.units.eeb, code: 'K-01' })
    const n = 1203
    await db.insert(measures).values(
      Array.from({ length: n }, (_, i) => ({
        id: uuidv7(),
        problemId: problem.id,
        seq: i + 1,
        content: `措施${i + 1}`,
        unitId: w.units.eeb.id,
        startDate: '2026-01-01',
        deadline: '2026-12-31',
      })),
    )
    const x = await download(api.office, `/api/v1/exports/measures?round=${big.id}`)
    const seqs = x.rows.map((r) => r[3] as number)
    expect(seqs).toHaveLength(n)
    expect(new Set(seqs).size).toBe(n)
  })
})

describe('the progress reports export of a period', () => {
  it('holds the reports of that period only, scoped to the caller', async () => {
    const all = await download(
      api.office,
      `/api/v1/exports/reports?round=${round.id}&period=${PERIOD}`,
    )
    expect(all.rows).toHaveLength(3)
    expect(all.rows.every((r) => r[4] === PERIOD)).toBe(true)
    expect(all.res.headers['content-disposition']).toContain(encodeURIComponent('2026年10月'))
    const b = await download(
      api.unitB,
      `/api/v1/exports/reports?round=${round.id}&period=${PERIOD}`,
    )
    expect(codes(b.rows)).toEqual(['E-02'])
  })

  it('refuses a malformed or missing period as a bad request (400)', async () => {
    const bad = encodeURIComponent('2026年10月')
    expect((await api.office.get(`/api/v1/exports/reports?period=${bad}`)).statusCode).toBe(400)
    expect((await api.office.get('/api/v1/exports/reports')).statusCode).toBe(400)
  })
})

describe('the petition disclosure export', () => {
  /** Receipt numbers of the data rows (the second column; the first is 序号). */
  const receipts = (rows: unknown[][]) => rows.map((r) => r[1])

  it('has 序号, the columns cities publish, the investigation, dates as dates and numbers as numbers', async () => {
    const x = await download(api.office, `/api/v1/exports/petitions?batch=${batchId}`)
    expect(x.header).toEqual([
      '序号',
      '受理编号',
      '交办批次',
      '交办日期',
      '行政区域',
      '污染类型',
      '交办问题基本情况',
      '调查核实情况',
      '是否属实',
      '处理和整改情况',
      '问责情况',
      '办理状态',
      '办结日期',
      '责令整改（家）',
      '立案处罚（家）',
      '罚款（万元）',
      '拘留（人）',
      '约谈（人）',
      '问责（人）',
    ])
    const closed = x.rows.find((r) => r[1] === 'X2026-001')!
    expect(closed.slice(0, 13)).toEqual([
      1,
      'X2026-001',
      '第1批',
      new Date('2026-10-08T00:00:00Z'),
      '甲县',
      '大气、噪声',
      'X2026-001 某厂夜间排放异味',
      '经现场核查，该厂夜间生产时废气收集不到位，异味扰民属实。',
      '属实',
      '已责令停产整改',
      undefined,
      '已办结',
      new Date('2026-10-21T00:00:00Z'),
    ])
    expect(closed[13]).toBe(1)
    expect(closed[15]).toBe(2.5)
    const row = x.sheet.getRow(4)
    expect(row.getCell(4).numFmt).toBe('yyyy"年"m"月"d"日"')
    expect(row.getCell(13).numFmt).toBe('yyyy"年"m"月"d"日"')
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.Date)
  })

  it('leaves out the cases not yet handed to a unit, and numbers the rest 1, 2, …', async () => {
    const x = await download(api.office, `/api/v1/exports/petitions?batch=${batchId}`)
    expect(receipts(x.rows)).toEqual(['X2026-001', 'X2026-002'])
    expect(x.rows.map((r) => r[0])).toEqual([1, 2])
  })

  it('lists receipt numbers in natural order: D3600000-99 before D3600000-123', async () => {
    const db = t.database.db
    const other = await makeRound(db)
    const nos = ['D3600000-123', 'D3600000-99', 'D3600000-0100', 'D3600000-7']
    const batch = await makePetitions(
      db,
      other,
      nos.map((receiptNo) => ({ unit: w.units.countyA, receiptNo })),
    )
    const x = await download(api.office, `/api/v1/exports/petitions?batch=${batch}`)
    expect(receipts(x.rows)).toEqual(['D3600000-7', 'D3600000-99', 'D3600000-0100', 'D3600000-123'])
  })

  it('never carries the complainant, for any role that may export', async () => {
    for (const k of ['office', 'lead', 'unitA', 'unitB', 'leader', 'auditor'] as const) {
      const x = await download(api[k], `/api/v1/exports/petitions?round=${round.id}`)
      const text = x.cells.join('\n')
      expect(text, k).not.toContain(COMPLAINANT.name)
      expect(text, k).not.toContain(COMPLAINANT.contact)
      if (k === 'office') expect(receipts(x.rows)).toEqual(['X2026-001', 'X2026-002'])
    }
  })

  it('gives a county only the cases its subtree handles', async () => {
    expect(
      receipts((await download(api.unitA, `/api/v1/exports/petitions?round=${round.id}`)).rows),
    ).toEqual(['X2026-001'])
    expect(receipts((await download(api.townA, '/api/v1/exports/petitions')).rows)).toEqual([])
  })
})

describe('the accountability counts export', () => {
  it('counts records by unit and form within the dates, with a total row', async () => {
    const x = await download(
      api.office,
      '/api/v1/exports/accountability?from=2026-01-01&to=2026-12-31',
    )
    const talk = x.header.indexOf('约谈')
    const criticism = x.header.indexOf('通报批评')
    const total = x.header.indexOf('合计')
    const row = (name: string) => x.rows.find((r) => r[0] === name)!
    expect(row('甲县')[talk]).toBe(1)
    expect(row('乙县')[criticism]).toBe(2)
    expect(row('乙县')[talk]).toBe(0)
    expect(row('合计')[total]).toBe(3)
  })

  it("gives a county only its own unit's counts", async () => {
    const x = await download(api.unitA, '/api/v1/exports/accountability')
    expect(x.rows.map((r) => r[0])).toEqual(['甲县', '合计'])
  })
})

describe('exports and the audit log', () => {
  it('writes one entry per export naming what, the filters and the rows', async () => {
    const before = await countAudits()
    await download(api.unitA, `/api/v1/exports/measures?round=${round.id}`)
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'export.downloaded'), sql`${auditLog.after}->>'what' = 'measures'`),
      )
    expect(await countAudits()).toBe(before + 1)
    expect(rows.at(-1)!.after).toMatchObject({
      what: 'measures',
      filters: { round: round.id },
      rows: 2,
    })
  })

  it('refuses roles outside the policy (admin reads no petitions) with 403', async () => {
    expect((await api.admin.get('/api/v1/exports/petitions')).statusCode).toBe(403)
  })
})

async function countAudits() {
  const [r] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(eq(auditLog.action, 'export.downloaded'))
  return r!.n
}
