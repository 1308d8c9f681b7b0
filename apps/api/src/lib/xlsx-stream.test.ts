import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { pacer, zipBacklog } from './xlsx-stream.js'

const ROW = Array.from(
  { length: 12 },
  (_, i) => `第${i}列：城区污水管网雨污混流，部分河段水质不达标`,
)

/** A streamed workbook into a PassThrough whose bytes are counted as they come. */
function writer() {
  const out = new PassThrough({ highWaterMark: 1 << 20 })
  const seen = { bytes: 0, chunks: [] as Buffer[] }
  out.on('data', (c: Buffer) => {
    seen.bytes += c.length
    seen.chunks.push(c)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true })
  return { out, seen, workbook, sheet: workbook.addWorksheet('台账') }
}

/** The bytes exceljs holds for the zip, not yet compressed (the pipes' buffered length). */
function pending(workbook: ExcelJS.stream.xlsx.WorkbookWriter): number {
  const sheets = (workbook as unknown as { _worksheets: { _stream?: { pipes: unknown[] } }[] })
    ._worksheets
  return sheets
    .flatMap((s) => s?._stream?.pipes ?? [])
    .reduce<number>(
      (n, p) => n + (p as { _writableState: { length: number } })._writableState.length,
      0,
    )
}

describe('the pacing of streamed workbooks', () => {
  it('sees the rows exceljs piles up ahead of the zip (its internals are where it reads them)', () => {
    const { workbook, sheet } = writer()
    expect(zipBacklog(workbook)).toBeUndefined()
    for (let i = 0; i < 2000; i++) sheet.addRow([i, ...ROW]).commit()
    expect(pending(workbook)).toBeGreaterThan(1 << 20)
    expect(zipBacklog(workbook)).toBeDefined()
  })

  it('keeps what waits for the zip under two megabytes while 6,000 rows are written', async () => {
    const { out, seen, workbook, sheet } = writer()
    const pace = pacer(workbook, out, new AbortController().signal)
    let most = 0
    let midway = 0
    for (let i = 0; i < 6_000; i++) {
      sheet.addRow([i, ...ROW]).commit()
      if (i % 200 === 199) {
        most = Math.max(most, pending(workbook))
        await pace()
      }
      if (i === 3_000) midway = seen.bytes
    }
    sheet.commit()
    await workbook.commit()
    // Unpaced, the whole sheet (~6 MB of XML) waits there and the zip sends it at the end.
    expect(most).toBeLessThan(2 << 20)
    expect(midway).toBeGreaterThan(seen.bytes / 4)
    const back = new ExcelJS.Workbook()
    await back.xlsx.load(Buffer.concat(seen.chunks) as unknown as ArrayBuffer)
    const ws = back.getWorksheet('台账')!
    expect(ws.rowCount).toBe(6_000)
    expect(ws.getRow(6_000).values).toEqual([undefined, 5_999, ...ROW])
  })

  it('stops waiting when the client goes away', async () => {
    const { out, workbook, sheet } = writer()
    out.pause()
    out.removeAllListeners('data')
    const gone = new AbortController()
    const pace = pacer(workbook, out, gone.signal)
    for (let i = 0; i < 2000; i++) sheet.addRow([i, ...ROW]).commit()
    const waiting = pace()
    gone.abort()
    await expect(waiting).rejects.toThrow(/went away/)
  })
})
