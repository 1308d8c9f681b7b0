import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from './format'

describe('formatDate', () => {
  it('reads 2026年11月28日 in Shanghai even when UTC is still on the 27th', () => {
    expect(formatDate('2026-11-27T17:00:00Z', 'zh-CN')).toBe('2026年11月28日')
  })

  it('keeps a bare calendar date on its day', () => {
    expect(formatDate('2026-11-28', 'zh-CN')).toBe('2026年11月28日')
    expect(formatDate('2026-11-28', 'en')).toBe('Nov 28, 2026')
  })

  it('is empty for a missing value and echoes an unreadable one', () => {
    expect(formatDate(null, 'zh-CN')).toBe('')
    expect(formatDate('not a date', 'zh-CN')).toBe('not a date')
  })
})

describe('formatDateTime', () => {
  it('shows Shanghai wall-clock time on a 24-hour clock', () => {
    expect(formatDateTime('2026-11-28T06:05:09Z', 'zh-CN')).toBe('2026年11月28日 14:05:09')
  })
})
