import type { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import yauzl from 'yauzl'
import { parseRange } from './cells.js'
import { refuse, WorkbookRefusedError, type WorkbookLimits } from './limits.js'
import { dateText, numberText, trimRow, type MergeRange, type WorkbookSheet } from './sheet.js'
import { cellFormats, isDateFormat, sharedStrings, xmlText } from './xlsx-parts.js'

/**
 * The first worksheet of an .xlsx that inspectXlsx has passed, read straight from its XML: the
 * workbook's sheet list and 1904 flag, the shared strings, the styles' number formats, then the
 * sheet inflated as a stream and cut into rows as it arrives — only the cells' text is kept,
 * never a model of the workbook (a 20 MB file read with exceljs's full load took 5.7 s and
 * 400 MB). Every cell becomes its text: numbers without float noise, dates as 2023年6月30日,
 * formulas by their result, rich text joined. A merged area's value is kept in its top-left cell
 * only.
 */
export async function readXlsxSheet(
  buffer: Buffer,
  limits: WorkbookLimits,
): Promise<WorkbookSheet> {
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, strictFileNames: false })
  } catch (err) {
    throw refuse.unreadable(err instanceof Error ? err.message : String(err))
  }
  try {
    const entries = new Map<string, yauzl.Entry>()
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry)
    const text = async (name: string) => {
      const entry = entries.get(name.toLowerCase())
      return entry ? inflateText(await zip.openReadStreamPromise(entry)) : ''
    }
    const workbook = await text('xl/workbook.xml')
    const sheet = firstSheet(workbook, await text('xl/_rels/workbook.xml.rels'))
    const entry = sheet && entries.get(sheet.part.toLowerCase())
    if (!sheet || !entry) throw refuse.noSheet()
    const styles = cellFormats(await text('xl/styles.xml'))
    const ctx: SheetContext = {
      strings: sharedStrings(await text('xl/sharedStrings.xml')),
      styles,
      dates: styles.map((f) => !!f && isDateFormat(f)),
      date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook),
      limits,
    }
    const reader = new SheetReader(ctx)
    const decoder = new StringDecoder('utf8')
    const stream = await zip.openReadStreamPromise(entry)
    try {
      for await (const chunk of stream) reader.push(decoder.write(chunk as Buffer))
    } finally {
      stream.destroy()
    }
    reader.push(decoder.end(), true)
    return { name: sheet.name, format: 'xlsx', rows: reader.rows, merges: reader.merges() }
  } catch (err) {
    if (err instanceof WorkbookRefusedError) throw err
    throw refuse.unreadable(err instanceof Error ? err.message : String(err))
  } finally {
    zip.close()
  }
}

async function inflateText(stream: Readable): Promise<string> {
  const parts: Buffer[] = []
  for await (const chunk of stream) parts.push(chunk as Buffer)
  return Buffer.concat(parts).toString('utf8')
}

const attr = (attrs: string, name: string) =>
  new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1]

/**
 * The workbook's first worksheet (chart sheets are not worksheets): its name and its part's
 * path inside the zip, through the workbook's relationships.
 */
