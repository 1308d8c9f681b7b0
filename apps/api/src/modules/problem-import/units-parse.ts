import type { CollectiveKind } from '@rectify/schemas'
import { normalizeValue } from '../../lib/workbook/normalize.js'

/**
 * Unit cells as plans write them: several names separated by 、，,；; / or line breaks, sometimes
 * marked 牵头 / 配合 ("市生态环境局（牵头）", "牵头单位：市住建局；配合单位：市水利局、市林业局"),
 * sometimes collective (各县（市、区）人民政府, 各级党委、政府, 市直有关单位). Separators inside
 * brackets or inside a collective phrase do not split, so 各级党委、政府 stays one collective.
 * Pure; matching names to units is `unitMatcher`.
 */
export interface UnitMention {
  text: string
  role: 'lead' | 'co'
  /** The collective's kind when the name is a collective phrase, else null. */
  collective: CollectiveKind | null
}

const L = '[(（]'
const R = '[)）]'
const GOV = '(人民政府|党委[、和及]?政府|党委|政府|党政)?'
/**
 * Collective phrases as published plans write them, by what they mean in the unit tree. Each is
 * matched whole (its 、 does not split); a phrase starts where a name starts.
 */
const COLLECTIVES: [CollectiveKind, RegExp][] = [
  ['levels', /各级(党委[、和及与]?政府|党委政府|党委和人民政府|党政|政府|党委)/],
  [
    'counties',
    new RegExp(
      `(全市)?各(县${L}市[、，,]?区${R}|县${L}区${R}|县[(（]?市[)）]?区|县区|区县|县市区|县|区)${GOV}`,
    ),
  ],
  [
    'townships',
    new RegExp(
      `(全市)?各(乡镇${L}街道${R}|镇${L}街道${R}|乡镇[、和及]?街道|镇街|乡镇|街道|镇)(人民政府|政府|办事处|党委[、和及]?政府)?`,
    ),
  ],
  [
    'departments',
    /(市|区|县)直(各|有关|相关)(单位|部门)|(市|区|县)(级)?(各|有关|相关)(单位|部门)|各(有关|相关)(单位|部门)|(有关|相关)(单位|部门)/,
  ],
]
const ANY_COLLECTIVE = new RegExp(COLLECTIVES.map(([, re]) => `(?:${re.source})`).join('|'), 'g')
/** Each collective phrase matched whole, compiled once (an import asks for every unit name). */
const WHOLE_COLLECTIVES = COLLECTIVES.map(
  ([kind, re]) => [kind, new RegExp(`^(?:${re.source})$`)] as const,
)

/** The kind of collective a whole name is, or null for a unit name. */
export function collectiveKind(name: string): CollectiveKind | null {
  const n = normalizeValue(name).replace(/\s/g, '')
  for (const [kind, re] of WHOLE_COLLECTIVES) if (re.test(n)) return kind
  return null
}
const LEAD_LABEL = /^(牵头单位|牵头部门|责任单位|牵头)[:：]?/
const CO_LABEL = /^(配合单位|配合部门|协办单位|配合)[:：]?/
const LEAD_MARK = /[（(]?(牵头|主办|牵头单位)[)）]?$/
const CO_MARK = /[（(]?(配合|协办|配合单位)[)）]?$/

/** Splits at separators outside brackets and outside collective phrases. */
function tokens(text: string): string[] {
  const out: string[] = []
  const inside = new Set<number>()
  for (const m of text.matchAll(ANY_COLLECTIVE))
    for (let i = m.index; i < m.index + m[0].length; i++) inside.add(i)
  let depth = 0
  let cur = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === '（' || ch === '(') depth++
    if ((ch === '）' || ch === ')') && depth > 0) depth--
    if (depth === 0 && !inside.has(i) && /[、，,；;/\n\s]/.test(ch)) {
      if (cur.trim()) out.push(cur.trim())
      cur = ''
    } else cur += ch
  }
  if (cur.trim()) out.push(cur.trim())
  return out
}

/**
 * The units a cell names, with their roles. `defaultRole` is the role of unmarked names when
 * the column itself says it (a 配合单位 column); otherwise the first unmarked name leads unless
 * another is marked 牵头, and the rest co-operate.
 */
