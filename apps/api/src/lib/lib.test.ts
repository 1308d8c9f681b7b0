import { settleWithin } from './settle-within.js'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from './hash.js'
import { uuidv7 } from './ids.js'

describe('uuidv7', () => {
  it('is a version-7, variant-1 UUID', () => {
    expect(uuidv7()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })
  it('sorts by creation, even within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, () => uuidv7(1_800_000_000_000))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
    )
  })
})

describe('settleWithin', () => {
  it('is true when the work settles in time, fulfilled or rejected, and false when it does not', async () => {
    expect(await settleWithin(Promise.resolve(1), 1_000)).toBe(true)
    expect(await settleWithin(Promise.reject(new Error('x')), 1_000)).toBe(true)
    expect(await settleWithin(new Promise(() => undefined), 20)).toBe(false)
  })
})
