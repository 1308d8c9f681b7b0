import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import { parseRange } from './cells.js'
import { refuse, WorkbookRefusedError, type WorkbookLimits } from './limits.js'

/** What the guard learnt of an .xlsx package without keeping any inflated byte. */
export interface XlsxInspection {
  /** Part names (xl/workbook.xml, xl/worksheets/sheet1.xml …). */
  parts: string[]
  uncompressedBytes: number
}

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i
const RATIO_FLOOR = 1024 * 1024

/**
 * Checks an .xlsx (a zip) before any library inflates it, in two passes:
 * 1. the central directory alone: the declared inflated sizes must stay under
 *    `maxUncompressedBytes` together, and no part over 1 MB may be compressed beyond `maxRatio`;
 * 2. every part is inflated as a stream and thrown away chunk by chunk — yauzl stops a part the
 *    moment it inflates past its declared size, so a directory that lies is caught after at most
 *    the declared bytes — while worksheet parts are scanned for their declared dimension and
 *    their row count.
 * Memory stays at a few chunks whatever the file claims. Throws WorkbookRefusedError.
 */
export async function inspectXlsx(buffer: Buffer, limits: WorkbookLimits): Promise<XlsxInspection> {
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.fromBufferPromise(buffer, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    })
  } catch (err) {
    throw refuse.unreadable(err instanceof Error ? err.message : String(err))
  }
  const entries: yauzl.Entry[] = []
  let total = 0
  try {
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
      if (total > limits.maxUncompressedBytes) throw refuse.tooLarge(limits.maxUncompressedBytes)
      if (entry.uncompressedSize > RATIO_FLOOR && ratio > limits.maxRatio)
        throw refuse.tooLarge(limits.maxUncompressedBytes)
      entries.push(entry)
    }
    const parts = entries.map((e) => e.fileName)
    if (!parts.some((p) => /^xl\/workbook\.xml$/i.test(p)))
      throw refuse.format('该压缩包', 'This zip archive')
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue
      const scan = SHEET_PART.test(entry.fileName) ? new SheetScan(limits) : null
      await drain(await zip.openReadStreamPromise(entry), scan)
    }
    return { parts, uncompressedBytes: total }
  } catch (err) {
    if (err instanceof WorkbookRefusedError) throw err
    // yauzl: "too many bytes in the stream" — a part inflating past its declared size.
    if (err instanceof Error && /too many bytes/i.test(err.message))
      throw refuse.tooLarge(limits.maxUncompressedBytes)
    throw refuse.unreadable(err instanceof Error ? err.message : String(err))
  } finally {
    zip.close()
  }
}

async function drain(stream: Readable, scan: SheetScan | null): Promise<void> {
  try {
    for await (const chunk of stream) scan?.push(chunk as Buffer)
  } finally {
    stream.destroy()
  }
}

const DIMENSION = /<(?:\w+:)?dimension\s+ref="([^"]+)"/
const ROW_TAG = /<(?:\w+:)?row[\s>/]/g

/**
 * Reads a worksheet's XML as it streams past: the `<dimension ref="A1:K12"/>` near its start and
 * a running count of `<row` elements, refusing as soon as either passes the limits.
 */
class SheetScan {
  private rows = 0
  private head = ''
  private tail = ''
  private dimensionSeen = false

  constructor(private readonly limits: WorkbookLimits) {}

  push(chunk: Buffer): void {
    const text = this.tail + chunk.toString('latin1')
    if (!this.dimensionSeen && this.head.length < 4096) {
      this.head += text
      const m = DIMENSION.exec(this.head)
      if (m) {
        this.dimensionSeen = true
        const r = parseRange(m[1]!)
        if (r && r.bottom - r.top + 1 > this.limits.maxRows)
          throw refuse.tooManyRows(r.bottom - r.top + 1, this.limits.maxRows)
        if (r && r.right > this.limits.maxColumns)
          throw refuse.tooManyColumns(r.right, this.limits.maxColumns)
      }
    }
    this.rows += (text.match(ROW_TAG) ?? []).length
    if (this.rows > this.limits.maxRows) throw refuse.tooManyRows(this.rows, this.limits.maxRows)
    // An unfinished tag name at the end of the chunk (`<ro`) is carried into the next one; a
    // complete one was counted here already.
    const lt = text.lastIndexOf('<')
    const open = lt >= 0 ? text.slice(lt + 1) : ''
    this.tail = lt >= 0 && open.length < 12 && !/[\s>/]/.test(open) ? text.slice(lt) : ''
  }
}
