/** Sheet coordinates as Excel shows them. Column indexes here are 0-based; Excel's are 1-based. */

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let out = ''
  while (n > 0) {
    const r = (n - 1) % 26
    out = String.fromCharCode(65 + r) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

/** A → 0, AA → 26; -1 when the text is not a column name. */
export function columnIndex(letters: string): number {
  if (!/^[A-Z]{1,3}$/i.test(letters)) return -1
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

/** The cell's address as Excel names it: cellRef(12, 2) → C12. */
export function cellRef(rowNo: number, index: number): string {
  return `${columnLetter(index)}${rowNo}`
}

/** A1:C10 → 1-based bounds; null when the text is not a range (a single cell is a range of one). */
export function parseRange(
  ref: string,
): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(ref.trim())
  if (!m) return null
  const left = columnIndex(m[1]!) + 1
  const top = Number(m[2])
  const right = m[3] ? columnIndex(m[3]) + 1 : left
  const bottom = m[4] ? Number(m[4]) : top
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  }
}
