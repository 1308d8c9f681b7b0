import { createHmac, randomBytes, scryptSync } from 'node:crypto'
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import { KeyConfigError, LocalKeyService, parseKey } from '../../lib/crypto/kek.js'
import { DecryptError, SUITES, type SuiteName } from '../../lib/crypto/suites.js'
import { CliError } from '../support.js'

/**
 * `rectify backup --encrypt`: the whole archive (database, files, manifest — table names and
 * row counts included) encrypted as a stream of frames, each sealed on its own with the
 * configured suite (AES-256-GCM, or SM4-CTR + HMAC-SM3), so memory stays bounded:
 *
 *   MAGIC ‖ u32 header length ‖ header JSON (suite, how the key is derived — never the key)
 *   then frames: u32 length ‖ suite.seal(key, up to 1 MiB of the tar, aad)
 *   associated data of a frame: header bytes ‖ u64 frame number ‖ 1 byte "last frame"
 *
 * The frame number and the last-frame flag are authenticated: frames reordered, dropped, or an
 * archive cut short do not open. The key is scrypt(passphrase) or derived from a 32-byte key
 * file (HMAC of the file's key with the header's salt; the key file itself never encrypts data).
 */
export const MAGIC = Buffer.from('RECTIFY-ENCRYPTED-BACKUP/1\n', 'ascii')
const FRAME = 1024 * 1024
const MAX_FRAME = FRAME + 64
const MAX_HEADER = 64 * 1024
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

/** Where the archive's key comes from. */
export type ArchiveSecret = { passphrase: string; from: string } | { keyFile: string }

interface EncHeader {
  suite: SuiteName
  kdf: 'scrypt' | 'key-file'
  salt: string
  N?: number
  r?: number
  p?: number
  /** key-file: the key's id (as `rectify` names keys, never the key), to name a wrong key. */
  keyId?: string
}

/** The 32-byte key in a key file (hex or base64), refused when group or others may read it. */
function readKeyFile(file: string): Buffer {
  if (!existsSync(file)) throw new CliError(`${file} does not exist`)
  const mode = statSync(file).mode & 0o777
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new CliError(
      `the key file ${file} is readable by others (mode ${mode.toString(8)}): chmod 600 it`,
    )
  try {
    return parseKey(readFileSync(file, 'utf8'), file)
  } catch (err) {
    if (err instanceof KeyConfigError) throw new CliError(err.message, 2)
    throw err
  }
}

function deriveKey(secret: ArchiveSecret, header: EncHeader): Buffer {
  const salt = Buffer.from(header.salt, 'base64')
  if ('passphrase' in secret) {
    if (header.kdf !== 'scrypt')
      throw new CliError(
        'this backup was encrypted with a key file: give --key-file, not a passphrase',
      )
    return scryptSync(secret.passphrase, salt, 32, {
      N: header.N ?? SCRYPT.N,
      r: header.r ?? SCRYPT.r,
      p: header.p ?? SCRYPT.p,
      maxmem: SCRYPT.maxmem,
    })
  }
  if (header.kdf !== 'key-file')
    throw new CliError(
      'this backup was encrypted with a passphrase: give --passphrase-file or BACKUP_PASSPHRASE, not a key file',
    )
  const key = readKeyFile(secret.keyFile)
  const id = new LocalKeyService(key).keyId
  if (header.keyId && id !== header.keyId)
    throw new CliError(
      `the key file ${secret.keyFile} holds key ${id}, but this backup was encrypted with key ${header.keyId}: nothing was restored`,
    )
  return createHmac('sha256', key).update('rectify backup archive').update(salt).digest()
}

const aadOf = (header: Buffer, n: number, last: boolean) => {
  const tail = Buffer.alloc(9)
  tail.writeBigUInt64BE(BigInt(n))
  tail[8] = last ? 1 : 0
  return Buffer.concat([header, tail])
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

/** A Transform that turns the tar's bytes into the encrypted archive. */
export function encryptingStream(secret: ArchiveSecret, suiteName: SuiteName): Transform {
  const header: EncHeader = {
    suite: suiteName,
    kdf: 'passphrase' in secret ? 'scrypt' : 'key-file',
    salt: randomBytes(16).toString('base64'),
    ...('passphrase' in secret
      ? { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }
      : { keyId: new LocalKeyService(readKeyFile(secret.keyFile)).keyId }),
  }
  const headerBytes = Buffer.from(JSON.stringify(header))
  const key = deriveKey(secret, header)
  const suite = SUITES[suiteName]
  let pending: Buffer[] = []
  let size = 0
  let n = 0
  let started = false
  const frame = (plain: Buffer, last: boolean) => {
    const sealed = suite.seal(key, plain, aadOf(headerBytes, n++, last))
    return Buffer.concat([u32(sealed.length), sealed])
  }
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (!started) {
        this.push(Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes]))
        started = true
      }
      pending.push(chunk)
      size += chunk.length
      while (size > FRAME) {
        const all = Buffer.concat(pending)
        this.push(frame(all.subarray(0, FRAME), false))
        pending = [all.subarray(FRAME)]
        size -= FRAME
      }
      done()
    },
    flush(done: TransformCallback) {
      if (!started) this.push(Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes]))
      this.push(frame(Buffer.concat(pending), true))
      done()
    },
  })
}

