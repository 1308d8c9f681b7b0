/**
 * How the exports speak: period names and the zh-CN words of the codes they print (the SPA's
 * zh-CN catalogue). Dates are lib/dates.ts `chineseDate`; the table layout itself (title,
 * header, date and percentage cells, print setup) is lib/xlsx-table.ts.
 */

/** 2026-10 → 2026年10月; 2026-W42 → 2026年第42周. */
export function periodName(period: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period)
  if (week) return `${week[1]}年第${Number(week[2])}周`
  const [y, m] = period.split('-').map(Number)
  return `${y}年${m}月`
}

/** zh-CN words of the codes the exports print (the SPA's zh-CN catalogue). */
export const WORDS = {
  petitionStatus: {
    received: '未交办',
    handling: '办理中',
    submitted: '待审核',
    partly_closed: '阶段办结',
    closed: '已办结',
  },
  finding: { true: '属实', mostly_true: '基本属实', partly_true: '部分属实', untrue: '不属实' },
  form: {
    talk: '约谈',
    criticism: '通报批评',
    admonition: '诫勉',
    organisational: '组织处理',
    party_discipline: '党纪处分',
    administrative_sanction: '政务处分',
    judicial_transfer: '移送司法',
  },
} as const satisfies Record<string, Record<string, string>>

/** The zh-CN word of `code` in `group`; an unknown code prints as it is, none as ''. */
export function word(group: keyof typeof WORDS, code: string | null | undefined): string {
  if (!code) return ''
  return (WORDS[group] as Record<string, string>)[code] ?? code
}
