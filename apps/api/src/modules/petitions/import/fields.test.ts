import { describe, expect, it } from 'vitest'
import {
  parseCount,
  parseDomains,
  parseFines,
  parseFinding,
  parseKeyCase,
  parseReceipt,
  regionMatcher,
  synonymField,
  HEADER_SYNONYMS,
} from './fields.js'
import { readTable, readWorkbook, type WorkbookSheet } from '../../../lib/workbook/index.js'
import { parseSheet } from './rows.js'
import { sampleCases, buildSampleBatch } from './sample.js'

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) => {
  if (!r.ok) throw new Error(r.message)
  return r.value
}

describe('petition import cells', () => {
  it.each([
    ['收件\n编号', 'receiptNo'],
    ['受理 编号', 'receiptNo'],
    ['信访件编号', 'receiptNo'],
    ['所属\n区域', 'region'],
    ['所属地区', 'region'],
    ['反映对象', 'reportedParty'],
    ['被反映对象地址', 'address'],
    ['环境问题类型', 'domain'],
    ['交办问题\n基本情况', 'complaint'],
    ['调查核实情况（属实与否）', 'finding'],
    ['整改落实情况', 'measures'],
    ['罚款金额\n（万元）', 'finesWan'],
    ['问责(人)', 'heldAccountable'],
    ['问责情况', 'accountability'],
    ['序号', 'seq'],
    ['所属企业单位', 'reportedParty'],
    ['涉及单位', 'reportedParty'],
    ['处理及整改情况', 'measures'],
    ['處理和整改情況', 'measures'],
  ])('maps the header %j to %s', (header, field) => {
    expect(synonymField(header)).toBe(field)
  })

  it('leaves an unknown header unmapped', () => {
    expect(synonymField('督察组意见')).toBeNull()
  })

  it('keeps receipt numbers as trimmed strings in every form', () => {
    expect(value(parseReceipt(' X3HB202406020025 '))).toBe('X3HB202406020025')
    expect(value(parseReceipt('D2ZGHJ202108310001'))).toBe('D2ZGHJ202108310001')
    expect(value(parseReceipt('202406020001'))).toBe('202406020001')
    expect(parseReceipt('').ok).toBe(false)
    expect(parseReceipt('X3 HB').ok).toBe(false)
  })

  it('splits several domains and maps their words', () => {
    expect(value(parseDomains('大气、噪声'))).toEqual(['air', 'noise'])
    expect(value(parseDomains('废水，垃圾; 扬尘'))).toEqual(['water', 'solid_waste', 'air'])
    expect(value(parseDomains('黑臭水体/矿山'))).toEqual(['water', 'ecology'])
    expect(value(parseDomains('大气污染'))).toEqual(['air'])
    expect(value(parseDomains(''))).toEqual([])
    const bad = parseDomains('大气、辐射')
    expect(bad.ok || bad.message).toContain('辐射')
  })

  it('matches regions by name, without the suffix, several at once', () => {
    const match = regionMatcher([
      { id: 'a', code: 'LH', name: '临湖县', kind: 'county' },
      { id: 'b', code: 'JD', name: '江东区', kind: 'county' },
      { id: 'c', code: 'QS', name: '青山镇', kind: 'township' },
    ])
    expect(value(match('临湖县')).map((u) => u.id)).toEqual(['a'])
    expect(value(match('临湖')).map((u) => u.id)).toEqual(['a'])
    expect(value(match('江东区、临湖县')).map((u) => u.id)).toEqual(['b', 'a'])
    const bad = match('海州市')
    expect(bad.ok || bad.message).toContain('海州市')
  })

  it('reads findings, key-case flags, counts and fines', () => {
    expect(value(parseFinding('属实'))).toBe('true')
    expect(value(parseFinding('是'))).toBe('true')
    expect(value(parseFinding('基本属实'))).toBe('mostly_true')
    expect(value(parseFinding('部分属实'))).toBe('partly_true')
    expect(value(parseFinding('否'))).toBe('untrue')
    expect(value(parseFinding(''))).toBeNull()
    expect(parseFinding('待核实').ok).toBe(false)
    expect(value(parseKeyCase('√'))).toBe(true)
    expect(value(parseKeyCase('重点'))).toBe(true)
    expect(value(parseKeyCase(''))).toBe(false)
    expect(value(parseCount(''))).toBeNull()
    expect(value(parseCount('0'))).toBe(0)
    expect(value(parseCount('3家'))).toBe(3)
    expect(value(parseCount('2人'))).toBe(2)
    expect(parseCount('-1').ok).toBe(false)
    expect(parseCount('1.5').ok).toBe(false)
    expect(value(parseFines(''))).toBeNull()
    expect(value(parseFines('1.5'))).toBe(1.5)
    expect(value(parseFines('20万元'))).toBe(20)
    expect(parseFines('很多').ok).toBe(false)
  })
})

