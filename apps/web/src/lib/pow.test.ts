import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  fallbackDigest,
  leadingZeroBits,
  meetsDifficulty,
  PowAbandoned,
  solve,
  solveProbability,
  subtleDigest,
} from './pow'
import { sha256 } from './sha256'

const nodeHash = (text: string) => new Uint8Array(createHash('sha256').update(text).digest())

describe('leadingZeroBits', () => {
  it('counts whole zero bytes, then the zero bits of the first non-zero byte', () => {
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0)
    expect(leadingZeroBits(new Uint8Array([0x80, 0]))).toBe(0)
    expect(leadingZeroBits(new Uint8Array([0x01]))).toBe(7)
    expect(leadingZeroBits(new Uint8Array([0, 0x10]))).toBe(11)
    expect(leadingZeroBits(new Uint8Array([0, 0, 0xff]))).toBe(16)
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16)
  })

  it('meets a difficulty at or below the count only', () => {
    const hash = new Uint8Array([0, 0x0f])
    expect(meetsDifficulty(hash, 12)).toBe(true)
    expect(meetsDifficulty(hash, 13)).toBe(false)
    expect(meetsDifficulty(hash, 0)).toBe(true)
  })
})

describe('solve', () => {
  it('finds a nonce whose SHA-256 with the salt has the leading zero bits, as node:crypto checks', async () => {
    const salt = 'c2FsdC1mb3ItdGVzdA'
    const nonce = await solve(salt, 12)
    expect(nonce).toMatch(/^[0-9]+$/)
    expect(leadingZeroBits(nodeHash(salt + nonce))).toBeGreaterThanOrEqual(12)
    // The first passing nonce: none before it passes.
    for (let n = 0; n < Number(nonce); n++)
      expect(leadingZeroBits(nodeHash(salt + String(n))), String(n)).toBeLessThan(12)
  })

  it('gives the same answer whatever the batch size and the digest', async () => {
    const a = await solve('abc', 10, { batch: 1, digest: fallbackDigest })
    const b = await solve('abc', 10, { batch: 1000, digest: subtleDigest })
    expect(a).toBe(b)
  })

  it('reports progress and can be given up', async () => {
    const seen: number[] = []
    const search = solve('never', 64, {
      batch: 50,
      onProgress: (tries) => seen.push(tries),
      cancelled: () => seen.length >= 3,
    })
    await expect(search).rejects.toBeInstanceOf(PowAbandoned)
    expect(seen).toEqual([50, 100, 150])
    await expect(solve('never', 64, { maxTries: 10 })).rejects.toBeInstanceOf(PowAbandoned)
  })
})

describe('solveProbability', () => {
  it('rises from 0 towards 1, passing 1 - 1/e after 2^difficulty tries', () => {
    expect(solveProbability(0, 16)).toBe(0)
    expect(solveProbability(65536, 16)).toBeCloseTo(1 - 1 / Math.E, 3)
    expect(solveProbability(10 * 65536, 16)).toBeGreaterThan(0.9999)
    expect(solveProbability(5, 0)).toBe(1)
  })
})

describe('sha256 (the http fallback)', () => {
  it('matches node:crypto on empty, short, one-block-edge and multi-block inputs', () => {
    const encoder = new TextEncoder()
    for (const text of [
      '',
      'abc',
      'a'.repeat(55),
      'a'.repeat(56),
      'a'.repeat(64),
      '公示'.repeat(50),
    ])
      expect(Buffer.from(sha256(encoder.encode(text))).toString('hex'), text).toBe(
        Buffer.from(nodeHash(text)).toString('hex'),
      )
  })
})
