/**
 * The small parts of an .xlsx the sheet reader (read-xlsx.ts) needs besides the sheet: shared
 * strings, the number format of each cell style, and XML text decoding — read the way exceljs
 * read them, so a cell's text is what the imports always got.
 */

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** XML character data as text: entities decoded, line ends made \n (as an XML parser does). */
export function xmlText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (whole, hex?: string, dec?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()] ?? whole
    const cp = hex ? parseInt(hex, 16) : Number(dec)
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole
  })
}

const SI = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g
const T = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g
/** Excel's escape of a character XML cannot hold (_x000D_ is a carriage return). */
const X_ESCAPE = /_x([0-9A-F]{4})_/g

/** xl/sharedStrings.xml: each item's text, rich-text runs joined, phonetic guides left out. */
export function sharedStrings(xml: string): string[] {
  const out: string[] = []
  for (const m of xml.matchAll(SI)) {
    let text = ''
    const body = (m[1] ?? '').replace(PHONETIC, '')
    for (const t of body.matchAll(T)) text += xmlText(t[1]!)
    out.push(text.replace(X_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16))))
  }
  return out
}

/**
 * Excel's built-in number formats that are dates or times (ids 14–22, 45–47 everywhere; 27–36
 * and 50–58 are the East Asian date formats, 31 being yyyy"年"m"月"d"日").
 */
const BUILT_IN: Record<number, string> = {
  1: '0',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
}
for (const id of [27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58])
  BUILT_IN[id] = 'yyyy"年"m"月"d"日"'
for (const id of [32, 33, 55, 56]) BUILT_IN[id] = 'h"时"mm"分"'

const attr = (attrs: string, name: string) =>
  new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1]

/** xl/styles.xml: the number format code of each cell style (cellXfs), undefined for General. */
export function cellFormats(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>()
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'numFmtId')
    const code = attr(m[1]!, 'formatCode')
    if (id && code !== undefined) custom.set(Number(id), xmlText(code).replace(/\\(.)/g, '$1'))
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? ''
  const out: (string | undefined)[] = []
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1]!, 'numFmtId') ?? 0)
    out.push(id ? (custom.get(id) ?? BUILT_IN[id]) : undefined)
  }
  return out
}

/** A number format that shows a date or time (exceljs's test: y m d h s b outside quotes). */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))
}
