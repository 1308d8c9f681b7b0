import { describe, expect, it } from 'vitest'
import { fieldMatcher } from './fields.js'

describe('fieldMatcher', () => {
  it('matches labels normalised: spaces, full-width brackets, traditional characters, a bracketed note', () => {
    const match = fieldMatcher({
      deadline: ['整改时限'],
      fines: ['罚款(万元)'],
      units: ['责任单位'],
    })
    expect(match('整改\n时限')).toBe('deadline')
    expect(match('整改時限（年月）')).toBe('deadline')
    expect(match('罰款（万元）')).toBe('fines')
    expect(match('責任　單位')).toBe('units')
    expect(match('督察组意见')).toBeNull()
    expect(match('  ')).toBeNull()
  })

  it('reads its dictionary on the first match, once, not when it is made (modules make theirs as they load)', () => {
    let reads = 0
    const dict = {
      get deadline() {
        reads++
        return ['整改时限']
      },
    }
    const match = fieldMatcher(dict)
    expect(reads).toBe(0)
    expect(match('整改時限')).toBe('deadline')
    expect(match('责任单位')).toBeNull()
    expect(reads).toBe(1)
  })
})