export function splitUnits(cell: string, defaultRole?: 'lead' | 'co'): UnitMention[] {
  const raw: { text: string; role: 'lead' | 'co' | null }[] = []
  let labelled: 'lead' | 'co' | null = null
  for (let t of tokens(cell.replace(/\r\n?/g, '\n'))) {
    const lead = LEAD_LABEL.exec(t)
    const co = !lead && CO_LABEL.exec(t)
    if (lead && lead[0] !== t) {
      labelled = 'lead'
      t = t.slice(lead[0].length)
    } else if (co && co[0] !== t) {
      labelled = 'co'
      t = t.slice(co[0].length)
    }
    let role: 'lead' | 'co' | null = labelled
    if (LEAD_MARK.test(t) && t.replace(LEAD_MARK, '')) {
      role = 'lead'
      t = t.replace(LEAD_MARK, '')
    } else if (CO_MARK.test(t) && t.replace(CO_MARK, '')) {
      role = 'co'
      t = t.replace(CO_MARK, '')
    }
    t = t.replace(/等$/, '').trim()
    if (t && !/^(牵头|配合)(单位)?[:：]?$/.test(t)) raw.push({ text: t, role })
  }
  let hasLead = defaultRole !== undefined || raw.some((r) => r.role === 'lead')
  return raw.map((r) => {
    let role = r.role ?? defaultRole
    if (!role) {
      role = hasLead ? 'co' : 'lead'
      hasLead = true
    }
    return { text: r.text, role, collective: collectiveKind(r.text) }
  })
}

export interface UnitCandidate {
  id: string
  code: string
  name: string
  kind: string
  parentId: string | null
}

const SUFFIXES = /(人民政府|政府|管理委员会|管委会|委员会|办公室|党委)$/
/** A name without the suffixes and city prefix people drop (甲县人民政府 ≈ 甲县, 生态环境局 ≈ 市生态环境局). */
function core(name: string): string {
  return normalizeValue(name).replace(/\s/g, '').replace(SUFFIXES, '').replace(/^市/, '')
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2))
  if (s.length === 1) out.add(s)
  return out
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!
    d[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return d[b.length]!
}

/**
 * Similarity in [0, 1]: the share of the name's characters the unit's name holds (住建局 in
 * 住房和城乡建设局: abbreviations keep characters, not bigrams), shared bigrams (Dice) and edit
 * distance.
 */
function similarity(a: string, b: string): number {
  const share = (x: string, y: string) => {
    const chars = new Set(y)
    return [...x].filter((c) => chars.has(c)).length / Math.max(x.length, 1)
  }
  // Either way round: the sheet may abbreviate the unit's name, or spell out its abbreviation.
  const held = Math.max(share(a, b), share(b, a))
  const A = bigrams(a)
  const B = bigrams(b)
  let shared = 0
  for (const x of A) if (B.has(x)) shared++
  const dice = (2 * shared) / (A.size + B.size || 1)
  const edit = 1 - editDistance(a, b) / Math.max(a.length, b.length, 1)
  return 0.5 * held + 0.3 * dice + 0.2 * edit
}

export interface UnitMatch {
  unit: UnitCandidate | null
  suggestions: UnitCandidate[]
}

/**
 * Matches names to (active) units: exactly, then by core name (suffixes and the 市 prefix
 * dropped, when that is unambiguous), else no unit and up to three closest suggestions.
 * Memoised per name, since a plan repeats the same units on hundreds of rows.
 */
export function unitMatcher(candidates: readonly UnitCandidate[]) {
  const exact = new Map(candidates.map((u) => [normalizeValue(u.name).replace(/\s/g, ''), u]))
  const byCore = new Map<string, UnitCandidate | null>()
  for (const u of candidates) {
    const k = core(u.name)
    byCore.set(k, byCore.has(k) ? null : u)
  }
  const memo = new Map<string, UnitMatch>()
  return (name: string): UnitMatch => {
    const key = normalizeValue(name).replace(/\s/g, '')
    const hit = memo.get(key)
    if (hit) return hit
    let result: UnitMatch
    const direct = exact.get(key) ?? byCore.get(core(key))
    if (direct) result = { unit: direct, suggestions: [] }
    else {
      const c = core(key)
      const suggestions = candidates
        .map((u) => ({ u, s: similarity(c, core(u.name)) }))
        .filter((x) => x.s > 0.3)
        .sort((a, b) => b.s - a.s)
        .slice(0, 3)
        .map((x) => x.u)
      result = { unit: null, suggestions }
    }
    memo.set(key, result)
    return result
  }
}
