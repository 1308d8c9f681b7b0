import { PassThrough } from 'node:stream'
import { once } from 'node:events'
import type ExcelJS from 'exceljs'
import type { FastifyReply } from 'fastify'
import { contentDisposition } from './http.js'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** What a streamed export builds its workbook with. */
export interface XlsxSink {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter
  /**
   * Call after each committed batch of rows: waits while the client is slower than the query
   * (the output buffer is over its high-water mark), so memory stays flat whatever the size.
   */
  pace(): Promise<void>
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
  let aborted = false
  reply.raw.once('close', () => {
    aborted = !reply.raw.writableFinished
  })
  const pace = async () => {
    if (aborted) throw new Error('export aborted: the client went away')
    if (out.writableNeedDrain) await once(out, 'drain')
    else await new Promise<void>((r) => setImmediate(r))
  }
  void (async () => {
    try {
      // exceljs is loaded on the first export, not at start (it is large).
      const { default: excel } = await import('exceljs')
      const workbook = new excel.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: true,
        useSharedStrings: false,
      })
      await build({ workbook, pace })
      await workbook.commit()
    } catch (err) {
      if (!aborted) reply.log.error({ err }, 'xlsx export failed mid-stream')
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
