import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  DispatchPeriod,
  PetitionImportReport,
  ProblemImportReport,
  ProgressImportReport,
} from '@rectify/schemas'
import { petitionBatches } from '../src/db/schema/index.js'
import { shanghaiDate } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { annotatedFileName } from '../src/lib/xlsx-annotate.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, login, makeUnit, makeWorld } from './factories.js'
import { xls } from './fixtures/workbooks.js'
import { makeProblem, makeRound } from './ledger-factories.js'
import { progressSheet } from './progress-import-factories.js'
import { uploadXlsx } from './problem-import-factories.js'

/**
 * The error workbook of every import: the user's own file back with each bad cell filled and
 * given a 批注, read back here with exceljs — the cell the report names, the layout kept.
 */

let t: TestApp
let w: Awaited<ReturnType<typeof makeWorld>>
let office: Awaited<ReturnType<typeof as>>
let unitA: Awaited<ReturnType<typeof as>>
let officeToken: string
let round: Awaited<ReturnType<typeof makeRound>>
let roundId: string
const Y = Number(shanghaiDate().slice(0, 4)) + 1
const RED = 'FFFFC7CE'
const YELLOW = 'FFFFEB9C'

beforeAll(async () => {
  t = await createTestApp()
  w = await makeWorld(t.database.db)
  await makeUnit(t.database.db, { parent: w.units.city, name: '市住建局' })
  officeToken = (await login(t.app, w.users.office.username)).accessToken
  office = await as(t.app, w.users.office)
  unitA = await as(t.app, w.users.unitA)
  round = await makeRound(t.database.db)
  roundId = round.id
})
afterAll(() => t?.close())

async function open(data: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data as unknown as ArrayBuffer)
  return wb
}
const fillOf = (c: ExcelJS.Cell) => {
  const f = c.fill as ExcelJS.FillPattern | undefined
  return f?.type === 'pattern' ? (f.fgColor?.argb ?? null) : null
}
const noteOf = (c: ExcelJS.Cell) => {
  const n = c.note
  if (!n) return ''
  return typeof n === 'string' ? n : (n.texts ?? []).map((x) => x.text).join('')
}
/** Every filled cell of the first sheet, as address → colour. */
function filled(ws: ExcelJS.Worksheet): Record<string, string> {
  const out: Record<string, string> = {}
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      const f = fillOf(c)
      if (f) out[c.address] = f
    }),
  )
  return out
}
/** The filename* of an RFC 5987 Content-Disposition, decoded. */
const fileName = (header: unknown) =>
  decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(header))![1]!)

/**
 * A task table as a city holds it: a title row merged across, a two-row header with 整改责任
 * merged over 牵头单位 | 配合单位, set widths, one bordered style shared by every data cell, and
 * a notes row. Row 5 names an unknown unit (C5), row 6 an unreadable deadline (E6), row 7 an
 * unknown mode (F7); row 4 is clean.
 */