describe('petition import sheet', () => {
  it('finds the header row under a title and reads a grouped sub-header', () => {
    const sheet: WorkbookSheet = {
      name: 'x',
      format: 'xlsx',
      rows: [
        { rowNo: 1, cells: ['第三批交办信访件办理情况'] },
        { rowNo: 2, cells: ['收件编号', '行政区域', '处理情况', '处理情况'] },
        { rowNo: 3, cells: ['收件编号', '行政区域', '责令整改(家)', '罚款金额(万元)'] },
        { rowNo: 4, cells: ['X1', '临湖县', '1', ''] },
      ],
      merges: [],
    }
    const table = readTable(sheet, { fields: HEADER_SYNONYMS })
    expect(table).toMatchObject({ headerRows: [2, 3], records: [{ rowNo: 4 }] })
    expect(table!.columns.map((c) => c.header)).toEqual([
      '收件编号',
      '行政区域',
      '责令整改(家)',
      '罚款金额(万元)',
    ])
  })

  it('lets the user map or ignore a column, before remembered choices and synonyms', () => {
    const sheet: WorkbookSheet = {
      name: 'x',
      format: 'xlsx',
      rows: [{ rowNo: 1, cells: ['收件编号', '督察组意见', '备注', '信访内容'] }],
      merges: [],
    }
    const table = readTable(sheet, {
      fields: HEADER_SYNONYMS,
      mapping: { 督察组意见: 'measures', 信访内容: null },
      remembered: new Map([['备注', 'accountability' as const]]),
    })
    expect(table!.columns.map((c) => [c.field, c.by])).toEqual([
      ['receiptNo', 'synonym'],
      ['measures', 'mapping'],
      ['accountability', 'mapping'],
      [null, 'mapping'],
    ])
  })

  it('reads the generated sample: numbers as strings, blank counts, the invalid rows', async () => {
    const sheet = await readWorkbook(await buildSampleBatch({ kind: 'invalid' }))
    const units = ['江东区', '江西区', '临湖县', '青山县', '平川县', '云溪县'].map((name, i) => ({
      id: String(i),
      code: String(i),
      name,
      kind: 'county',
    }))
    const parsed = parseSheet(sheet, {
      mapping: {},
      remembered: new Map(),
      matchRegions: regionMatcher(units),
    })
    const sample = sampleCases({ kind: 'invalid' })
    expect(parsed.cases).toHaveLength(50)
    expect(parsed.missingFields).toEqual([])
    expect(parsed.errors.map((e) => ({ row: e.row, column: e.column }))).toEqual(sample.errors)
    expect(parsed.cases[0]!.receiptNo).toBe(String(sample.cases[0]!.receipt))
    expect(parsed.cases[0]!.ordersToRectify).toBeNull()
    expect(parsed.cases.find((c) => c.regions.length === 2)).toBeTruthy()
    expect(parsed.cases.find((c) => c.domains.length === 2)).toBeTruthy()
  })
})
