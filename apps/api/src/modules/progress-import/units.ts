import { normalizeValue } from '../../lib/workbook/index.js'

export interface UnitEntry {
  id: string
  code: string
  name: string
  path: string
}

/** A name as compared: normalised, no spaces, without the government suffix (临湖县人民政府 → 临湖县). */
function key(name: string): string {
  return normalizeValue(name)
    .replace(/\s+/gu, '')
    .replace(/(?:人民政府|政府)$/u, '')
}

/** 牵头/配合 marks and brackets around a name in a 责任单位 cell: 市生态环境局（牵头） → 市生态环境局. */
function clean(part: string): string {
  return part
    .replace(/[(（][^)）]*[)）]/gu, '')
    .replace(/^(?:牵头单位|牵头|配合单位|配合|责任单位)[:：]?/u, '')
    .trim()
}

/**
 * The units a 责任单位 cell names, in the order written: split on 、，,；;/, spaces and line breaks, each
 * part matched on its normalised name (traditional characters and full-width forms understood,
 * 人民政府 optional). `unknown`: the parts that name no unit.
 */
export function unitMatcher(units: readonly UnitEntry[]) {
  const byKey = new Map<string, UnitEntry | null>()
  for (const u of units) {
    const k = key(u.name)
    // Two units with one name (after the suffix is dropped): neither is guessed.
    byKey.set(k, byKey.has(k) ? null : u)
  }
  return (text: string): { units: UnitEntry[]; unknown: string[] } => {
    const found: UnitEntry[] = []
    const unknown: string[] = []
    for (const raw of normalizeValue(text).split(/[、，,；;/／\s]+/u)) {
      const part = clean(raw)
      if (!part) continue
      const u = byKey.get(key(part))
      if (u) {
        if (!found.includes(u)) found.push(u)
      } else unknown.push(part)
    }
    return { units: found, unknown }
  }
}
