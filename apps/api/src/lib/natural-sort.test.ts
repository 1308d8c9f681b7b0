import { describe, expect, it } from 'vitest'
import { compareCodes, naturalKey } from './natural-sort.js'
import { ORDERED_CASES } from './natural-sort.cases.js'

describe('naturalKey', () => {
  it.each(Object.entries(ORDERED_CASES))('orders %s', (_name, codes) => {
    for (let i = 1; i < codes.length; i++)
      expect(
        naturalKey(codes[i - 1]!) < naturalKey(codes[i]!),
        `${codes[i - 1]} < ${codes[i]}`,
      ).toBe(true)
    const shuffled = [...codes].reverse()
    expect(shuffled.sort(compareCodes)).toEqual(codes)
  })

  it('reads full-width, case and bracket variants of one code as the same key', () => {
    expect(naturalKey('第３项')).toBe(naturalKey('第3项'))
    expect(naturalKey('Ｄ３６００')).toBe(naturalKey('d3600'))
    expect(naturalKey('（一）')).toBe(naturalKey('(1)'))
    expect(naturalKey('第007项')).toBe(naturalKey('第7项'))
  })

  it('is made of digits and lowercase ASCII letters only, so every collation orders it alike', () => {
    for (const code of ['第十二项', 'D3600000-0099', '（一）附件😀', '   ', ''])
      expect(naturalKey(code)).toMatch(/^[0-9a-z]*$/)
  })

  it('encodes numbers by length, then value', () => {
    expect(naturalKey('12')).toBe('0212')
    expect(naturalKey('十二')).toBe('0212')
    expect(naturalKey('0')).toBe('010')
    expect(naturalKey('第')).toBe('1007b2c')
  })
})
