import { describe, expect, it } from 'vitest'
import { itemNumber, leadingCode, parseCompletion, parsePercent } from './fields.js'
import { codeIndex, parseRows } from './rows.js'
import { unitMatcher } from './units.js'

describe('what a progress table’s cells mean', () => {
  it.each([
    ['已完成', 'done'],
    [' 已完成。', 'done'],
    ['已完成整改', 'done'],
    ['基本完成', 'mostly_done'],
    ['未完成', 'not_done'],
    ['持续推进', 'ongoing'],
    ['長期堅持', 'ongoing'],
    ['', null],
    ['差不多', undefined],
  ])('是否完成 %j → %s', (text, want) => expect(parseCompletion(text)).toBe(want))

  it.each([
    ['80%', 80],
    ['８０％', 80],
    ['80', 80],
    ['0.8', 80],
    ['1', 1],
    ['100%', 100],
    ['', null],
    ['120%', undefined],
    ['约八成', undefined],
  ])('完成进度 %j → %s', (text, want) => expect(parsePercent(text)).toBe(want))

  it.each([
    ['反馈问题第12项', 12],
    ['第12项', 12],
    ['第十二项', 12],
    ['第二十项', 20],
    ['第一百零五项', 105],
    ['12', 12],
    ['１２', 12],
    ['D3600000-0123', null],
    ['', null],
  ])('the item number of %j is %s', (text, want) => expect(itemNumber(text)).toBe(want))

  it('finds the code a title cell starts with', () => {
    expect(leadingCode('反馈问题第3项：城区黑臭水体治理不到位')).toBe('反馈问题第3项')
    expect(leadingCode('第十二项 污水处理厂')).toBe('第十二项')
    expect(leadingCode('城区黑臭水体')).toBe('')
  })

  it('matches by whole code first, then by an item number only one problem has', () => {
    const find = codeIndex([
      { code: '反馈问题第12项' },
      { code: '反馈问题第3项' },
      { code: '信访件第3项' },
      { code: '信访件 D3600000-0123' },
    ])
    expect(find({ codeKey: '反馈问题第12项', item: 12 })?.code).toBe('反馈问题第12项')
    expect(find({ codeKey: '12', item: 12 })?.code).toBe('反馈问题第12项')
    // Two problems are item 3: the number alone names neither.
    expect(find({ codeKey: '第3项', item: 3 })).toBeNull()
    // A receipt number is compared whole, spaces aside.
    expect(find({ codeKey: '信访件D3600000-0123', item: null })?.code).toBe('信访件 D3600000-0123')
    expect(find({ codeKey: '信访件D3600000-0124', item: null })).toBeNull()
  })

  it('reads unit names with 人民政府, marks, traditional characters and several in one cell', () => {
    const match = unitMatcher([
      { id: '1', code: 'A', name: '甲县人民政府', path: '/c/a/' },
      { id: '2', code: 'E', name: '市生态环境局', path: '/c/e/' },
      { id: '3', code: 'W', name: '灃西新城管委会', path: '/c/w/' },
    ])
    expect(match('甲县').units.map((u) => u.id)).toEqual(['1'])
    expect(match('市生態環境局（牵头）、甲县人民政府').units.map((u) => u.id)).toEqual(['2', '1'])
    expect(match('沣西新城管委会').units.map((u) => u.id)).toEqual(['3'])
    expect(match('丙县、甲县')).toEqual({ units: [match('甲县').units[0]], unknown: ['丙县'] })
  })
})

describe('reading the rows of a progress table', () => {
  const columns = [
    { index: 0, header: '序号', field: 'seq' as const, by: 'synonym' as const },
    { index: 1, header: '反馈问题', field: 'title' as const, by: 'synonym' as const },
    { index: 2, header: '整改完成情况', field: 'progress' as const, by: 'synonym' as const },
    { index: 3, header: '是否完成', field: 'completion' as const, by: 'synonym' as const },
    { index: 4, header: '备注', field: 'note' as const, by: 'synonym' as const },
  ]

  it('passes over rows holding only a 序号 and keeps 备注 with the progress', () => {
    const { rows, errors, missing } = parseRows({
      sheet: 's',
      columns,
      records: [
        { rowNo: 4, cells: ['1', '反馈问题第3项：城区黑臭水体', '已清淤', '已完成', '已验收'] },
        { rowNo: 5, cells: ['2'] },
      ],
    })
    expect(missing).toEqual([])
    expect(errors).toEqual([])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ row: 4, code: '反馈问题第3项', item: 3, completion: 'done' })
  })

  it('names the missing columns a row needs', () => {
    const { missing, errors } = parseRows({ sheet: 's', columns: columns.slice(0, 2), records: [] })
    expect(missing).toEqual(['progress'])
    // Named as a clerk knows the column, with the headers it would have been read from.
    expect(errors[0]).toMatchObject({ column: '整改进展', cell: null })
    expect(errors[0]!.message).toMatch(
      /^缺少必需的列“整改进展”（可用列名：整改进展情况、整改完成情况、完成情况、.*……）/,
    )
    expect(errors[0]!.messageEn).toMatch(
      /^Missing required column “整改进展” \(progress; accepted headers: 整改进展情况, /,
    )
    expect(errors[0]!.message).not.toMatch(/progress/)
  })
})
