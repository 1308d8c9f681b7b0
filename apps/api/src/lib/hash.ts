import { createHash, timingSafeEqual } from 'node:crypto'

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Constant-time comparison of two hex digests. */
export function digestsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * JSON with object keys sorted at every depth: the canonical form the audit chain hashes, so
 * that a row read back from jsonb (which reorders keys) hashes the same as when it was written.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  // Loops and string appends rather than entries/filter/map/join: every audit entry is hashed
  // through here, and an import appends thousands at once.
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i])
    return `${out}]`
  }
  const object = value as Record<string, unknown>
  // The default sort compares UTF-16 code units, as `a < b` does.
  const keys = Object.keys(object).sort()
  let out = '{'
  let first = true
  for (const k of keys) {
    const v = object[k]
    if (v === undefined) continue
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(v)}`
    first = false
  }
  return `${out}}`
}