function firstSheet(workbook: string, rels: string): { name: string; part: string } | null {
  const targets = new Map<string, string>()
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'Id')
    const target = attr(m[1]!, 'Target')
    if (id && target && /worksheets?\//i.test(target) && !/chartsheet/i.test(target))
      targets.set(id, target)
  }
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const id = /\br:id="([^"]*)"|\b\w+:id="([^"]*)"/.exec(m[1]!)
    const target = id && targets.get(id[1] ?? id[2]!)
    if (!target) continue
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`
    return { name: xmlText(attr(m[1]!, 'name') ?? ''), part }
  }
  return null
}

interface SheetContext {
  strings: string[]
  /** Each cell style's number format (by the cell's `s`), undefined for General. */
  styles: (string | undefined)[]
  /** Whether each cell style's format shows a date. */
  dates: boolean[]
  date1904: boolean
  limits: WorkbookLimits
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g
const MERGE = /<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"/g
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/
const INLINE_T = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g
const REF = /^([A-Z]{1,3})(\d+)$/
const ROW_END = /<\/(?:\w+:)?row>/g

/**
 * Cuts the sheet's XML into rows as chunks arrive: whatever follows the last complete `</row>`
 * waits for the next chunk; the merged areas (after the rows) are read as they come.
 */
class SheetReader {
  readonly rows: WorkbookSheet['rows'] = []
  private readonly ranges: MergeRange[] = []
  private pending = ''
  private lastRow = 0

  constructor(private readonly ctx: SheetContext) {}

  push(text: string, end = false): void {
    this.pending += text
    let last = end ? this.pending.length : -1
    if (!end) for (const m of this.pending.matchAll(ROW_END)) last = m.index + m[0].length
    if (last <= 0) return
    const done = this.pending.slice(0, last)
    this.pending = this.pending.slice(last)
    for (const m of done.matchAll(ROW)) this.row(m[1]!, m[2] ?? '')
    for (const m of done.matchAll(MERGE)) {
      const r = parseRange(m[1]!)
      if (r && (r.bottom > r.top || r.right > r.left)) this.ranges.push(r)
    }
  }

  private row(attrs: string, body: string): void {
    const r = attr(attrs, 'r')
    const rowNo = r ? Number(r) : this.lastRow + 1
    this.lastRow = rowNo
    if (!body) return
    if (rowNo > this.ctx.limits.maxRows) throw refuse.tooManyRows(rowNo, this.ctx.limits.maxRows)
    const cells: string[] = []
    let col = 0
    for (const m of body.matchAll(CELL)) {
      const a = m[1]!
      const ref = attr(a, 'r')
      const at = ref ? REF.exec(ref) : null
      col = at ? columnNumber(at[1]!) : col + 1
      const content = m[2]
      if (!content) continue
      const text = this.cellText(a, content)
      if (!text) continue
      if (col > this.ctx.limits.maxColumns)
        throw refuse.tooManyColumns(col, this.ctx.limits.maxColumns)
      while (cells.length < col - 1) cells.push('')
      cells[col - 1] = text
    }
    const trimmed = trimRow(cells)
    if (trimmed) this.rows.push({ rowNo, cells: trimmed })
  }

  /** A cell's text as exceljs gave it to the imports before (see the file's comment). */
  private cellText(attrs: string, content: string): string {
    const type = attr(attrs, 't') ?? 'n'
    if (type === 'inlineStr') {
      let out = ''
      for (const m of content.matchAll(INLINE_T)) out += xmlText(m[1]!)
      return out.trim()
    }
    const raw = VALUE.exec(content)?.[1]
    if (raw === undefined) return ''
    switch (type) {
      case 's':
        return (this.ctx.strings[Number(raw)] ?? '').trim()
      case 'str':
      case 'e':
        return xmlText(raw).trim()
      case 'b':
        return String(parseInt(raw, 10) !== 0)
      case 'd': {
        const d = new Date(xmlText(raw))
        return Number.isNaN(d.getTime()) ? xmlText(raw).trim() : dateText(d)
      }
    }
    const n = parseFloat(raw)
    if (Number.isNaN(n)) return ''
    // Style 0 (the default) formats nothing, as exceljs read it.
    const s = Number(attr(attrs, 's') ?? 0)
    const numFmt = s ? this.ctx.styles[s] : undefined
    if (s && this.ctx.dates[s]) return dateText(excelDate(n, this.ctx.date1904))
    return numberText(n, numFmt)
  }

  merges(): MergeRange[] {
    return this.ranges
  }
}

/** A → 1, AA → 27. */
function columnNumber(letters: string): number {
  let n = 0
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64)
  return n
}

/** An Excel serial day number as the UTC date it stands for. */
function excelDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000))
}
