/**
 * How the dossier's printed summary speaks: zh-CN labels of the domain's codes (the words of
 * UX.md and the SPA's zh-CN catalogue), dates as `2026年11月28日` in Asia/Shanghai, and HTML
 * escaping. The file room reads this page, not the API: every code is shown in words.
 */

const LABELS = {
  status: {
    draft: '待制定方案',
    plan_review: '方案审核中',
    in_progress: '整改中',
    acceptance: '验收中',
    publicity: '公示中',
    closed: '已销号',
  },
  source: {
    feedback: '反馈意见',
    petition: '交办信访件',
    self_check: '自查',
    sweep: '举一反三排查',
    inspection: '明察暗访',
    public_report: '群众监督',
  },
  nature: { individual: '个性问题', common: '共性问题' },
  domain: {
    air: '大气',
    water: '水',
    soil: '土壤',
    solid_waste: '固废',
    ecology: '生态',
    noise: '噪声',
    marine: '海洋',
    other: '其他',
  },
  mode: { immediate: '立行立改', time_bound: '限时整改', long_term: '长期坚持' },
  outcome: { rectified: '整改到位', not_rectified: '未整改到位' },
  measureStatus: { pending: '未开始', in_progress: '推进中', done: '已完成' },
  reportStatus: { submitted: '待审核', accepted: '已通过', returned: '已退回' },
  rating: { on_schedule: '按序时', behind: '滞后' },
  acceptanceStatus: { in_review: '审核中', passed: '已通过', returned: '已退回' },
  level: { county: '县级验收', city: '市级复核' },
  decision: { pass: '通过', return: '退回' },
  publicityStatus: { open: '公示中', ended: '公示结束', overturned: '异议成立，已撤回' },
  ruling: { pending: '待裁定', upheld: '异议成立', rejected: '异议不成立' },
  reporterType: {
    citizen: '群众',
    npc_deputy: '人大代表',
    cppcc_member: '政协委员',
    journalist: '新闻媒体',
    other: '其他',
  },
  reboundStatus: { scheduled: '待开展', passed: '通过', failed: '未通过', cancelled: '已取消' },
  reboundSource: { office: '整改办', inspection: '督查检查' },
  light: { green: '正常', blue: '临期', yellow: '滞后', red: '逾期' },
} as const satisfies Record<string, Record<string, string>>

/** The zh-CN word for `code` in `group`; an unknown code is shown as it is (never dropped). */
export function label(group: keyof typeof LABELS, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—'
  return (LABELS[group] as Record<string, string>)[code] ?? code
}

/** The full-width space (U+3000) that separates items on a Chinese heading line. */
export const GAP = '\u3000'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text made safe for HTML content and quoted attributes; null and undefined print as `—`. */
export function esc(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** Escaped multi-line text: line breaks kept as `<br>`. */
export function escLines(value: string | null | undefined): string {
  return esc(value).replace(/\r?\n/g, '<br>')
}

const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
})
const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** `2026年11月28日` for a `YYYY-MM-DD` calendar date (read at Shanghai noon so it never shifts). */
export function fmtDate(value: string | null | undefined): string {
  if (!value) return '—'
  const d = new Date(`${value}T12:00:00+08:00`)
  return Number.isNaN(d.getTime()) ? esc(value) : dateFormat.format(d)
}

/** `2026年11月28日 14:05` in Asia/Shanghai. */
export function fmtTime(value: Date | null | undefined): string {
  return value ? timeFormat.format(value) : '—'
}

/** A dispatch period in words: `2026-09` → 2026年9月, `2026-W37` → 2026年第37周. */
export function fmtPeriod(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period)
  if (month) return `${month[1]}年${Number(month[2])}月`
  const week = /^(\d{4})-W(\d{2})$/.exec(period)
  if (week) return `${week[1]}年第${Number(week[2])}周`
  return esc(period)
}

/** A byte count people read: 12.3 KB, 4.5 MB. */
export function fmtSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A percentage with at most one decimal. */
export function fmtPercent(value: number): string {
  return `${Math.round(value * 10) / 10}%`
}

/** A table of key → value rows; values are HTML already escaped by the caller. */
export function kv(rows: [string, string][]): string {
  return `<table class="kv"><tbody>${rows
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`)
    .join('')}</tbody></table>`
}

/** A table with a header row; cells are HTML already escaped by the caller. */
export function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`
}

/** The line printed where a section has nothing recorded. */
export const empty = (what: string) => `<p class="empty">${esc(what)}</p>`
