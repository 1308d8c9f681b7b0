import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './build-app.js'
import { readXlsx } from './export-factories.js'
import { as, makeWorld } from './factories.js'
import { makeMeasure, makeProblem, makeRound } from './ledger-factories.js'

/**
 * The exported workbooks read back with exceljs, as a clerk would find them in Excel: cell types
 * and number formats, frozen panes, print setup (A3 landscape, one page wide, the rows above the
 * data repeated on every page, page numbers in the footer).
 */
let t: TestApp
let w: Awaited<ReturnType<typeof makeWorld>>
let round: Awaited<ReturnType<typeof makeRound>>
let office: Awaited<ReturnType<typeof as>>
const DATE_FORMAT = 'yyyy"年"m"月"d"日"'
const DESCRIPTION = '城南片区雨污管网混接，旱季仍有污水直排入河。'.repeat(8)

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.db
  w = await makeWorld(db)
  round = await makeRound(db, { name: '第二轮第五批中央生态环境保护督察' })
  office = await as(t.app, w.users.office)
  // Inserted in text order (第1项, 第10项, 第11项 …), which is not the order an office reads.
  const codes = Array.from({ length: 20 }, (_, i) => `第${i + 1}项`).sort()
  for (const code of codes)
    await makeProblem(db, {
      round,
      leadUnit: w.units.eeb,
      code,
      title: `问题${code}`,
      description: code === '第2项' ? DESCRIPTION : '',
      status: 'in_progress',
      deadline: '2026-11-16',
      reportedProgress: code === '第2项' ? 35 : 0,
    })
})
afterAll(() => t.close())

async function download(url: string) {
  const res = await office.get(url)
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
  return readXlsx(res.rawPayload)
}

/** What every exported table shares: frozen rows above the data, print setup, footer, filter. */
function expectPrintable(sheet: ExcelJS.Worksheet, columns: number) {
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
  expect(sheet.pageSetup).toMatchObject({
    paperSize: 8,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:3',
  })
  expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页')
  expect(sheet.getRow(1).getCell(1).isMerged).toBe(true)
  expect(sheet.getRow(3).getCell(1).font?.bold).toBe(true)
  for (let c = 1; c <= columns; c++) expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(6)
}

describe('the ledger export (整改台账)', () => {
  it('is titled with the round, lays out a printable A3 table and keeps 序号..问题 in view', async () => {
    const x = await download(`/api/v1/exports/problems?round=${round.id}`)
    expect(x.sheet.getCell('A1').value).toBe('第二轮第五批中央生态环境保护督察反馈问题整改台账')
    expect(String(x.sheet.getCell('A2').value)).toMatch(
      /^截至\d{4}年\d{1,2}月\d{1,2}日\u3000共20项$/,
    )
    expectPrintable(x.sheet, x.header.length)
    expect(x.sheet.views[0]).toMatchObject({ xSplit: 3 })
    expect(x.sheet.autoFilter).toBe(
      `A3:${x.sheet.getRow(3).getCell(x.header.length).address.replace(/\d+$/, '')}3`,
    )
  })

  it('has the full description in its own column next to the title', async () => {
    const x = await download(`/api/v1/exports/problems?round=${round.id}`)
    expect(x.header.slice(0, 4)).toEqual(['序号', '问题编号', '督察反馈问题', '问题描述'])
    const two = x.rows.find((r) => r[1] === '第2项')!
    expect(two[2]).toBe('问题第2项')
    expect(two[3]).toBe(DESCRIPTION)
  })

  it('writes dates as dates shown 2026年11月16日, progress as percentages, 序号 as numbers', async () => {
    const x = await download(`/api/v1/exports/problems?round=${round.id}`)
    const col = (h: string) => x.header.indexOf(h) + 1
    const rowNo = 4 + x.rows.findIndex((r) => r[1] === '第2项')
    const row = x.sheet.getRow(rowNo)
    for (const h of ['整改时限', '截止日期']) {
      expect(row.getCell(col(h)).type, h).toBe(ExcelJS.ValueType.Date)
      expect(row.getCell(col(h)).value, h).toEqual(new Date('2026-11-16T00:00:00Z'))
      expect(row.getCell(col(h)).numFmt, h).toBe(DATE_FORMAT)
    }
    expect(row.getCell(col('实际进度')).value).toBe(0.35)
    expect(row.getCell(col('实际进度')).numFmt).toBe('0%')
    expect(row.getCell(col('序时进度')).type).toBe(ExcelJS.ValueType.Number)
    expect(row.getCell(col('序号')).value).toBe(2)
    expect(row.getCell(col('销号日期')).value).toBeNull()
  })

  it('has the collective responsibility the import recorded, beside the units, and in the API', async () => {
    const { problems } = await import('../src/db/schema/index.js')
    const { eq } = await import('drizzle-orm')
    const db = t.database.db
    const r3 = await makeRound(db)
    const p = await makeProblem(db, { round: r3, leadUnit: w.units.eeb, code: '第1项' })
    const phrase = '各县（市、区）人民政府、市直有关单位'
    await db.update(problems).set({ collectiveUnits: phrase }).where(eq(problems.id, p.id))
    const x = await download(`/api/v1/exports/problems?round=${r3.id}`)
    const at = x.header.indexOf('集体责任')
    expect(x.header[at - 1]).toBe('责任单位')
    expect(x.rows[0]![at]).toBe(phrase)
    const one = await office.get(`/api/v1/problems/${p.id}`)
    expect(one.statusCode, one.body).toBe(200)
    expect(one.json<{ collectiveUnits: string }>().collectiveUnits).toBe(phrase)
  })

  it('lists 第1项..第20项 in natural order', async () => {
    const x = await download(`/api/v1/exports/problems?round=${round.id}`)
    expect(x.rows.map((r) => r[1])).toEqual(Array.from({ length: 20 }, (_, i) => `第${i + 1}项`))
    expect(x.rows.map((r) => r[0])).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  })
})

describe('the measures export', () => {
  it('prints like the ledger, with percentages and dates typed', async () => {
    const db = t.database.db
    const r2 = await makeRound(db)
    const p = await makeProblem(db, { round: r2, leadUnit: w.units.eeb, code: '第1项' })
    await makeMeasure(db, { problem: p, unit: w.units.eeb, deadline: '2026-12-31' })
    const x = await download(`/api/v1/exports/measures?round=${r2.id}`)
    expectPrintable(x.sheet, x.header.length)
    const row = x.sheet.getRow(4)
    const col = (h: string) => x.header.indexOf(h) + 1
    expect(row.getCell(col('完成时限')).numFmt).toBe(DATE_FORMAT)
    expect(row.getCell(col('完成进度')).numFmt).toBe('0%')
    expect(row.getCell(col('完成进度')).type).toBe(ExcelJS.ValueType.Number)
    expect(row.getCell(col('措施序号')).type).toBe(ExcelJS.ValueType.Number)
  })
})
