import { Converter } from 'opencc-js/t2cn'

/**
 * Traditional → simplified characters through OpenCC's own dictionaries (opencc-js, MIT and
 * Apache-2.0; the t2cn build is about 110 kB): the Taiwan-variant table (`tw`), which also covers
 * plain traditional forms (灃西新城 → 沣西新城, 大氣 → 大气, 裡 → 里). Characters only, no phrase
 * rewriting, so a name is never turned into a different word.
 */
let converter: ((text: string) => string) | undefined
/**
 * The converter, built on its first use: its dictionary trie is ~2 MB of heap that an API which
 * imports no workbook need not hold.
 */
const toSimplifiedChars = (text: string): string =>
  (converter ??= Converter({ from: 'tw', to: 'cn' }))(text)

/** Short texts already converted: unit names, labels, marks and deadlines repeat row after row. */
const memo = new Map<string, string>()
const MEMO_LENGTH = 64
const MEMO_SIZE = 20_000

/** Traditional characters made simplified; everything else left as it is. */
export function toSimplified(text: string): string {
  // Plain ASCII and most simplified text passes through unchanged; skip the dictionary walk then.
  if (!/[\u3000-\uffff]/u.test(text)) return text
  if (text.length > MEMO_LENGTH) return toSimplifiedChars(text)
  const known = memo.get(text)
  if (known !== undefined) return known
  if (memo.size >= MEMO_SIZE) memo.clear()
  const out = toSimplifiedChars(text)
  memo.set(text, out)
  return out
}

/**
 * A column label as compared with a field dictionary: full-width forms made ASCII (NFKC: a
 * full-width （一） becomes (一), ３ becomes 3), traditional characters simplified, every space
 * and line break removed (整改\n时限 → 整改时限; an ideographic space inside 序号 goes too).
 */
export function normalizeLabel(text: string): string {
  return toSimplified(text.normalize('NFKC')).replace(/[\s\u3000]+/gu, '')
}

/**
 * A cell value as compared with known names (units, regions, domains, findings, modes): NFKC,
 * simplified, trimmed, inner runs of spaces collapsed to one. Stored free text (a problem's
 * title, a complaint, a measure) is kept as written instead: imports call this only where they
 * match a value against names.
 */
export function normalizeValue(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .replace(/[\s\u3000]+/gu, ' ')
    .trim()
}
