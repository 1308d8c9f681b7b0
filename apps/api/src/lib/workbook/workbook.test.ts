import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readTable, readWorkbook } from './index.js'

const FIELDS = {
  seq: ['序号'],
  title: ['督察反馈问题'],
  units: ['责任单位'],
  leadLeader: ['牵头市领导'],
  deadline: ['整改时限'],
  measures: ['整改措施'],
}

async function twoRowHeader(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('任务')
  ws.addRow(['附件1'])
  ws.addRow(['江州市整改方案任务清单'])
  ws.addRow(['序号', '督察反馈问题', '整改责任', '', '整改時限', '整改措施'])
  ws.addRow(['', '', '責任單位', '牵头市领导', '', ''])
  ws.addRow(['1', '大氣污染问题', '灃西新城', '张三（副市长）', '２０２３年６月底前', '1.措施一'])
  ws.addRow(['', '', '', '', '', '2.措施二'])
  ws.addRow(['填表说明：1.本表由…'])
  ws.mergeCells(2, 1, 2, 6)
  for (const c of [1, 2, 5, 6]) ws.mergeCells(3, c, 4, c)
  ws.mergeCells(3, 3, 3, 4)
  ws.mergeCells(5, 1, 6, 1)
  ws.mergeCells(5, 2, 6, 2)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('readTable', () => {
  it('reads a two-row merged header under title rows, leaves the notes out', async () => {
    const sheet = await readWorkbook(await twoRowHeader())
    const t = readTable(sheet, { fields: FIELDS, merged: 'blank' })!
    expect(t.headerRows).toEqual([3, 4])
    expect(t.columns.map((c) => [c.letter, c.header, c.group, c.field])).toEqual([
      ['A', '序号', null, 'seq'],
      ['B', '督察反馈问题', null, 'title'],
      ['C', '责任单位', '整改责任', 'units'],
      ['D', '牵头市领导', '整改责任', 'leadLeader'],
      ['E', '整改时限', null, 'deadline'],
      ['F', '整改措施', null, 'measures'],
    ])
    expect(t.records).toEqual([
      {
        rowNo: 5,
        cells: [
          '1',
          '大氣污染问题',
          '灃西新城',
          '张三（副市长）',
          '２０２３年６月底前',
          '1.措施一',
        ],
      },
      { rowNo: 6, cells: ['', '', '', '', '', '2.措施二'] },
    ])
    expect(t.skipped).toEqual([{ rowNo: 7, kind: 'note', text: '填表说明：1.本表由…' }])
    const filled = readTable(sheet, { fields: FIELDS, merged: 'fill' })!
    expect(filled.records[1]!.cells.slice(0, 2)).toEqual(['1', '大氣污染问题'])
  })
})
