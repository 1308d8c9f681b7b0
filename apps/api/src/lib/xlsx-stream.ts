import { PassThrough, type Writable } from 'node:stream'
import { once } from 'node:events'
import type ExcelJS from 'exceljs'
import type { FastifyReply } from 'fastify'
import { contentDisposition } from './http.js'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** What a streamed export builds its workbook with. */
export interface XlsxSink {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter
  /**
   * Call after each committed batch of rows: waits while the zip is behind the rows (the
   * compressor has not taken in what the sheet wrote) or the client is slower than the query
   * (the output buffer is over its high-water mark), so memory stays flat whatever the size.
   */
  pace(): Promise<void>
}

/** The little of a stream the pacing reads: Node's own streams and readable-stream 2's alike. */
interface Pipe {
  writableNeedDrain?: boolean
  _writableState?: { needDrain?: boolean }
  once(event: 'drain', fn: () => void): unknown
  removeListener(event: 'drain', fn: () => void): unknown
}

/**
 * The zip entries exceljs has not compressed yet, as writable streams over their high-water mark.
 * exceljs writes each worksheet's XML into a buffer (`_stream`, its StreamBuf) piped into the
 * zip's PassThrough for that entry, and ignores that stream's backpressure: the rows written
 * pile up there, uncompressed, as fast as the query delivers them (160 MB for a 50,000-row
 * ledger, measured) while deflate takes a 16 KB chunk per turn of the event loop. Waiting for
 * those pipes to drain is what keeps the export's memory flat. Internal fields of exceljs 4
 * (test/xlsx-stream.test.ts fails if they move), read defensively: if they are missing, the
 * pacing falls back to the output buffer alone.
 */
export function zipBacklog(workbook: ExcelJS.stream.xlsx.WorkbookWriter): Pipe | undefined {
  const sheets = (workbook as unknown as { _worksheets?: unknown[] })._worksheets ?? []
  for (const sheet of sheets) {
    const pipes = (sheet as { _stream?: { pipes?: Pipe[] } } | undefined)?._stream?.pipes ?? []
    for (const pipe of pipes)
      if (pipe.writableNeedDrain ?? pipe._writableState?.needDrain) return pipe
  }
  return undefined
}

/**
 * The `pace` of a streamed workbook writing into `out`: waits until the zip has taken in what the
 * sheets wrote and `out` is under its high-water mark (else yields one turn of the event loop);
 * throws once `signal` aborts (the client went away).
 */
export function pacer(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  out: Writable,
  signal: AbortSignal,
): () => Promise<void> {
  return async () => {
    for (let behind = zipBacklog(workbook); behind; behind = zipBacklog(workbook))
      await drained(behind, signal)
    if (signal.aborted) throw new Error('export aborted: the client went away')
    if (out.writableNeedDrain) await once(out, 'drain', { signal })
    else await new Promise<void>((r) => setImmediate(r))
  }
}

/** Resolves on the stream's next 'drain', or rejects when `signal` aborts first. */
function drained(stream: Pipe, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      stream.removeListener('drain', done)
      reject(new Error('export aborted: the client went away'))
    }
    const done = () => {
      signal.removeEventListener('abort', abort)
      resolve()
    }
    if (signal.aborted) return abort()
    stream.once('drain', done)
    signal.addEventListener('abort', abort, { once: true })
  })
}

/**
 * Streams an .xlsx to the client while `build` writes it: exceljs's streaming WorkbookWriter
 * (rows are committed and zipped as they come, never held as a workbook in memory), piped into
 * the reply. `build` adds worksheets, commits rows, calls `pace()` between batches, and must not
 * commit the workbook (this function does). Headers are sent before the first byte, so a failure
 * mid-way can only cut the download short: it is logged and the connection closed, never a
 * half-valid file presented as whole (the zip's central directory is written last).
 */
export function sendXlsx(
  reply: FastifyReply,
  filename: string,
  build: (sink: XlsxSink) => Promise<void>,
): FastifyReply {
  const out = new PassThrough({ highWaterMark: 1 << 20 })
  const gone = new AbortController()
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) gone.abort()
  })
  void (async () => {
    try {
      // exceljs is loaded on the first export, not at start (it is large).
      const { default: excel } = await import('exceljs')
      const workbook = new excel.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: true,
        useSharedStrings: false,
      })
      await build({ workbook, pace: pacer(workbook, out, gone.signal) })
      await workbook.commit()
    } catch (err) {
      if (!gone.signal.aborted) reply.log.error({ err }, 'xlsx export failed mid-stream')
      out.destroy(err as Error)
    }
  })()
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', contentDisposition(filename))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(out)
}

/** ARGB fill colours for the lights, as cities colour a 台账's 预警 column. */
export const LIGHT_FILLS: Record<string, string> = {
  green: 'FFC6EFCE',
  blue: 'FFBDD7EE',
  yellow: 'FFFFEB9C',
  red: 'FFFFC7CE',
}
