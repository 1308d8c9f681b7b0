import type { ProgressCompletion, ProgressImportField } from '@rectify/schemas'
import { normalizeValue, type FieldDictionary } from '../../lib/workbook/index.js'

/**
 * Column labels of the monthly progress tables (整改进展情况表, 整改完成情况表, 调度表) units and
 * offices exchange, by field. The shared reader compares them normalised (no spaces or line
 * breaks, full-width made ASCII, traditional made simplified).
 */
export const PROGRESS_FIELDS: FieldDictionary<ProgressImportField> = {
  seq: ['序号'],
  code: ['问题编号', '编号', '反馈问题编号', '任务编号', '问题序号', '清单编号'],
  title: [
    '问题',
    '反馈问题',
    '整改任务',
    '督察反馈问题',
    '反馈意见',
    '反馈意见建议',
    '督察反馈意见',
    '问题描述',
    '主要问题',
    '问题名称',
    '整改问题',
    '整改事项',
    '问题及整改任务',
    '反馈问题(整改任务)',
    '反馈问题内容',
  ],
  progress: [
    '整改进展',
    '整改进展情况',
    '整改完成情况',
    '完成情况',
    '整改落实情况',
    '处理及整改情况',
    '处理和整改情况',
    '工作进展',
    '进展情况',
    '推进情况',
    '整改推进情况',
    '目前进展',
    '本月进展',
    '落实情况',
    '整改情况',
  ],
  completion: ['是否完成', '是否完成整改', '整改是否完成', '完成状态', '整改状态', '完成与否'],
  percent: ['完成进度', '完成比例', '完成率', '整改进度', '进度', '完成百分比'],
  deadline: ['完成时限', '整改时限', '时限', '整改期限', '完成时间', '计划完成时间'],
  unit: [
    '责任单位',
    '整改责任单位',
    '牵头单位',
    '责任主体',
    '整改单位',
    '牵头责任单位',
    '报送单位',
  ],
  issues: ['存在问题', '存在的问题', '存在困难', '困难和问题', '存在的困难和问题', '问题与困难'],
  nextSteps: ['下一步计划', '下一步工作', '下一步工作计划', '下步打算', '下一步打算', '下一步措施'],
  note: ['备注'],
}

/** Fields without which a row cannot be read: its problem (code or title) and its progress. */
export const REQUIRED_FIELDS = ['title|code', 'progress'] as const

const COMPLETIONS: [ProgressCompletion, readonly string[]][] = [
  ['mostly_done', ['基本完成', '基本完成整改', '大部分完成', '基本整改到位']],
  ['not_done', ['未完成', '否', '未整改', '未完成整改', '没有完成', '滞后', '×']],
  [
    'ongoing',
    [
      '持续推进',
      '持续整改',
      '长期坚持',
      '正在推进',
      '推进中',
      '整改中',
      '正在整改',
      '序时推进',
      '按序时推进',
      '达到序时进度',
      '按时序推进',
    ],
  ],
  [
    'done',
    [
      '已完成',
      '完成',
      '是',
      '已整改',
      '已完成整改',
      '整改完成',
      '已办结',
      '办结',
      '已销号',
      '√',
      '✓',
    ],
  ],
]
const BY_TEXT = new Map<string, ProgressCompletion>()
for (const [c, words] of COMPLETIONS) for (const w of words) BY_TEXT.set(w, c)

/**
 * 是否完成 as written → what it means; '' → null (no claim); anything else → undefined (the
 * dry run asks for one of the four words).
 */
export function parseCompletion(text: string): ProgressCompletion | null | undefined {
  const t = normalizeValue(text).replace(/[\s。.！!]+/gu, '')
  if (!t) return null
  return BY_TEXT.get(t)
}

/**
 * 完成进度 as written → a percent 0–100: 80%, 80, 80.5 %, and a fraction (0.8) as an Excel
 * percent cell stores it. '' → null; anything else (or outside 0–100) → undefined.
 */
export function parsePercent(text: string): number | null | undefined {
  const t = normalizeValue(text).replace(/\s+/gu, '')
  if (!t) return null
  const m = /^(\d{1,3}(?:\.\d+)?)(%?)$/u.exec(t)
  if (!m) return undefined
  let n = Number(m[1])
  if (!m[2] && m[1]!.includes('.') && n <= 1) n = Math.round(n * 10000) / 100
  return n >= 0 && n <= 100 ? n : undefined
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** 十二 → 12, 二十 → 20, 一百零五 → 105 (up to 999); null when not a Chinese numeral. */
export function chineseNumber(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百]+$/u.test(text)) return null
  let total = 0
  let digit: number | null = null
  for (const ch of text) {
    if (ch === '百' || ch === '十') {
      total += (digit ?? 1) * (ch === '百' ? 100 : 10)
      digit = null
    } else digit = DIGITS[ch]!
  }
  return total + (digit ?? 0)
}

/**
 * The item number a code names: 反馈问题第12项, 第十二项, 第12条, 12, 12号 → 12. Null when the text
 * names none (a petition's receipt number is compared whole instead).
 */
export function itemNumber(text: string): number | null {
  const t = normalizeValue(text).replace(/\s+/gu, '')
  const m = /第(\d{1,4}|[零〇一二两三四五六七八九十百]{1,6})[项条个]/u.exec(t)
  if (m) return /^\d+$/u.test(m[1]!) ? Number(m[1]) : chineseNumber(m[1]!)
  const plain = /^(?:反馈问题|问题|任务)?(\d{1,4})[项号]?$/u.exec(t)
  return plain ? Number(plain[1]) : null
}

/**
 * The code a title cell starts with, as tables often write it (反馈问题第12项：…, 第12项 …);
 * '' when it starts with none.
 */
export function leadingCode(title: string): string {
  const t = normalizeValue(title)
  const m =
    /^((?:反馈问题|问题|任务)?第(?:\d{1,4}|[零〇一二两三四五六七八九十百]{1,6})[项条])/u.exec(t)
  return m ? m[1]! : ''
}

/** A code as compared whole: normalised, without spaces. */
export function codeKey(text: string): string {
  return normalizeValue(text).replace(/\s+/gu, '')
}
