import { Readable } from 'node:stream'
import type { FileInfo } from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { AppError, notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { uuidv7 } from '../../lib/ids.js'
import { recordAudit } from '../audit/index.js'
import { problemScope } from '../problems/index.js'
import type { FileAccess, FileReadRule } from './files.access.js'
import { FileTooLargeError, type FileStore } from './file-store.js'
import { filesRepository as repo, type FileRow } from './files.repository.js'
import {
  MAGIC_BYTES,
  MarkerScanner,
  classify,
  sanitizeName,
  sniffFamily,
  type FileType,
} from './sniff.js'

export function toFileInfo(r: FileRow): FileInfo {
  return {
    id: r.id,
    name: r.name,
    size: r.size,
    mimeType: r.mimeType,
    sha256: r.sha256,
    createdAt: r.createdAt.toISOString(),
  }
}

/** One uploaded file as the HTTP layer hands it over. */
export interface UploadInput {
  /** The name the client gave (only sanitised and kept for display, never trusted for the type). */
  filename: string | undefined
  stream: Readable
  /** True when the transport cut the file at its size limit. */
  truncated?: () => boolean
}

/** Narrower rules for one kind of upload (e.g. photos on the public board). */
export interface UploadRules {
  /** Largest accepted size (default: the service's FILE_MAX_BYTES). */
  maxBytes?: number
  /** Types accepted out of those the sniffer knows; the rest is refused with 415 and `refusal`. */
  accept?: (type: FileType) => boolean
  refusal?: string
}

const UNSUPPORTED =
  'Accepted are images (JPEG, PNG, GIF, WebP), PDF, Office documents (Word, Excel, PowerPoint) and ZIP archives'
/** Owners whose files are read like their problem (files.problem_id is set on attach). */
export const PROBLEM_OWNED: ReadonlySet<string> = new Set([
  'report',
  'acceptance',
  'rebound_review',
])

/** Unattached uploads older than this may be purged. */
export const UNATTACHED_TTL_HOURS = 24

/**
 * Evidence files (佐证材料): upload (type sniffed from the bytes, SHA-256 recorded, nothing kept
 * when refused), download authorised like the record the file belongs to, purge of uploads never
 * attached. Attaching happens in the owner's transaction (see reports.service.ts).
 */
export class FilesService {
  /** The owning modules' read rules, by owner type (see files.access.ts). */
  private readonly access: Record<string, FileReadRule> = {}

  constructor(
    private readonly db: Db,
    private readonly store: FileStore,
    private readonly maxBytes: number,
  ) {}

  /**
   * Who may read the files attached to an owning module's records, by owner type: each such
   * module hands its rules over in its registration (its index.ts). Two modules claiming one
   * owner type is a wiring mistake, refused at start.
   */
  allowReads(rules: FileAccess): void {
    for (const [ownerType, rule] of Object.entries(rules)) {
      if (ownerType in this.access || PROBLEM_OWNED.has(ownerType))
        throw new Error(`Files of owner type ${ownerType} already have a read rule`)
      this.access[ownerType] = rule
    }
  }

  async upload(ctx: Ctx, input: UploadInput, rules: UploadRules = {}): Promise<FileInfo> {
    const maxBytes = rules.maxBytes ?? this.maxBytes
    const refused = () => new AppError('unsupported_media_type', rules.refusal ?? UNSUPPORTED)
    // A stream cut at the transport's size limit ends normally: refuse it before the store keeps it.
    const cutAtLimit = () => {
      if (input.truncated?.()) throw tooLarge(maxBytes)
    }
    const { head, rest } = await peek(input.stream, MAGIC_BYTES, cutAtLimit)
    const family = sniffFamily(head)
    // Outside a container the family names the type: refuse it before a byte is stored.
    const known =
      family && family !== 'zip' && family !== 'ole' ? classify(family, new MarkerScanner()) : null
    if (!family || (known && rules.accept && !rules.accept(known))) {
      input.stream.destroy()
      throw refused()
    }
    const scan = family === 'zip' || family === 'ole' ? new MarkerScanner() : null
    let stored
    try {
      stored = await this.store.put(Readable.from(rest(scan ? (c) => scan.push(c) : undefined)), {
        maxBytes,
      })
    } catch (err) {
      if (err instanceof FileTooLargeError) throw tooLarge(maxBytes)
      throw err
    }
    const type = classify(family, scan ?? new MarkerScanner())
    if (!type || (rules.accept && !rules.accept(type))) {
      await this.store.remove(stored.key)
      throw type ? refused() : new AppError('unsupported_media_type', UNSUPPORTED)
    }
    try {
      return await this.db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          id: uuidv7(),
          name: sanitizeName(input.filename, type),
          size: stored.size,
          mimeType: type.mimeType,
          sha256: stored.sha256,
          storageKey: stored.key,
          unitId: ctx.actor.unitId,
          uploadedBy: ctx.actor.id,
        })
        const info = toFileInfo(row)
        await recordAudit(tx, ctx, {
          action: 'file.uploaded',
          entityType: 'file',
          entityId: row.id,
          after: { ...info, problemId: null },
        })
        return info
      })
    } catch (err) {
      await this.store.remove(stored.key)
      throw err
    }
  }

  /**
   * The file record if the actor may read it: a file attached to a report is read like the
   * report (its problem must be visible to the actor); an unattached one only by its uploader.
   * Acceptance materials and rebound-review evidence likewise; any other owner's files by the
   * owning module's rule (`access`). Anything else answers 404.
   */
  async find(ctx: Ctx, id: string): Promise<FileRow> {
    const row = await repo.findById(this.db, id)
    if (!row || !(await this.readable(ctx, row))) throw notFound('File')
    return row
  }

  open(row: FileRow): Promise<Readable> {
    return this.store.open(row.storageKey)
  }

  /**
   * Deletes uploads never attached to a record and older than `hours` (rows first, then the
   * bytes), in batches; returns how many. For a scheduler or the CLI.
   */
  async purgeUnattached(ctx: Ctx, hours = UNATTACHED_TTL_HOURS, now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - hours * 3_600_000)
    let purged = 0
    for (;;) {
      const rows = await this.db.transaction(async (tx) => {
        const gone = await repo.deleteUnattached(tx, before, 200)
        await recordAudit(
          tx,
          ctx,
          ...gone.map((r) => ({
            action: 'file.purged',
            entityType: 'file',
            entityId: r.id,
            unitId: r.unitId,
            before: { ...toFileInfo(r), problemId: null },
          })),
        )
        return gone
      })
      for (const r of rows) await this.store.remove(r.storageKey)
      purged += rows.length
      if (rows.length < 200) return purged
    }
  }

  private async readable(ctx: Ctx, row: FileRow): Promise<boolean> {
    const { actor } = ctx
    if (row.ownerType === null) return actor.id !== null && row.uploadedBy === actor.id
    // Evidence of a problem's records is read like the problem.
    if (PROBLEM_OWNED.has(row.ownerType) && row.problemId)
      return repo.problemVisible(this.db, row.problemId, problemScope(actor))
    // Everything else by the rule of the module that owns the record.
    const rule = this.access[row.ownerType]
    return rule ? rule(this.db, { ...row, ownerType: row.ownerType }, actor) : false
  }
}

function tooLarge(max: number) {
  return new AppError('payload_too_large', `Files may be at most ${max} bytes`)
}

/**
 * Reads the first `n` bytes of a stream (fewer if it ends sooner) and hands back a generator of
 * the whole stream, head included, that reports each chunk to `onChunk`. `atEnd` runs when the
 * source has ended and may throw to fail the stream instead of ending it.
 */
async function peek(src: Readable, n: number, atEnd: () => void) {
  const it = src[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const chunks: Buffer[] = []
  let length = 0
  let ended = false
  while (length < n) {
    const r = await it.next()
    if (r.done) {
      ended = true
      break
    }
    chunks.push(r.value)
    length += r.value.length
  }
  const head = Buffer.concat(chunks)
  if (ended) atEnd()
  async function* rest(onChunk?: (chunk: Buffer) => void) {
    try {
      if (head.length) {
        onChunk?.(head)
        yield head
      }
      while (!ended) {
        const r = await it.next()
        if (r.done) {
          ended = true
          atEnd()
        } else {
          onChunk?.(r.value)
          yield r.value
        }
      }
    } finally {
      // Stopped early (the store refused or failed): release the source too.
      if (!ended) await it.return?.()
    }
  }
  return { head, rest }
}
