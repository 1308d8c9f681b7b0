import { describe, expect, it } from 'vitest'
import { chineseDate } from '../../lib/dates.js'
import { datesIn, deadlineBase, isPlainDate, parseDeadline } from './deadline.js'
import { joinMeasures, splitMeasures } from './measures-split.js'
import { splitUnits, unitMatcher } from './units-parse.js'

const base = deadlineBase('2022-03-15', '2026-11-28')
const parse = (text: string) => {
  const r = parseDeadline(text, base)
  if (!r.ok) throw new Error(r.message)
  return r.value
}

describe('deadline text', () => {
  it.each([
    ['2022年底前', '2022-12-31'],
    ['2022年年底前', '2022-12-31'],
    ['2022年末', '2022-12-31'],
    ['2023年6月底前', '2023-06-30'],
    ['2023年6月底', '2023-06-30'],
    ['2023年12月底', '2023-12-31'],
    ['2024年2月底前', '2024-02-29'],
    ['2023年6月', '2023-06-30'],
    ['2023年3月前', '2023-02-28'],
    ['2023年1月前', '2022-12-31'],
    ['2023年6月15日前', '2023-06-15'],
    ['2023-06-15', '2023-06-15'],
    ['2023.6.15', '2023-06-15'],
    ['２０２３年６月底前', '2023-06-30'],
    ['2023年上半年', '2023-06-30'],
    ['2023年下半年', '2023-12-31'],
    ['2023年第三季度', '2023-09-30'],
    ['2023年3季度', '2023-09-30'],
    ['2023年5月中旬', '2023-05-20'],
    ['2023年5月下旬', '2023-05-31'],
    ['2025年前', '2024-12-31'],
    ['2024年完成', '2024-12-31'],
  ])('reads %s as time-bound by %s with no stages', (text, date) => {
    expect(parse(text)).toEqual({ text, deadline: date, mode: 'time_bound', stages: [] })
  })

  it('reads 立行立改 as immediate, due on the plan approval date (today without one)', () => {
    expect(parse('立行立改')).toMatchObject({ mode: 'immediate', deadline: '2022-03-15' })
    const r = parseDeadline('立行立改', deadlineBase(null, '2026-11-28'))
    expect(r.ok && r.value.deadline).toBe('2026-11-28')
  })

  it('reads 立行立改 with a date as immediate by that date', () => {
    expect(parse('立行立改，2022年6月底前完成')).toMatchObject({
      mode: 'immediate',
      deadline: '2022-06-30',
    })
  })

  it('reads 长期坚持 as long-term, due 31 December three years after the base year', () => {
    expect(parse('长期坚持')).toEqual({
      text: '长期坚持',
      mode: 'long_term',
      deadline: '2025-12-31',
      stages: [],
    })
  })

  it('reads 立行立改、长期坚持 as long-term', () => {
    expect(parse('立行立改、长期坚持')).toMatchObject({ mode: 'long_term', deadline: '2025-12-31' })
  })

  it('reads 2023年6月底前完成并长期坚持 as long-term with the date as first stage and deadline', () => {
    expect(parse('2023年6月底前完成并长期坚持')).toEqual({
      text: '2023年6月底前完成并长期坚持',
      mode: 'long_term',
      deadline: '2023-06-30',
      stages: [{ deadline: '2023-06-30', text: '2023年6月底前完成并长期坚持' }],
    })
  })

  it('reads several stages in one cell as milestones, the last being the deadline', () => {
    expect(parse('2024年底前完成50%；2025年底前全部完成')).toEqual({
      text: '2024年底前完成50%；2025年底前全部完成',
      mode: 'time_bound',
      deadline: '2025-12-31',
      stages: [
        { deadline: '2024-12-31', text: '2024年底前完成50%' },
        { deadline: '2025-12-31', text: '2025年底前全部完成' },
      ],
    })
    expect(parse('2023年底前完成整治\n2024年6月底前通过验收').stages).toHaveLength(2)
  })

  it('refuses text it cannot read, and a blank cell, in Chinese and English', () => {
    const r = parseDeadline('尽快', base)
    expect(r).toMatchObject({ ok: false })
    expect(!r.ok && r.message).toContain('尽快')
    expect(!r.ok && r.messageEn).toContain('Cannot read')
    expect(parseDeadline('  ', base)).toMatchObject({ ok: false, message: '整改时限不能为空' })
    expect(parseDeadline('2023年13月底前', base).ok).toBe(false)
  })

  it('finds dates without reading numbers inside text as years', () => {
    expect(datesIn('完成3.5公里管网建设')).toEqual([])
    expect(datesIn('2023年6月底前完成，2024年验收')).toEqual(['2023-06-30', '2024-12-31'])
  })

  it('writes a date as a deadline cell does, and knows a plain date', () => {
    expect(chineseDate('2023-06-30')).toBe('2023年6月30日')
    expect(isPlainDate('2023年6月30日')).toBe(true)
    expect(isPlainDate('2023-06-30')).toBe(true)
    expect(isPlainDate('2023年6月底前')).toBe(false)
  })
})

