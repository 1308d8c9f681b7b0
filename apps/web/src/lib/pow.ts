/**
 * The public board's proof of work (packages/schemas/src/public.ts `Challenge`): find a decimal
 * `nonce` so that SHA-256(salt + nonce) starts with `difficulty` zero bits. Pure and
 * environment-free so it runs in a Web Worker, on the main thread as a fallback, and in vitest.
 */
import { sha256 } from './sha256'

/** SHA-256 of some bytes, however the environment computes it. */
export type Digest = (data: Uint8Array) => Promise<ArrayBuffer | Uint8Array>

/** The number of zero bits at the start of `hash` (8 per zero byte, then the next byte's). */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8
      continue
    }
    return bits + Math.clz32(byte) - 24
  }
  return bits
}

/** Whether `hash` starts with at least `difficulty` zero bits. */
export function meetsDifficulty(hash: Uint8Array, difficulty: number): boolean {
  return leadingZeroBits(hash) >= difficulty
}

/**
 * The chance that a search has found a nonce after `tries` attempts (each succeeds with
 * probability 2^-difficulty): an honest progress figure for a search of unknown length.
 */
export function solveProbability(tries: number, difficulty: number): number {
  if (difficulty <= 0) return 1
  return 1 - Math.exp(tries * Math.log1p(-Math.pow(2, -difficulty)))
}

/** The Web Crypto digest (the browser, the worker, and Node 20+ all have `crypto.subtle`). */
export const subtleDigest: Digest = (data) =>
  crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)

/** The plain-JavaScript digest, for pages served over http where Web Crypto is withheld. */
export const fallbackDigest: Digest = (data) => Promise.resolve(sha256(data))

/** Web Crypto when the context offers it, else the plain-JavaScript SHA-256. */
export function defaultDigest(): Digest {
  return typeof crypto !== 'undefined' && crypto.subtle ? subtleDigest : fallbackDigest
}

export interface SolveOptions {
  digest?: Digest
  /** Hashes started together; the digest is asynchronous, so a batch amortises its latency. */
  batch?: number
  /** Called after each batch with the attempts so far. */
  onProgress?: (tries: number) => void
  /** Checked between batches; return true to give up (the promise then rejects). */
  cancelled?: () => boolean
  /** Give up after this many attempts (the challenge expires long before). */
  maxTries?: number
}

/** Raised when a search is given up (cancelled, or beyond `maxTries`). */
export class PowAbandoned extends Error {
  constructor() {
    super('The proof of work was abandoned')
    this.name = 'PowAbandoned'
  }
}

/**
 * Tries nonces 0, 1, 2, … and resolves with the first (decimal string) whose hash with `salt`
 * meets `difficulty`. Within a batch the smallest passing nonce wins, so the answer is the same
 * whatever the batch size.
 */
export async function solve(
  salt: string,
  difficulty: number,
  options: SolveOptions = {},
): Promise<string> {
  const digest = options.digest ?? defaultDigest()
  const batch = Math.max(1, options.batch ?? 256)
  const maxTries = options.maxTries ?? 2 ** 32
  const encoder = new TextEncoder()
  for (let start = 0; start < maxTries; start += batch) {
    if (options.cancelled?.()) throw new PowAbandoned()
    const nonces = Array.from({ length: Math.min(batch, maxTries - start) }, (_, i) =>
      String(start + i),
    )
    const hashes = await Promise.all(nonces.map((nonce) => digest(encoder.encode(salt + nonce))))
    const found = hashes.findIndex((hash) => meetsDifficulty(new Uint8Array(hash), difficulty))
    if (found >= 0) return nonces[found]!
    options.onProgress?.(start + nonces.length)
  }
  throw new PowAbandoned()
}
