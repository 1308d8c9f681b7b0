import { once } from 'node:events'
import type { Readable, Writable } from 'node:stream'

/**
 * The few parts of POSIX ustar a backup needs: regular files with short names, written and read
 * as streams (bounded memory: one chunk at a time, never a whole entry). Any `tar` can list or
 * unpack an archive written here.
 */
const BLOCK = 512
const MAX_SIZE = 8 ** 11 - 1 // the 11 octal digits of the size field: 8 GiB

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: name too long: ${name}`)
  if (size > MAX_SIZE) throw new Error(`tar: ${name} is larger than 8 GiB`)
  const h = Buffer.alloc(BLOCK)
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, '0')
  h.write(name, 0, 100, 'utf8')
  h.write(octal(0o600, 8), 100, 8, 'ascii') // mode
  h.write(octal(0, 8), 108, 8, 'ascii') // uid
  h.write(octal(0, 8), 116, 8, 'ascii') // gid
  h.write(octal(size, 12), 124, 12, 'ascii')
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12, 'ascii')
  h.write('        ', 148, 8, 'ascii') // checksum placeholder: spaces
  h.write('0', 156, 1, 'ascii') // regular file
  h.write('ustar\u000000', 257, 8, 'ascii')
  let sum = 0
  for (const byte of h) sum += byte
  h.write(`${octal(sum, 7)}\u0000 `, 148, 8, 'ascii')
  return h
}

/** Writes entries to `out`, honouring its back-pressure. */
export class TarWriter {
  constructor(private readonly out: Writable) {}

  private async write(chunk: Buffer): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, 'drain')
  }

  /** One entry of exactly `size` bytes from `body` (a Buffer or a stream of that many bytes). */
  async entry(name: string, size: number, body: Buffer | AsyncIterable<Buffer>): Promise<void> {
    await this.write(header(name, size, new Date()))
    let written = 0
    const chunks = Buffer.isBuffer(body) ? [body] : body
    for await (const chunk of chunks) {
      written += chunk.length
      if (written > size) throw new Error(`tar: ${name} grew while it was written`)
      await this.write(chunk)
    }
    if (written !== size) throw new Error(`tar: ${name} has ${written} bytes, not ${size}`)
    const pad = (BLOCK - (size % BLOCK)) % BLOCK
    if (pad) await this.write(Buffer.alloc(pad))
  }

  /** The two zero blocks that end an archive; then ends `out` and waits until it is flushed. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(2 * BLOCK))
    this.out.end()
    await once(this.out, 'finish')
  }
}

/** Reads exactly the bytes asked for from a stream of chunks. */
class ByteReader {
  private buffered: Buffer = Buffer.alloc(0)
  private done = false
  private readonly it: AsyncIterator<Buffer>

  constructor(source: Readable) {
    this.it = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false
    const r = await this.it.next()
    if (r.done) {
      this.done = true
      return false
    }
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, r.value]) : r.value
    return true
  }

  /** Exactly `n` bytes, or null when the stream ended first. */
  async exactly(n: number): Promise<Buffer | null> {
    while (this.buffered.length < n) if (!(await this.fill())) return null
    const out = this.buffered.subarray(0, n)
    this.buffered = this.buffered.subarray(n)
    return out
  }

  /** The next bytes, at most `max` and at least one; throws when the stream has ended. */
  async take(max: number): Promise<Buffer> {
    if (!this.buffered.length && !(await this.fill()))
      throw new TarError('the archive is cut short')
    const out = this.buffered.subarray(0, Math.min(max, this.buffered.length))
    this.buffered = this.buffered.subarray(out.length)
    return out
  }
}

export class TarError extends Error {}

export interface TarEntry {
  name: string
  size: number
  /** The entry's bytes; consumed (or skipped) before the next entry is read. */
  body: AsyncGenerator<Buffer>
}

/** The regular-file entries of a tar stream, in order. Other entry types are skipped. */
export async function* readTar(source: Readable): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source)
  for (;;) {
    const h = await reader.exactly(BLOCK)
    if (!h) throw new TarError('the archive is cut short (no end marker)')
    if (h.every((b) => b === 0)) return
    let sum = 0
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!
    if (parseInt(h.toString('ascii', 148, 156), 8) !== sum)
      throw new TarError('not a tar archive (bad header checksum)')
    const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '')
    const size = parseInt(h.toString('ascii', 124, 136), 8)
    const type = h.toString('ascii', 156, 157)
    let left = size
    if (type === '0' || type === '\0') {
      const body = (async function* () {
        while (left > 0) {
          const chunk = await reader.take(left)
          left -= chunk.length
          yield chunk
        }
      })()
      yield { name, size, body }
    }
    // Whatever the consumer left unread, and the bodies of other entry types.
    while (left > 0) left -= (await reader.take(left)).length
    const pad = (BLOCK - (size % BLOCK)) % BLOCK
    if (pad && !(await reader.exactly(pad))) throw new TarError('the archive is cut short')
  }
}
