import { randomBytes } from 'node:crypto'

let lastMs = 0
let seq = 0

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
  const b = randomBytes(16)
  b.writeUIntBE(now, 0, 6)
  b[6] = 0x70 | ((seq >> 8) & 0x0f)
  b[7] = seq & 0xff
  b[8] = 0x80 | (b[8]! & 0x3f)
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** A random URL-safe token with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}
