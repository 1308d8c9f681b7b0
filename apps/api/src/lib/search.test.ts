import { describe, expect, it } from 'vitest'
import { queryTokens, searchTokens } from './search.js'

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
