import { describe, expect, it } from 'vitest'
import { queryTokens, searchTokens, tokensAreExact } from './search.js'

const matches = (text: string, q: string) => {
  const stored = new Set(searchTokens(text))
  return queryTokens(q).every((t) => stored.has(t))
}

describe('bigram search tokens', () => {
  it('finds Chinese words anywhere in the text', () => {
    const text = '某县城市污水处理厂出水氨氮超标排放'
    expect(matches(text, '污水')).toBe(true)
    expect(matches(text, '污水处理厂')).toBe(true)
    expect(matches(text, '氨氮')).toBe(true)
    expect(matches(text, '水')).toBe(true)
    expect(matches(text, '垃圾')).toBe(false)
  })
  it('finds codes and Latin words case-insensitively', () => {
    expect(matches('信访件 D3600000-0123', 'd3600000')).toBe(true)
    expect(matches('VOCs 治理', 'vocs')).toBe(true)
    expect(matches('VOCs 治理', '0123')).toBe(false)
  })
  it('ignores punctuation and full-width forms', () => {
    expect(matches('反馈问题第１２项：黑臭水体', '第12项')).toBe(true)
  })
})

describe('queries whose tokens alone are the match (no ILIKE re-check)', () => {
  it('are one CJK character, or one bigram of CJK and ASCII letters and digits', () => {
    for (const q of ['污水', '水', 'ab', 'A1', '第1']) expect(tokensAreExact(q), q).toBe(true)
    for (const q of ['污水处理', 'a', '7', 'a b', '１２', 'é1', '污-', ''])
      expect(tokensAreExact(q), q).toBe(false)
  })
  it('match exactly the texts that contain them, case-insensitively', () => {
    const texts = [
      '某县城市污水处理厂出水氨氮超标排放',
      '污 水分离',
      '污\n水',
      'AB-12 号',
      'a-b 1 2',
      '第1项',
      '第 1项',
      'VOCs 治理 7号',
    ]
    const queries = ['污水', '水', 'ab', 'Ab', '12', '号', '治理', '第1', 'oc']
    let checked = 0
    for (const text of texts)
      for (const q of queries) {
        expect(tokensAreExact(q), q).toBe(true)
        const contains = text.toLowerCase().includes(q.toLowerCase())
        expect(matches(text, q), `${q} in ${text}`).toBe(contains)
        checked++
      }
    expect(checked).toBe(72)
  })
})
