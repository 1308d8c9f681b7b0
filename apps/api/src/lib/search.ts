/**
 * Chinese-capable text search without a tokenizer or locale: text is indexed as its overlapping
 * character bigrams (plus single CJK characters), stored in a `text[]` with a GIN index. A query
 * matches when the row holds all of the query's bigrams (`@>`, indexed); an ILIKE on the
 * candidates then makes the match exact. The same on PostgreSQL and PGlite, whatever the locale.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u
const RUN = /[\p{L}\p{N}]+/gu

/** CJK.test for one character, without the regex (an import tokenizes thousands of rows). */
function isCjk(ch: string): boolean {
  if (ch.length !== 1) return false
  const c = ch.charCodeAt(0)
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
}

function runs(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(RUN) ?? []
}

/** Tokens to store for a text (title, description, code ...). */
export function searchTokens(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>()
  for (const text of texts) {
    for (const run of runs(text ?? '')) {
      const chars = [...run]
      for (let i = 0; i < chars.length; i++) {
        if (isCjk(chars[i]!)) out.add(chars[i]!)
        if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!)
      }
      if (chars.length === 1) out.add(chars[0]!)
    }
  }
  return [...out]
}

/**
 * Tokens a row must contain to match `q` (all of them). Empty when the query is too short to
 * narrow by index (a single Latin letter), in which case only the ILIKE applies.
 */
export function queryTokens(q: string): string[] {
  const out = new Set<string>()
  for (const run of runs(q)) {
    const chars = [...run]
    if (chars.length === 1) {
      if (CJK.test(chars[0]!) || /\p{N}/u.test(chars[0]!)) out.add(chars[0]!)
      continue
    }
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!)
  }
  return [...out]
}

const ASCII_ALNUM = /^[0-9a-z]$/

/**
 * True when holding the query's tokens already means containing the query, so the ILIKE that
 * makes a match exact can be left out (it re-reads every candidate's title and description):
 * one CJK character, or two characters (one bigram), each CJK or an ASCII letter or digit,
 * unchanged by NFKC. Tokens are taken within runs of letters and
 * digits, so a stored bigram is two adjacent characters of one field, as ILIKE '%ab%' finds.
 */
export function tokensAreExact(q: string): boolean {
  const lower = q.toLowerCase()
  if (lower.normalize('NFKC') !== lower) return false
  const chars = [...lower]
  if (chars.length < 1 || chars.length > 2) return false
  if (!chars.every((c) => isCjk(c) || ASCII_ALNUM.test(c))) return false
  // A lone CJK character is stored wherever it stands; a lone digit only as a run of its own.
  return chars.length === 2 || isCjk(chars[0]!)
}