async function taskTable(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('任务清单')
  ws.addRow(['江州市整改任务清单'])
  ws.addRow(['序号', '督察反馈问题', '整改责任', null, '整改时限', '整改方式'])
  ws.addRow([null, null, '牵头单位', '配合单位', null, null])
  ws.addRow([1, '城区扬尘管控不到位', '市住建局', '', `${Y}年底前`, ''])
  ws.addRow([2, '河道采砂监管不力', '市不存在局', '', `${Y}年6月底前`, ''])
  ws.addRow([3, '工地扬尘', '市住建局', '', '看情况再说', ''])
  ws.addRow([4, '水源地违建', '市住建局', '', `${Y}年底前`, '随便改改'])
  ws.addRow(['填表说明：序号按问题编排。'])
  for (const m of ['A1:F1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3']) ws.mergeCells(m)
  ws.getColumn(2).width = 40
  ws.getColumn(5).width = 22
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' } }
  for (let r = 4; r <= 7; r++) for (let c = 1; c <= 6; c++) ws.getCell(r, c).border = border
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('the problem-list import error workbook', () => {
  it('names each bad cell in the report and marks exactly those cells, keeping the layout', async () => {
    const fileId = await uploadXlsx(t.app, officeToken, await taskTable(), '江州市任务清单.xlsx')
    const dry = await office.post(`/api/v1/rounds/${roundId}/problem-import`, { fileId })
    expect(dry.statusCode, dry.body).toBe(200)
    const report = dry.json<ProblemImportReport>()
    expect(report.errors.map((e) => [e.row, e.cell, e.column])).toEqual([
      [5, 'C5', '牵头单位'],
      [6, 'E6', '整改时限'],
      [7, 'F7', '整改方式'],
    ])

    const res = await office.post(`/api/v1/rounds/${roundId}/problem-import/errors`, { fileId })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(fileName(res.headers['content-disposition'])).toBe('江州市任务清单-错误标注.xlsx')
    const wb = await open(res.rawPayload)
    const ws = wb.worksheets[0]!
    expect(ws.name).toBe('任务清单')
    expect(filled(ws)).toEqual({ C5: RED, E6: RED, F7: RED })
    for (const [ref, e] of [
      ['C5', report.errors[0]!],
      ['E6', report.errors[1]!],
      ['F7', report.errors[2]!],
    ] as const) {
      expect(noteOf(ws.getCell(ref))).toBe(`错误：${e.message}`)
      expect(noteOf(ws.getCell(ref))).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(noteOf(ws.getCell('C4'))).toBe('')
    // The layout the clerk knows: title merged across, the two-row header, widths, borders.
    expect([...(ws.model.merges ?? [])].sort()).toEqual(
      ['A1:F1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3'].sort(),
    )
    expect(ws.getCell('A1').text).toBe('江州市整改任务清单')
    expect(ws.getCell('C3').text).toBe('牵头单位')
    expect(ws.getColumn(2).width).toBe(40)
    expect(ws.getColumn(5).width).toBe(22)
    expect(ws.getCell('C5').border?.top?.style).toBe('thin')
    expect(ws.getCell('A8').text).toBe('填表说明：序号按问题编排。')
    // The list of everything, after the table.
    const list = wb.worksheets[1]!
    expect(list.name).toBe('错误清单')
    expect([2, 3, 4].map((r) => list.getCell(r, 1).text)).toEqual(['C5', 'E6', 'F7'])
    expect(list.getCell(2, 4).text).toBe(report.errors[0]!.message)
  })

  it('marks a row-level problem over the row and a past deadline in yellow', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Sheet1')
    ws.addRow(['序号', '督察反馈问题', '牵头单位', '整改时限'])
    ws.addRow([1, '城区扬尘', '市住建局', '2020年底前'])
    ws.addRow([1, '重复的编号', '市住建局', `${Y}年底前`])
    const fileId = await uploadXlsx(t.app, officeToken, Buffer.from(await wb.xlsx.writeBuffer()))
    const res = await office.post(`/api/v1/rounds/${roundId}/problem-import/errors`, { fileId })
    expect(res.statusCode, res.body).toBe(200)
    const out = (await open(res.rawPayload)).worksheets[0]!
    // Row 2: the deadline is past (a warning to acknowledge); row 3 repeats code 1 (序号, A3).
    expect(filled(out)).toEqual({ D2: YELLOW, A3: RED })
    expect(noteOf(out.getCell('D2'))).toMatch(/^提示：整改时限.*已过/)
    expect(noteOf(out.getCell('A3'))).toMatch(/^错误：编号“1”在表中重复/)
  })

  it('answers an .xls upload with an .xlsx that keeps its merged header and marks the cell', async () => {
    const rows = [
      ['江州市整改任务清单'],
      ['序号', '督察反馈问题', '整改责任', null, '整改时限'],
      [null, null, '牵头单位', '配合单位', null],
      [1, '城区扬尘管控不到位', '市住建局', '', `${Y}年底前`],
      [2, '河道采砂监管不力', '市住建局', '市没有局', `${Y}年底前`],
    ]
    const merges: [number, number, number, number][] = [
      [1, 1, 1, 5],
      [2, 1, 3, 1],
      [2, 2, 3, 2],
      [2, 3, 2, 4],
      [2, 5, 3, 5],
    ]
    const fileId = await uploadXlsx(t.app, officeToken, xls(rows, merges), '任务表(2003).xls')
    const res = await office.post(`/api/v1/rounds/${roundId}/problem-import/errors`, { fileId })
    expect(res.statusCode, res.body).toBe(200)
    expect(fileName(res.headers['content-disposition'])).toBe('任务表(2003)-错误标注.xlsx')
    const ws = (await open(res.rawPayload)).worksheets[0]!
    expect(filled(ws)).toEqual({ D5: RED })
    expect(noteOf(ws.getCell('D5'))).toContain('市没有局')
    expect([...(ws.model.merges ?? [])].sort()).toEqual(
      ['A1:E1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3'].sort(),
    )
    expect(ws.getCell('B4').text).toBe('城区扬尘管控不到位')
    expect(ws.getCell('A4').value).toBe(1)
  })

  it('is the office’s, for its own upload only: a unit is refused, another user’s file is not found', async () => {
    const fileId = await uploadXlsx(t.app, officeToken, await taskTable())
    const url = `/api/v1/rounds/${roundId}/problem-import/errors`
    expect((await unitA.post(url, { fileId })).statusCode).toBe(403)
    const other = await uploadXlsx(
      t.app,
      (await login(t.app, w.users.lead.username)).accessToken,
      await taskTable(),
    )
    expect((await office.post(url, { fileId: other })).statusCode).toBe(404)
    expect((await office.post(url, { fileId, extra: 1 })).statusCode).toBe(422)
  })
})

describe('the petition import error workbook', () => {
  it('marks the bad region cell and the repeated receipt number', async () => {
    const [batch] = await t.database.db
      .insert(petitionBatches)
      .values({ id: uuidv7(), roundId, seq: 1, handedOn: '2024-06-02', source: 'central' })
      .returning()
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('交办件')
    ws.addRow(['第一批交办信访件'])
    ws.mergeCells('A1:D1')
    ws.addRow(['序号', '收件编号', '行政区域', '交办问题基本情况'])
    ws.addRow([1, 'X-001', '火星区', '某厂夜间偷排废水'])
    ws.addRow([2, 'X-002', '', '工地扬尘'])
    ws.addRow([3, 'X-002', '', '工地扬尘再次反映'])
    const fileId = await uploadXlsx(
      t.app,
      officeToken,
      Buffer.from(await wb.xlsx.writeBuffer()),
      '交办件.xlsx',
    )
    const body = { fileId }
    const dry = await office.post(`/api/v1/petition-batches/${batch!.id}/import`, body)
    expect(dry.statusCode, dry.body).toBe(200)
    const r = dry.json<PetitionImportReport>()
    expect(r.errors.map((e) => [e.row, e.cell])).toEqual([
      [3, 'C3'],
      [5, 'B5'],
    ])
    const res = await office.post(`/api/v1/petition-batches/${batch!.id}/import/errors`, body)
    expect(res.statusCode, res.body).toBe(200)
    expect(fileName(res.headers['content-disposition'])).toBe('交办件-错误标注.xlsx')
    const out = (await open(res.rawPayload)).worksheets[0]!
    expect(filled(out)).toEqual({ C3: RED, B5: RED })
    expect(noteOf(out.getCell('B5'))).toBe(`错误：${r.errors[1]!.message}`)
    expect(out.model.merges).toEqual(['A1:D1'])
  })
})

describe('the progress-table import error workbook', () => {
  it('marks the cell under a two-row merged header, a title and a 填报单位 line', async () => {
    const db = t.database.db
    await makeProblem(db, {
      round,
      code: '反馈问题第12项',
      title: '污水处理厂超标排放',
      leadUnit: w.units.eeb,
      status: 'in_progress',
    })
    const res0 = await office.post('/api/v1/dispatch-periods', {
      roundId,
      period: '2026-11',
      title: '2026年11月调度',
      dueDate: '2026-11-30',
    })
    expect(res0.statusCode, res0.body).toBe(201)
    const period = res0.json<DispatchPeriod>()
    const data = await progressSheet({
      rows: [
        {
          code: '反馈问题第12项',
          unit: '甲县人民政府',
          progress: '完成提标改造主体工程',
          completion: '差不多了',
          percent: '80%',
        },
      ],
    })
    const fileId = await uploadXlsx(t.app, officeToken, data, '甲县11月进展.xlsx')
    const url = `/api/v1/dispatch-periods/${period.id}/progress-import`
    const dry = await office.post(url, { fileId })
    expect(dry.statusCode, dry.body).toBe(200)
    const r = dry.json<ProgressImportReport>()
    // 序号 问题编号 反馈问题 责任单位 | 整改进展 是否完成 完成进度 | …: 是否完成 is F; row 5.
    const bad = r.errors.find((e) => e.message.includes('差不多了'))!
    expect([bad.row, bad.cell, bad.column]).toEqual([5, 'F5', '是否完成'])
    const res = await office.post(`${url}/errors`, { fileId })
    expect(res.statusCode, res.body).toBe(200)
    expect(fileName(res.headers['content-disposition'])).toBe('甲县11月进展-错误标注.xlsx')
    const out = (await open(res.rawPayload)).worksheets[0]!
    expect(filled(out)['F5']).toBe(RED)
    expect(noteOf(out.getCell('F5'))).toContain('差不多了')
    expect(out.getCell('F4').text).toBe('是否完成')
    expect(out.model.merges).toContain('A1:I1')
  })
})

describe('annotatedFileName', () => {
  it('keeps the stem and always answers .xlsx', () => {
    expect(annotatedFileName('任务清单.xls')).toBe('任务清单-错误标注.xlsx')
    expect(annotatedFileName('a/b/台账 2026.XLSX')).toBe('台账 2026-错误标注.xlsx')
    expect(annotatedFileName('.xlsx')).toBe('导入文件-错误标注.xlsx')
  })
})
