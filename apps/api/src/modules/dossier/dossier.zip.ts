import { createHash } from 'node:crypto'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'
import { ZipFile } from 'yazl'
import type { DossierFile } from './dossier.repository.js'
import { evidencePath } from './dossier.source.js'

/** Names the layout of the archive; bump the version when entries or manifest fields change. */
export const DOSSIER_GENERATOR = { name: 'rectify-dossier', version: '1.0.0' } as const

/** One entry of manifest.json: what the archive holds and the SHA-256 of the bytes written. */
export interface ManifestEntry {
  path: string
  size: number
  sha256: string
  /** Evidence only: the file's id and what the files table recorded at upload. */
  fileId?: string
  storedSize?: number
  storedSha256?: string
  /** Evidence only: the bytes read from the store differ from what was recorded at upload. */
  mismatch?: true
}

/** An evidence file the store could not open: listed in the manifest instead of the archive. */
export interface MissingFile {
  fileId: string
  path: string
  storedSize: number
  storedSha256: string
}

/** What the archive is made of; each part is read only when its turn comes. */
export interface DossierParts {
  problem: { id: string; code: string; title: string }
  generatedAt: Date
  /** index.html in chunks. */
  html: () => AsyncIterable<string>
  /** The evidence files to include, in order. */
  evidence: () => AsyncIterable<DossierFile>
  /** audit.jsonl in chunks of whole lines. */
  audit: () => AsyncIterable<string>
  /** The bytes of an evidence file (rejects when the store has none). */
  open: (file: DossierFile) => Promise<Readable>
}

/** Counts and hashes what passes through: the manifest records the bytes actually written. */
class Meter extends Transform {
  readonly hash = createHash('sha256')
  size = 0
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length
    this.hash.update(chunk)
    done(null, chunk)
  }
}

class Stopped extends Error {}

/**
 * The dossier as a zip stream: index.html, evidence/…, audit.jsonl, then manifest.json with the
 * size and SHA-256 of every other entry. Entries are added one at a time — the next file is
 * opened only when the previous one has been consumed — so memory and open file handles stay
 * bounded whatever the dossier's size, and the response's backpressure paces the reading.
 *
 * When the consumer goes away (the HTTP layer destroys the stream on a client disconnect), the
 * entry being read is destroyed, which closes its file handle or stops its database paging, and
 * nothing further is read. A failure mid-way destroys the stream with the error: the archive
 * cannot be finished honestly once bytes have been sent.
 */
export function zipDossier(parts: DossierParts): Readable {
  const zip = new ZipFile()
  const out = zip.outputStream as Readable
  let stopped = false
  let current: Readable | null = null
  const stop = () => {
    stopped = true
    current?.destroy()
  }
  const fail = (err: unknown) => {
    stop()
    out.destroy(err instanceof Error ? err : new Error(String(err)))
  }
  out.once('close', stop)
  zip.on('error', fail)
  const mtime = parts.generatedAt

  /** Adds one entry and resolves once the archive has consumed all of it. */
  async function add(path: string, source: Readable, compress: boolean): Promise<Meter> {
    if (stopped) {
      source.destroy()
      throw new Stopped()
    }
    const meter = new Meter()
    current = meter
    const piped = pipeline(source, meter)
    zip.addReadStream(meter, path, { mtime, compress })
    await Promise.all([piped, finished(meter)])
    current = null
    return meter
  }

  async function write() {
    const entries: ManifestEntry[] = []
    const missing: MissingFile[] = []
    const text = async (path: string, chunks: AsyncIterable<string>) => {
      const m = await add(path, Readable.from(chunks), true)
      entries.push({ path, size: m.size, sha256: m.hash.digest('hex') })
    }
    await text('index.html', parts.html())
    for await (const file of parts.evidence()) {
      if (stopped) throw new Stopped()
      const path = evidencePath(file)
      let source: Readable
      try {
        source = await parts.open(file)
      } catch {
        // A file the store lost must not cost the whole dossier: the manifest says so instead.
        missing.push({ fileId: file.id, path, storedSize: file.size, storedSha256: file.sha256 })
        continue
      }
      // Stored uncompressed: evidence is mostly photos and PDFs, which deflate would not shrink.
      const m = await add(path, source, false)
      const sha256 = m.hash.digest('hex')
      entries.push({
        path,
        size: m.size,
        sha256,
        fileId: file.id,
        storedSize: file.size,
        storedSha256: file.sha256,
        ...(sha256 !== file.sha256 || m.size !== file.size ? { mismatch: true as const } : {}),
      })
    }
    await text('audit.jsonl', parts.audit())
    if (stopped) throw new Stopped()
    const manifest = {
      generator: DOSSIER_GENERATOR,
      generatedAt: parts.generatedAt.toISOString(),
      problem: parts.problem,
      entries,
      missingFiles: missing,
    }
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json', {
      mtime,
    })
    zip.end()
  }

  write().catch((err: unknown) => {
    if (!stopped && !(err instanceof Stopped)) fail(err)
  })
  return out
}
