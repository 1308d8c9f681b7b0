import { randomBytes, randomFillSync } from 'node:crypto'

let lastMs = 0
let seq = 0
/**
 * Random bytes drawn 4 KiB at a time and handed out 16 per id: one call into the CSPRNG per
 * 256 ids instead of one per id (an import makes tens of thousands). Never handed out twice.
 */
const pool = Buffer.alloc(4096)
let poolAt = pool.length
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
/** One pooled byte as two hex digits (a function of the module, not a closure made per id). */
const hex = (at: number) => HEX[pool[at]!]!

/**
 * A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits, so ids sort by creation
 * time (good for B-tree locality and cursor paging) yet cannot be guessed. Ids made in the same
 * millisecond stay ordered through a 12-bit counter in `rand_a`.
 */
export function uuidv7(now = Date.now()): string {
  if (now <= lastMs) {
    seq++
    if (seq > 0xfff) {
      lastMs++
      seq = 0
    }
    now = lastMs
  } else {
    lastMs = now
    seq = 0
  }
  if (poolAt + 16 > pool.length) {
    randomFillSync(pool)
    poolAt = 0
  }
  const r = poolAt
  poolAt += 16
  // 48-bit milliseconds, version 7 + 12-bit counter, variant 10 + 62 random bits.
  const ms = now.toString(16).padStart(12, '0')
  return (
    `${ms.slice(0, 8)}-${ms.slice(8)}-${HEX[0x70 | ((seq >> 8) & 0x0f)]}${HEX[seq & 0xff]}-` +
    `${HEX[0x80 | (pool[r + 8]! & 0x3f)]}${hex(r + 9)}-${hex(r + 10)}${hex(r + 11)}${hex(r + 12)}` +
    `${hex(r + 13)}${hex(r + 14)}${hex(r + 15)}`
  )
}

/** A random URL-safe token with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}
