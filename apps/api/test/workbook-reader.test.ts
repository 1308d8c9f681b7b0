import { describe, expect, it } from 'vitest'
import {
  normalizeValue,
  readTable,
  readWorkbook,
  WorkbookRefusedError,
  type WorkbookSheet,
} from '../src/lib/workbook/index.js'
import {
  ONE_ROW,
  PETITION_FIELDS,
  TASK_FIELDS,
  THREE_ROW,
  TRADITIONAL,
  TWO_ROW,
  xls,
  xlsx,
} from './fixtures/workbooks.js'
import { xlsxBomb, xlsxDeclaring } from './fixtures/zip-bomb.js'

const cols = (t: ReturnType<typeof readTable>) =>
  t!.columns.map((c) => [c.letter, c.header, c.group, c.field])

async function refusal(p: Promise<unknown>): Promise<WorkbookRefusedError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(WorkbookRefusedError)
  return err as WorkbookRefusedError
}

describe('workbook reader: layouts', () => {
  it('one-row header under a title and a 填报单位 line; column numbers, total and notes left out', async () => {
    const sheet = await readWorkbook(await xlsx(ONE_ROW.rows, ONE_ROW.merges))
    const t = readTable(sheet, { fields: PETITION_FIELDS })!
    expect(t.titleRows.map((r) => r.rowNo)).toEqual([1, 2])
    expect(t.headerRows).toEqual([3])
    expect(cols(t)).toEqual([
      ['A', '序号', null, 'seq'],
      ['B', '收件编号', null, 'receiptNo'],
      ['C', '行政区域', null, 'region'],
      ['D', '交办问题基本情况', null, 'complaint'],
      ['E', '是否属实', null, 'finding'],
    ])
    expect(t.records).toEqual([
      { rowNo: 5, cells: ['1', '202406020025', '临湖县', '某厂夜间偷排废水', '属实'] },
      { rowNo: 6, cells: ['2', 'X-002', '江东区', '工地扬尘', '部分属实'] },
    ])
    expect(t.skipped.map((s) => [s.rowNo, s.kind])).toEqual([
      [4, 'column_numbers'],
      [7, 'total'],
      [8, 'note'],
      [9, 'note'],
    ])
  })

  it('two-row header with merged group cells: leaf labels win, the group is kept, the section row and notes are no tasks', async () => {
    const sheet = await readWorkbook(await xlsx(TWO_ROW.rows, TWO_ROW.merges))
    const t = readTable(sheet, { fields: TASK_FIELDS, merged: 'blank' })!
    expect(t.headerRows).toEqual([3, 4])
    expect(cols(t)).toEqual([
      ['A', '序号', null, 'seq'],
      ['B', '督察反馈问题', null, 'title'],
      ['C', '责任单位', '整改责任', 'units'],
      ['D', '牵头市领导', '整改责任', 'leadLeader'],
      ['E', '整改时限', null, 'deadline'],
      ['F', '整改措施', null, 'measures'],
    ])
    // Merged task cells read once (blank below) so the task's second row groups with it.
    expect(t.records).toEqual([
      {
        rowNo: 6,
        cells: [
          '1',
          '城区扬尘管控不到位',
          '市住建局',
          '张三（副市长）',
          '2025年6月底前',
          '1.开展工地巡查',
        ],
      },
      { rowNo: 7, cells: ['', '', '', '', '', '2.建立扬尘台账'] },
      {
        rowNo: 8,
        cells: ['2', '臭氧污染问题突出', '市生态环境局', '李四', '长期坚持', '加强VOCs治理'],
      },
    ])
    expect(t.skipped.map((s) => [s.rowNo, s.kind])).toEqual([
      [5, 'section'],
      [9, 'note'],
    ])
    // Filled, each row carries the merged values.
    const filled = readTable(sheet, { fields: TASK_FIELDS, merged: 'fill' })!
    expect(filled.records[1]!.cells).toEqual([
      '1',
      '城区扬尘管控不到位',
      '市住建局',
      '张三（副市长）',
      '2025年6月底前',
      '2.建立扬尘台账',
    ])
  })

  it('three-row header: every leaf under its groups, numbers as written', async () => {
    const sheet = await readWorkbook(await xlsx(THREE_ROW.rows, THREE_ROW.merges))
    const t = readTable(sheet, { fields: PETITION_FIELDS })!
    expect(t.headerRows).toEqual([2, 3, 4])
    expect(cols(t)).toEqual([
      ['A', '序号', null, 'seq'],
      ['B', '收件编号', null, 'receiptNo'],
      ['C', '是否属实', '办理情况', 'finding'],
      ['D', '责令整改(家)', '办理情况/处理情况', 'ordersToRectify'],
      ['E', '罚款金额(万元)', '办理情况/处理情况', 'finesWan'],
    ])
    expect(t.records.map((r) => r.cells)).toEqual([
      ['1', 'D3600000-01', '属实', '1', '2.5'],
      ['2', 'D3600000-02', '不属实', '0', '0'],
    ])
    expect(t.skipped).toEqual([{ rowNo: 7, kind: 'note', text: '注：罚款金额以万元计。' }])
  })

  it('traditional characters and full-width forms: labels matched, values kept as written and normalised for matching', async () => {
    const sheet = await readWorkbook(await xlsx(TRADITIONAL.rows, TRADITIONAL.merges))
    const t = readTable(sheet, { fields: PETITION_FIELDS })!
    expect(t.headerRows).toEqual([2])
    expect(cols(t)).toEqual([
      ['A', '序号', null, 'seq'],
      ['B', '收件编号', null, 'receiptNo'],
      ['C', '行政区域', null, 'region'],
      ['D', '被反映对象', null, 'reportedParty'],
      ['E', '交办问题基本情况', null, 'complaint'],
      ['F', '污染类型', null, 'domain'],
    ])
    const first = t.records[0]!.cells
    expect(first[2]).toBe('灃西新城')
    expect(first.map(normalizeValue)).toEqual([
      '1',
      'D3600000-01',
      '沣西新城',
      '某(一)号工厂',
      '废气直排,大气污染严重',
      '大气',
    ])
  })

  it('reads an .xls (Excel 97–2003) into the same model: values, merges, the two-row header', async () => {
    const buffer = xls(TWO_ROW.rows, TWO_ROW.merges, '任务清单')
    expect(buffer.subarray(0, 4).toString('hex')).toBe('d0cf11e0')
    const sheet = await readWorkbook(buffer)
    expect(sheet).toMatchObject({ name: '任务清单', format: 'xls' })
    expect(sheet.merges).toContainEqual({ top: 3, left: 3, bottom: 3, right: 4 })
    const t = readTable(sheet, { fields: TASK_FIELDS, merged: 'blank' })!
    expect(t.headerRows).toEqual([3, 4])
    expect(cols(t)).toEqual([
      ['A', '序号', null, 'seq'],
      ['B', '督察反馈问题', null, 'title'],
      ['C', '责任单位', '整改责任', 'units'],
      ['D', '牵头市领导', '整改责任', 'leadLeader'],
      ['E', '整改时限', null, 'deadline'],
      ['F', '整改措施', null, 'measures'],
    ])
    expect(t.records.map((r) => [r.rowNo, r.cells[0], r.cells[5]])).toEqual([
      [6, '1', '1.开展工地巡查'],
      [7, '', '2.建立扬尘台账'],
      [8, '2', '加强VOCs治理'],
    ])
  })

  it('never reads a header repeated further down as data, and lists unknown columns by name', () => {
    const sheet: WorkbookSheet = {
      name: 'x',
      format: 'xlsx',
      merges: [],
      rows: [
        { rowNo: 1, cells: ['序号', '收件编号', '交办问题基本情况', '督察组意见'] },
        { rowNo: 2, cells: ['1', 'A1', '噪声扰民', '从严'] },
        { rowNo: 3, cells: ['序号', '收件编号', '交办问题基本情况', '督察组意见'] },
        { rowNo: 4, cells: ['2', 'A2', '油烟', ''] },
      ],
    }
    const t = readTable(sheet, { fields: PETITION_FIELDS })!
    expect(t.records.map((r) => r.rowNo)).toEqual([2, 4])
    expect(t.skipped).toMatchObject([{ rowNo: 3, kind: 'header' }])
    expect(t.columns[3]).toMatchObject({
      letter: 'D',
      header: '督察组意见',
      field: null,
      by: 'none',
    })
  })

  it('finds no header where no row names two known fields', () => {
    const sheet: WorkbookSheet = {
      name: 'x',
      format: 'xlsx',
      merges: [],
      rows: [{ rowNo: 1, cells: ['甲', '乙'] }],
    }
    expect(readTable(sheet, { fields: PETITION_FIELDS })).toBeNull()
  })
})

