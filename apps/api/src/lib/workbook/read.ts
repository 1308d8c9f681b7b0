import { DEFAULT_LIMITS, refuse, type WorkbookLimits } from './limits.js'
import { readXlsxSheet } from './read-xlsx.js'
import type { WorkbookSheet } from './sheet.js'
import { inspectXlsx } from './zip-guard.js'

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06]
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const starts = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x)

/** What the bytes are, by content alone (the name is never trusted). */
export function workbookFormat(buffer: Buffer): 'xlsx' | 'xls' | null {
  if (starts(buffer, ZIP) || starts(buffer, ZIP_EMPTY)) return 'xlsx'
  if (starts(buffer, CFB)) return 'xls'
  return null
}

/** What the refusal calls a file that is neither a zip nor a compound file. */
function describe(buffer: Buffer): [string, string] {
  const head = buffer.subarray(0, 4096)
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return ['该 PDF 文件', 'This PDF file']
  // Text (a .csv, a .txt, an HTML page saved as .xls): no NUL byte in its first bytes.
  if (head.length && !head.includes(0)) return ['该 CSV/文本文件', 'This CSV or text file']
  return ['该文件', 'This file']
}

/**
 * Reads the first worksheet of an uploaded workbook — .xlsx (checked by inspectXlsx before it
 * is inflated) or .xls (Excel 97–2003) — into the one sheet model every import uses. Anything
 * else (.et/.wps in WPS's own format, .csv, a PDF, a zip that is not a workbook) is refused
 * with WorkbookRefusedError, whose messages say to save the file as .xlsx or .xls.
 */
export async function readWorkbook(
  buffer: Buffer,
  limits: WorkbookLimits = DEFAULT_LIMITS,
): Promise<WorkbookSheet> {
  const format = workbookFormat(buffer)
  if (format === 'xlsx') {
    await inspectXlsx(buffer, limits)
    return readXlsxSheet(buffer, limits)
  }
  if (format === 'xls') {
    if (buffer.length > limits.maxUncompressedBytes)
      throw refuse.tooLarge(limits.maxUncompressedBytes)
    // SheetJS is loaded with the first .xls, not at start (it is large).
    return (await import('./read-xls.js')).readXlsSheet(buffer, limits)
  }
  const [zh, en] = describe(buffer)
  throw refuse.format(zh, en)
}
