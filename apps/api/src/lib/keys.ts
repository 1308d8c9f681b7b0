import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'

/**
 * The key that signs access tokens: JWT_SECRET when configured, otherwise a random key
 * generated once into DATA_DIR/signing-key (mode 0600) and reused on every start.
 */
export function loadSigningKey(opts: {
  jwtSecret?: string | undefined
  dataDir: string
}): Uint8Array {
  if (opts.jwtSecret) return new TextEncoder().encode(opts.jwtSecret)
  const file = join(opts.dataDir, 'signing-key')
  if (!existsSync(file)) {
    mkdirSync(opts.dataDir, { recursive: true })
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' })
  }
  const key = readFileSync(file, 'utf8').trim()
  if (key.length < 32) throw new Error(`${file} holds a key shorter than 32 characters`)
  return new TextEncoder().encode(key)
}