describe('workbook reader: refusals', () => {
  it('refuses CSV, a Word document and a plain zip with the save-as message', async () => {
    const csv = await refusal(readWorkbook(Buffer.from('序号,收件编号\n1,A1\n')))
    expect(csv.reason).toBe('format')
    expect(csv.messageZh).toContain('请在 WPS/Excel 中另存为 .xlsx 或 .xls 后再导入')
    expect(csv.messageZh).toContain('CSV')
    const docx = await xlsxWithout()
    expect((await refusal(readWorkbook(docx))).reason).toBe('format')
  })

  it('refuses a sheet declaring more rows or columns than the limits, before reading it', async () => {
    const rows = await refusal(readWorkbook(xlsxDeclaring('A1:B2000000')))
    expect(rows.reason).toBe('too_many_rows')
    const wide = await refusal(readWorkbook(xlsxDeclaring('A1:ZZ10')))
    expect(wide.reason).toBe('too_many_columns')
  })

  it('refuses a 1 MB zip bomb of 1 GB, honest or lying about its size, with the process growing < 100 MB', async () => {
    for (const declare of ['honest', 'small'] as const) {
      const bomb = xlsxBomb({ inflatedMb: 1024, declare })
      expect(bomb.length).toBeLessThan(1.2 * 1024 * 1024)
      const before = process.memoryUsage().rss
      let peak = before
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2)
      const err = await refusal(readWorkbook(bomb))
      clearInterval(timer)
      peak = Math.max(peak, process.memoryUsage().rss)
      expect(err.reason).toBe('too_large')
      expect(peak - before).toBeLessThan(100 * 1024 * 1024)
    }
  })
})

/** A zip that is an Office package but not a workbook (no xl/workbook.xml). */
async function xlsxWithout(): Promise<Buffer> {
  const { default: yazl } = await import('yazl')
  const zip = new yazl.ZipFile()
  zip.addBuffer(Buffer.from('<Types/>'), '[Content_Types].xml')
  zip.addBuffer(Buffer.from('<w:document/>'), 'word/document.xml')
  zip.end()
  const chunks: Buffer[] = []
  for await (const c of zip.outputStream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}