describe('measures cell', () => {
  it.each([
    ['1、建设管网；2、完成验收', ['建设管网', '完成验收']],
    ['1.建设管网\n2.完成验收', ['建设管网', '完成验收']],
    ['（1）建设管网（2）完成验收', ['建设管网', '完成验收']],
    ['(1)建设管网\n(2)完成验收', ['建设管网', '完成验收']],
    ['一、建设管网。二、完成验收。', ['建设管网。', '完成验收。']],
    ['①建设管网②完成验收', ['建设管网', '完成验收']],
    ['建设管网\n完成验收', ['建设管网', '完成验收']],
    ['建设管网，完成验收', ['建设管网，完成验收']],
    ['', []],
  ])('splits %j', (cell, expected) => {
    expect(splitMeasures(cell)).toEqual(expected)
  })

  it('reads 1.2019年3月 as item 1 followed by a date, not a number', () => {
    expect(splitMeasures('1.2019年3月底前完成排查；2.2019年6月底前完成整治')).toEqual([
      '2019年3月底前完成排查',
      '2019年6月底前完成整治',
    ])
  })

  it('keeps numbers that are not the next item inside the measure', () => {
    expect(splitMeasures('1、治理3.5公里河道，新建2座泵站；2、建成11、12号闸')).toEqual([
      '治理3.5公里河道，新建2座泵站',
      '建成11、12号闸',
    ])
  })

  it('keeps sub-items of an item inside it', () => {
    expect(splitMeasures('1、整治：（1）清淤（2）截污\n2、验收')).toEqual([
      '整治：（1）清淤（2）截污',
      '验收',
    ])
  })

  it('round-trips through the export form', () => {
    const items = ['建设管网', '2019年3月底前完成排查', '验收']
    expect(splitMeasures(joinMeasures(items))).toEqual(items)
  })
})

describe('unit cells', () => {
  it('takes the first unmarked unit as lead and the rest as co-units', () => {
    expect(splitUnits('市生态环境局、市住建局，市水利局')).toEqual([
      { text: '市生态环境局', role: 'lead', collective: null },
      { text: '市住建局', role: 'co', collective: null },
      { text: '市水利局', role: 'co', collective: null },
    ])
  })

  it('honours 牵头 / 配合 marks and labels', () => {
    expect(splitUnits('市住建局、市生态环境局（牵头）').map((u) => [u.text, u.role])).toEqual([
      ['市住建局', 'co'],
      ['市生态环境局', 'lead'],
    ])
    expect(
      splitUnits('牵头单位：市住建局；配合单位：市水利局、市林业局').map((u) => [u.text, u.role]),
    ).toEqual([
      ['市住建局', 'lead'],
      ['市水利局', 'co'],
      ['市林业局', 'co'],
    ])
    expect(splitUnits('市水利局\n市林业局', 'co').every((u) => u.role === 'co')).toBe(true)
  })

  it('keeps 各县（市、区）人民政府 whole and marks it collective', () => {
    expect(splitUnits('市生态环境局、各县（市、区）人民政府')).toEqual([
      { text: '市生态环境局', role: 'lead', collective: null },
      { text: '各县（市、区）人民政府', role: 'co', collective: 'counties' },
    ])
    expect(splitUnits('各区县政府')[0]!.collective).toBe('counties')
  })

  it('reads collective phrases whole, 、 inside them included, and knows what each means', () => {
    const read = (cell: string) => splitUnits(cell).map((u) => [u.text, u.role, u.collective])
    expect(read('各级党委、政府')).toEqual([['各级党委、政府', 'lead', 'levels']])
    expect(read('市生态环境局（牵头）、各级党委、政府，区直各单位')).toEqual([
      ['市生态环境局', 'lead', null],
      ['各级党委、政府', 'co', 'levels'],
      ['区直各单位', 'co', 'departments'],
    ])
    expect(read('市直有关单位、各县（市、区）人民政府、各乡镇（街道）')).toEqual([
      ['市直有关单位', 'lead', 'departments'],
      ['各县（市、区）人民政府', 'co', 'counties'],
      ['各乡镇（街道）', 'co', 'townships'],
    ])
    // Full-width or half-width brackets, 各县区 and 各乡镇人民政府 alike.
    expect(read('各县(市、区)政府;各乡镇人民政府').map((u) => u[2])).toEqual([
      'counties',
      'townships',
    ])
    // Unit names are not collectives, even when they hold 县 or 部门.
    expect(read('临湖县、市委宣传部').map((u) => u[2])).toEqual([null, null])
  })

  const units = [
    { id: '1', code: 'EEB', name: '市生态环境局', kind: 'department', parentId: null },
    { id: '2', code: 'HC', name: '市住房和城乡建设局', kind: 'department', parentId: null },
    { id: '3', code: 'A', name: '甲县', kind: 'county', parentId: null },
    { id: '4', code: 'W', name: '市水利局', kind: 'department', parentId: null },
  ]
  const match = unitMatcher(units)

  it('matches exactly, then without common suffixes and the 市 prefix', () => {
    expect(match('市生态环境局').unit?.id).toBe('1')
    expect(match('甲县人民政府').unit?.id).toBe('3')
    expect(match('生态环境局').unit?.id).toBe('1')
  })

  it('suggests the closest units for an unknown name', () => {
    const m = match('市住建局')
    expect(m.unit).toBeNull()
    expect(m.suggestions[0]?.id).toBe('2')
    expect(m.suggestions.length).toBeLessThanOrEqual(3)
  })
})
