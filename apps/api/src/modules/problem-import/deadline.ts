import type { ParsedDeadline } from '@rectify/schemas'
import { toSimplified } from '../../lib/workbook/normalize.js'

/**
 * Deadline cells as rectification plans write them (整改时限), parsed into a deadline, a mode and
 * stages. Pure: the dates the text does not give come from `base` (see DeadlineBase).
 *
 * Readings (documented choices where the text is vague):
 * - 2022年底前 / 2022年年底 / 2022年末 / 2022年 → 2022-12-31; 2025年前 → 2024-12-31 (strictly before);
 * - 2023年6月底前 / 2023年6月底 / 2023年6月 → 2023-06-30; 2023年3月前 → 2023-02-28 (before March);
 * - 2023年6月15日 / 2023-06-15 / 2023.6.15 → that day; 上旬/中旬/下旬 → the 10th / 20th / month end;
 * - 2023年上半年 → 06-30, 下半年 → 12-31, 第三季度 → 09-30;
 * - 立行立改 (no date) → immediate, deadline `base.immediate` (the round's plan approval date, else
 *   today): an immediate fix is due when the plan is approved;
 * - 长期坚持 (no date) → long_term, deadline `base.longTerm` (31 December three years after the
 *   base year — the span within which inspections come back 回头看); with a date (2023年6月底前
 *   完成并长期坚持) the date is the first stage and the deadline;
 * - 立行立改、长期坚持 → long_term (the immediate part is kept in the text);
 * - several dated parts (2024年底前完成……；2025年底前全部完成) → one stage each, the deadline is
 *   the latest; a single date gives no stages.
 */
export interface DeadlineBase {
  immediate: string
  longTerm: string
}

/** The base dates for a round: its plan approval date (else today) and three years on. */
export function deadlineBase(planApprovedDate: string | null, today: string): DeadlineBase {
  const immediate = planApprovedDate ?? today
  return { immediate, longTerm: `${Number(immediate.slice(0, 4)) + 3}-12-31` }
}

const pad = (n: number) => String(n).padStart(2, '0')
const monthEnd = (y: number, m: number) =>
  `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`
const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 }

function valid(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null
  const date = `${y}-${pad(m)}-${pad(d)}`
  return monthEnd(y, m) >= date ? date : null
}

interface Rule {
  re: RegExp
  date: (m: RegExpExecArray) => string | null
}

/** Most specific first: the first rule matching at a position wins. */
const RULES: Rule[] = [
  {
    re: /(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/y,
    date: (m) => valid(+m[1]!, +m[2]!, +m[3]!),
  },
  {
    re: /(\d{4})年(\d{1,2})月(上旬|中旬|下旬)/y,
    date: (m) =>
      m[3] === '下旬' ? monthEnd(+m[1]!, +m[2]!) : valid(+m[1]!, +m[2]!, m[3] === '上旬' ? 10 : 20),
  },
  {
    re: /(\d{4})年(\d{1,2})月(底|末)?(以)?(前)?/y,
    date: (m) => {
      const y = +m[1]!
      const mo = +m[2]!
      if (mo < 1 || mo > 12) return null
      // 3月前 (not 3月底前): strictly before March begins.
      if (m[5] && !m[3]) return mo === 1 ? `${y - 1}-12-31` : monthEnd(y, mo - 1)
      return monthEnd(y, mo)
    },
  },
  { re: /(\d{4})年(上|下)半年/y, date: (m) => `${m[1]}-${m[2] === '上' ? '06-30' : '12-31'}` },
  {
    re: /(\d{4})年(?:第)?([一二三四1-4])季度/y,
    date: (m) => {
      const q = CN_NUM[m[2]!] ?? Number(m[2])
      return monthEnd(+m[1]!, q * 3)
    },
  },
  { re: /(\d{4})年(?:年)?(底|末)/y, date: (m) => `${m[1]}-12-31` },
  { re: /(\d{4})年(以)?前/y, date: (m) => `${+m[1]! - 1}-12-31` },
  { re: /(\d{4})年/y, date: (m) => `${m[1]}-12-31` },
]

/** Every date a piece of text names, in order of appearance. */
export function datesIn(text: string): string[] {
  const out: string[] = []
  let i = 0
  while (i < text.length) {
    if (!/\d/.test(text[i]!) || (i > 0 && /\d/.test(text[i - 1]!))) {
      i++
      continue
    }
    let hit = false
    for (const r of RULES) {
      r.re.lastIndex = i
      const m = r.re.exec(text)
      if (!m) continue
      const d = r.date(m)
      if (d) out.push(d)
      i += m[0].length
      hit = true
      break
    }
    if (!hit) i++
  }
  return out
}

/** Full-width digits and punctuation to ASCII, so 2023年６月 reads like 2023年6月. */
function normalize(text: string): string {
  return toSimplified(text.normalize('NFKC')).replace(/\r\n?/g, '\n').trim()
}

export type DeadlineResult =
  { ok: true; value: ParsedDeadline } | { ok: false; message: string; messageEn: string }

/** Parses a 整改时限 cell (see the module comment for the readings). */
export function parseDeadline(raw: string, base: DeadlineBase): DeadlineResult {
  const text = normalize(raw)
  if (!text)
    return { ok: false, message: '整改时限不能为空', messageEn: 'The deadline is required' }
  const immediate = /立行立改|立即整改|立查立改|即知即改/.test(text)
  const longTerm = /长期坚持|长期推进|持续推进|长期/.test(text)
  const parts = text
    .split(/[；;。\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
  const stages: ParsedDeadline['stages'] = []
  for (const part of parts) {
    const dates = datesIn(part)
    if (dates.length) stages.push({ deadline: dates.reduce((a, b) => (b > a ? b : a)), text: part })
  }
  const latest = stages.reduce<string | null>(
    (a, s) => (!a || s.deadline > a ? s.deadline : a),
    null,
  )
  const mode = longTerm ? 'long_term' : immediate ? 'immediate' : 'time_bound'
  if (!latest && !immediate && !longTerm)
    return {
      ok: false,
      message: `无法识别整改时限“${raw.trim()}”，请写成如“2023年6月底前”“立行立改”“长期坚持”`,
      messageEn: `Cannot read the deadline "${raw.trim()}": write e.g. 2023年6月底前, 立行立改 or 长期坚持`,
    }
  const deadline = latest ?? (mode === 'immediate' ? base.immediate : base.longTerm)
  // One date is the deadline itself; stages exist only when the text names several, or a date
  // to finish by before a long-term commitment (完成并长期坚持).
  const keep = stages.length > 1 || (mode === 'long_term' && stages.length === 1)
  return { ok: true, value: { text: raw.trim(), deadline, mode, stages: keep ? stages : [] } }
}

/** True when the text says nothing but one date (an Excel date cell, 2023年6月30日). */
export function isPlainDate(raw: string): boolean {
  const text = normalize(raw)
  return /^\d{4}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?$/.test(text)
}