/**
 * The secret an encrypted archive is made or opened with: --key-file, else the passphrase
 * (--passphrase-file, else BACKUP_PASSPHRASE); null when none is given.
 */
export function archiveSecret(opts: {
  keyFile?: string | undefined
  passphrase: { value: string; from: string } | null
}): ArchiveSecret | null {
  if (opts.keyFile) return { keyFile: opts.keyFile }
  if (opts.passphrase) return { passphrase: opts.passphrase.value, from: opts.passphrase.from }
  return null
}

/** True when `file` starts as an encrypted backup. */
export function isEncryptedBackup(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(MAGIC.length)
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(MAGIC)
  } finally {
    closeSync(fd)
  }
}

/** Reads exactly `n` bytes from an async byte source, or null at a clean end. */
class Bytes {
  private buf = Buffer.alloc(0)
  private done = false
  constructor(private readonly it: AsyncIterator<Buffer>) {}
  async take(n: number): Promise<Buffer | null> {
    while (this.buf.length < n && !this.done) {
      const next = await this.it.next()
      if (next.done) this.done = true
      else this.buf = Buffer.concat([this.buf, next.value])
    }
    if (this.buf.length === 0 && this.done) return null
    if (this.buf.length < n) throw new CliError('the encrypted backup is cut short')
    const out = this.buf.subarray(0, n)
    this.buf = this.buf.subarray(n)
    return out
  }
}

/**
 * The tar inside an encrypted archive, as a stream. A wrong passphrase or key fails at the first
 * frame; an altered, reordered or truncated frame fails where it is — in both cases before the
 * restore replaces anything (it unpacks into a staging area first).
 */
export function decryptingStream(source: AsyncIterable<Buffer>, secret: ArchiveSecret): Readable {
  async function* frames() {
    const bytes = new Bytes(source[Symbol.asyncIterator]())
    const magic = await bytes.take(MAGIC.length)
    if (!magic?.equals(MAGIC)) throw new CliError('not an encrypted Rectify backup')
    const len = (await bytes.take(4))?.readUInt32BE() ?? 0
    if (len === 0 || len > MAX_HEADER)
      throw new CliError('the encrypted backup has a damaged header')
    const headerBytes = (await bytes.take(len))!
    let header: EncHeader
    try {
      header = JSON.parse(headerBytes.toString('utf8')) as EncHeader
    } catch {
      throw new CliError('the encrypted backup has a damaged header')
    }
    const suite = SUITES[header.suite]
    if (!suite) throw new CliError(`the encrypted backup names an unknown suite: ${header.suite}`)
    const key = deriveKey(secret, header)
    for (let n = 0; ; n++) {
      const lenBytes = await bytes.take(4)
      if (!lenBytes) throw new CliError('the encrypted backup is cut short (no last frame)')
      const size = lenBytes.readUInt32BE()
      if (size > MAX_FRAME) throw new CliError(`the encrypted backup's frame ${n} is damaged`)
      const sealed = (await bytes.take(size))!
      let plain: Buffer | null = null
      let last = false
      for (const flag of [false, true]) {
        try {
          plain = suite.open(key, sealed, aadOf(headerBytes, n, flag))
          last = flag
          break
        } catch (err) {
          if (!(err instanceof DecryptError)) throw err
        }
      }
      if (!plain)
        throw new CliError(
          n === 0
            ? `the ${'passphrase' in secret ? `passphrase (${secret.from})` : `key file ${secret.keyFile}`} does not open this encrypted backup (wrong ${'passphrase' in secret ? 'passphrase' : 'key'}, or the file was altered): nothing was restored`
            : `the encrypted backup's frame ${n} does not authenticate (the file was altered): nothing was restored`,
        )
      if (plain.length) yield plain
      if (last) {
        if (await bytes.take(1))
          throw new CliError('the encrypted backup has bytes after its last frame')
        return
      }
    }
  }
  return Readable.from(frames(), { objectMode: false })
}
