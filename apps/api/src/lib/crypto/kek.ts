import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHmac, randomBytes } from 'node:crypto'
import { KEY_BYTES, type Suite } from './suites.js'

/**
 * Where data keys are wrapped: the local key-encryption key below, or a city's key service
 * (KMS, a cipher machine) behind the same three members. Data keys never leave the process
 * unwrapped; the database holds only what `wrap` returned.
 */
export interface KeyService {
  /** Names the key-encryption key (never the key itself), stored beside every key it wrapped. */
  readonly keyId: string
  wrap(dataKey: Buffer, suite: Suite, context: string): Promise<Buffer>
  unwrap(wrapped: Buffer, suite: Suite, context: string): Promise<Buffer>
}

/** The configuration is missing, malformed or holds the wrong key: the API must not start. */
export class KeyConfigError extends Error {}

/** A key-encryption key held by this process: wraps with the data key's own suite. */
export class LocalKeyService implements KeyService {
  readonly keyId: string
  constructor(private readonly kek: Buffer) {
    if (kek.length !== KEY_BYTES)
      throw new KeyConfigError(`the data key must be ${KEY_BYTES} bytes`)
    this.keyId = `local:${createHmac('sha256', kek).update('rectify key id').digest('hex').slice(0, 16)}`
  }
  wrap(dataKey: Buffer, suite: Suite, context: string) {
    return Promise.resolve(suite.seal(this.kek, dataKey, Buffer.from(context)))
  }
  unwrap(wrapped: Buffer, suite: Suite, context: string) {
    return Promise.resolve(suite.open(this.kek, wrapped, Buffer.from(context)))
  }
}

/** A 32-byte key written as 64 hex digits or base64 (standard or url-safe). */
export function parseKey(text: string, where: string): Buffer {
  const t = text.trim()
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64')
  if (
    key.length !== KEY_BYTES ||
    (!/^[0-9a-fA-F]{64}$/.test(t) && !/^[A-Za-z0-9+/_-]+={0,2}$/.test(t))
  )
    throw new KeyConfigError(
      `${where} must hold a ${KEY_BYTES}-byte key: 64 hex digits or base64 (e.g. \`openssl rand -base64 32\`)`,
    )
  return key
}

export interface KekSource {
  key: Buffer
  /** Where it came from, for the start log (never the key). */
  source: string
  /** Set when this start generated the key file. */
  generated?: string
}

/**
 * The key-encryption key: DATA_KEY, else the file DATA_KEY_FILE, else DATA_DIR/data-key. The
 * last is generated (mode 0600) only when `mayGenerate` — the database holds no data key yet;
 * a missing key for a database that has data keys is an error, never a new key. A key file
 * readable by group or others is refused.
 */
export function loadKeyEncryptionKey(opts: {
  dataKey?: string | undefined
  dataKeyFile?: string | undefined
  dataDir: string
  mayGenerate: boolean
}): KekSource {
  if (opts.dataKey) return { key: parseKey(opts.dataKey, 'DATA_KEY'), source: 'DATA_KEY' }
  const file = opts.dataKeyFile ?? join(opts.dataDir, 'data-key')
  let generated: string | undefined
  if (!existsSync(file)) {
    if (opts.dataKeyFile)
      throw new KeyConfigError(`DATA_KEY_FILE ${file} does not exist: the data key is missing`)
    if (!opts.mayGenerate)
      throw new KeyConfigError(
        `the database holds encrypted personal data but the key file ${file} is missing: restore it, or set DATA_KEY or DATA_KEY_FILE to the key the data was encrypted with`,
      )
    mkdirSync(opts.dataDir, { recursive: true })
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, {
      mode: 0o600,
      flag: 'wx',
    })
    generated = file
  }
  const mode = statSync(file).mode & 0o777
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new KeyConfigError(
      `the key file ${file} is readable by others (mode ${mode.toString(8)}): chmod 600 it`,
    )
  const key = parseKey(readFileSync(file, 'utf8'), file)
  return { key, source: file, ...(generated ? { generated } : {}) }
}
