/**
 * Splits a 整改措施 cell into measures. Plans number them 1、 / 1. / 1． / （1） / (1) / 一、 /
 * （一） / ①, or write one per line. A number counts as an item marker only at a boundary (start,
 * line break, after 。；;：:) and only in sequence (1, then 2, then 3 …), so "1.2019年3月完成…"
 * is item 1 whose text starts with a date, and "治理3.5公里" or "2019年" never start an item.
 * A cell without numbering is one measure, or one per line when it has several lines.
 */
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const cnNumber = (n: number) =>
  n <= 10 ? CN[n]! : n < 20 ? `十${CN[n - 10]}` : `${CN[Math.floor(n / 10)]}十${CN[n % 10]}`
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'

/**
 * The marker strings of item `n` in one numbering style; bracketed and circled markers cannot be
 * mistaken for text, so they count anywhere, bare numbers only at a boundary.
 */
interface Style {
  markers: (n: number) => string[]
  anywhere: boolean
}
const STYLES: Style[] = [
  { markers: (n) => [`${n}、`, `${n}.`, `${n}．`, `${n}，`], anywhere: false },
  { markers: (n) => [`（${n}）`, `(${n})`, `（${n})`, `(${n}）`], anywhere: true },
  { markers: (n) => [`${cnNumber(n)}、`, `${cnNumber(n)}是`], anywhere: false },
  { markers: (n) => [`（${cnNumber(n)}）`, `(${cnNumber(n)})`], anywhere: true },
  { markers: (n) => (n <= 20 ? [CIRCLED[n - 1]!] : []), anywhere: true },
]

const BOUNDARY = /[\n。；;：:\s]/

function atBoundary(text: string, i: number): boolean {
  let j = i - 1
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u3000')) j--
  return j < 0 || BOUNDARY.test(text[j]!)
}

/** The position of item n's marker at a boundary at or after `from`, with its length. */
function findMarker(text: string, style: Style, n: number, from: number) {
  let best: { at: number; len: number } | null = null
  for (const m of style.markers(n)) {
    let i = text.indexOf(m, from)
    while (i >= 0 && !style.anywhere && !atBoundary(text, i)) i = text.indexOf(m, i + 1)
    // "1、" must not be the tail of "11、".
    while (i > 0 && /\d/.test(m[0]!) && /\d/.test(text[i - 1]!)) i = text.indexOf(m, i + 1)
    if (i >= 0 && (!best || i < best.at)) best = { at: i, len: m.length }
  }
  return best
}

function splitBy(text: string, style: Style): string[] | null {
  const first = findMarker(text, style, 1, 0)
  if (!first || first.at !== 0) return null
  const items: string[] = []
  let cur = first
  for (let n = 2; ; n++) {
    const next = findMarker(text, style, n, cur.at + cur.len)
    items.push(text.slice(cur.at + cur.len, next ? next.at : undefined))
    if (!next) break
    cur = next
  }
  return items
}

const tidy = (s: string) => s.replace(/^[\s\u3000]+|[\s\u3000；;，,]+$/g, '')

/** The measures a cell lists, in order, markers removed; [] for a blank cell. */
export function splitMeasures(cell: string): string[] {
  const text = cell.replace(/\r\n?/g, '\n').trim()
  if (!text) return []
  let best: string[] | null = null
  for (const style of STYLES) {
    const items = splitBy(text, style)
    if (items && (!best || items.length > best.length)) best = items
  }
  if (best) return best.map(tidy).filter(Boolean)
  return text.split('\n').map(tidy).filter(Boolean)
}

/** The measures written back as one cell, numbered 1、2、… one per line (the export's form). */
export function joinMeasures(contents: readonly string[]): string {
  return contents.map((c, i) => `${i + 1}、${c}`).join('\n')
}
