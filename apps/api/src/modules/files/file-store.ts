import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream, mkdirSync } from 'node:fs'
import { mkdir, open, rename, rm, rmdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../../errors.js'

/** What a store returns for bytes it has kept. */
export interface StoredFile {
  /** Where the store keeps the bytes; opaque to everyone else. */
  key: string
  size: number
  /** SHA-256 of the bytes, hex. */
  sha256: string
}

export interface PutOptions {
  /** Refuse (with FileTooLargeError, keeping nothing) once more than this many bytes arrive. */
  maxBytes?: number
}

/**
 * Where evidence bytes live. The database keeps the record (name, type, owner); the store keeps
 * only bytes under a key, so an S3-compatible store can replace the local one. `put` keeps the
 * bytes only if the whole stream arrives: on any error nothing stays behind.
 */
export interface FileStore {
  put(stream: Readable, opts?: PutOptions): Promise<StoredFile>
  /**
   * The bytes of a key. Rejects with AppError `file_missing` (410) when the store no longer has
   * them (lost from disk, a restore without the files), so a download answers 410, never 500.
   */
  open(key: string): Promise<Readable>
  /** Removes a key; a missing key is not an error. */
  remove(key: string): Promise<void>
  /** Lets go of connections (the S3 client's sockets); the local store has none. */
  close?(): void
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`File larger than ${maxBytes} bytes`)
  }
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/

/**
 * Files on the local disk under `root`: each upload is written to a temporary file in `root`
 * while it is hashed and counted, then renamed (atomic on one file system) to `xx/<random id>`.
 * Temporary names start with a dot and end in `.part`; a crash leaves at most such a file.
 */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true })
  }

  async put(stream: Readable, opts: PutOptions = {}): Promise<StoredFile> {
    const id = randomUUID().replace(/-/g, '')
    const key = `${id.slice(-2)}/${id}`
    const temp = join(this.root, `.${id}.part`)
    try {
      const { size, sha256 } = await spool(stream, temp, opts, 0o640)
      const path = this.path(key)
      await mkdir(dirname(path), { recursive: true })
      await rename(temp, path)
      return { key, size, sha256 }
    } catch (err) {
      await rm(temp, { force: true })
      throw err
    }
  }

  async open(key: string): Promise<Readable> {
    // Opening first makes a missing file fail here, before any response header is sent.
    const handle = await open(this.path(key), 'r').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') throw fileMissing()
      throw err
    })
    return handle.createReadStream()
  }

  async remove(key: string): Promise<void> {
    const path = this.path(key)
    await rm(path, { force: true })
    // Drop the shard directory once empty (it fails harmlessly while other files are in it).
    await rmdir(dirname(path)).catch(() => undefined)
  }

  /** Nothing to let go of: files are opened per call. */
  close(): void {}

  /** Where a key's bytes are on disk (for `rectify backup` and `rectify doctor`). */
  path(key: string): string {
    if (!KEY.test(key)) throw new Error(`Not a key of this store: ${key}`)
    return join(this.root, key)
  }
}

export const fileMissing = () =>
  new AppError(
    'file_missing',
    'The content of this file is missing from the file store; an administrator can find such files with `rectify doctor` and restore them from a backup',
  )

/**
 * Writes `stream` to the new file `temp`, counting and hashing it on the way: refuses with
 * FileTooLargeError once more than `opts.maxBytes` arrive. Every store spools an upload this way
 * before it keeps it; the caller removes `temp` on failure. With `withMd5`, also the MD5 (base64)
 * for stores whose server checks the bytes it receives (S3's Content-MD5).
 */
export async function spool(
  stream: Readable,
  temp: string,
  opts: PutOptions,
  mode: number,
  withMd5 = false,
): Promise<{ size: number; sha256: string; md5?: string }> {
  const sha = createHash('sha256')
  const md5 = withMd5 ? createHash('md5') : null
  let size = 0
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (opts.maxBytes !== undefined && size > opts.maxBytes)
        return done(new FileTooLargeError(opts.maxBytes))
      sha.update(chunk)
      md5?.update(chunk)
      done(null, chunk)
    },
  })
  await pipeline(stream, meter, createWriteStream(temp, { flags: 'wx', mode }))
  return { size, sha256: sha.digest('hex'), md5: md5?.digest('base64') }
}
