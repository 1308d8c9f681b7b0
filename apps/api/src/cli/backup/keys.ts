import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CliError } from '../support.js'

/**
 * The keys a restored installation needs besides its database: files in DATA_DIR — the token
 * signing key, and the key-encryption key that opens the personal data's data keys (without it
 * a restored database's complainants and contacts cannot be read). They go into a backup only
 * sealed with the operator's passphrase (AES-256-GCM, key from scrypt), never in clear.
 */
export const KEY_FILES = ['signing-key', 'data-key'] as const

/** What an operator must keep apart when the keys are not sealed into the backup, in words. */
export function keysToKeep(config: {
  JWT_SECRET?: string | undefined
  DATA_KEY?: string | undefined
  DATA_KEY_FILE?: string | undefined
}): string {
  const signing = config.JWT_SECRET ? 'JWT_SECRET' : 'DATA_DIR/signing-key'
  const data = config.DATA_KEY
    ? 'DATA_KEY'
    : config.DATA_KEY_FILE
      ? `DATA_KEY_FILE (${config.DATA_KEY_FILE})`
      : 'DATA_DIR/data-key'
  return `${signing} and ${data}`
}

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

interface Sealed {
  format: 'rectify-keys/1'
  kdf: 'scrypt'
  N: number
  r: number
  p: number
  salt: string
  iv: string
  tag: string
  data: string
}

/** The key files present in `dataDir`, by name. */
export function collectKeys(dataDir: string): Record<string, string> {
  const keys: Record<string, string> = {}
  for (const name of KEY_FILES) {
    const file = join(dataDir, name)
    if (existsSync(file)) keys[name] = readFileSync(file, 'utf8')
  }
  return keys
}

/**
 * The operator's passphrase: the first line of --passphrase-file, else BACKUP_PASSPHRASE; null
 * when neither is given.
 */
export function passphraseFrom(
  file: string | undefined,
  env: string | undefined,
): { value: string; from: string } | null {
  if (file) return { value: readPassphrase(file), from: file }
  if (env === undefined || env === '') return null
  if (env.length < 12) throw new CliError('BACKUP_PASSPHRASE is shorter than 12 characters', 2)
  return { value: env, from: 'BACKUP_PASSPHRASE' }
}

/** The passphrase in `file` (its first line); at least 12 characters. */
export function readPassphrase(file: string): string {
  if (!existsSync(file)) throw new CliError(`${file} does not exist`)
  const passphrase = readFileSync(file, 'utf8').split(/\r?\n/)[0]!
  if (passphrase.length < 12)
    throw new CliError(`the passphrase in ${file} is shorter than 12 characters`, 2)
  return passphrase
}

export function sealKeys(keys: Record<string, string>, passphrase: string): Buffer {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const key = scryptSync(passphrase, salt, 32, SCRYPT)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const data = Buffer.concat([cipher.update(JSON.stringify(keys), 'utf8'), cipher.final()])
  const sealed: Sealed = {
    format: 'rectify-keys/1',
    kdf: 'scrypt',
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  }
  return Buffer.from(JSON.stringify(sealed))
}

/** The keys sealed by `sealKeys`; a wrong passphrase (or altered bytes) is a CliError. */
export function openKeys(bytes: Buffer, passphrase: string): Record<string, string> {
  const sealed = JSON.parse(bytes.toString('utf8')) as Sealed
  if (sealed.format !== 'rectify-keys/1')
    throw new CliError('the keys in the backup have an unknown format')
  const key = scryptSync(passphrase, Buffer.from(sealed.salt, 'base64'), 32, {
    N: sealed.N,
    r: sealed.r,
    p: sealed.p,
    maxmem: SCRYPT.maxmem,
  })
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'))
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
  try {
    const plain = Buffer.concat([
      decipher.update(Buffer.from(sealed.data, 'base64')),
      decipher.final(),
    ])
    return JSON.parse(plain.toString('utf8')) as Record<string, string>
  } catch {
    throw new CliError(
      'the passphrase does not open the keys in the backup (wrong passphrase, or the archive was altered)',
    )
  }
}
