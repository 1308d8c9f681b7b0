import type { Message } from '../inbox/index.js'
import type { DueRow } from './reminders.repository.js'

/** Who a reminder goes to, by its offset: the escalation ladder. */
export type Level = 'contact' | 'head' | 'office'

/**
 * Before and on the day the unit's contact (联络员); from the day after, its head (负责人); from
 * 7 days after, the office (整改办) as well.
 */
export function levelOf(offsetDays: number): Level {
  if (offsetDays >= 7) return 'office'
  if (offsetDays >= 1) return 'head'
  return 'contact'
}

/** "还有 7 天到期", "今天到期", "已逾期 1 天" — from the real distance, so a late catch-up reads true. */
export function dueWords(daysLeft: number): string {
  if (daysLeft > 0) return `还有${daysLeft}天到期`
  if (daysLeft === 0) return '今天到期'
  return `已逾期${-daysLeft}天`
}

const LEVEL_NOTE: Record<Level, string> = {
  contact: '',
  head: '（已提醒单位负责人）',
  office: '（已报整改办）',
}

/** The inbox message of one reminder (Chinese: messages are stored as written). */
export function reminderMessage(d: DueRow, daysLeft: number): Message {
  const when = dueWords(daysLeft)
  const note = LEVEL_NOTE[levelOf(d.offset_days)]
  const label = d.label.length > 60 ? `${d.label.slice(0, 60)}…` : d.label
  switch (d.subject_type) {
    case 'measure':
      return {
        kind: 'reminder',
        title: `整改措施${when}：${d.code} 措施${d.extra ?? ''}${note}`,
        body: `${label}（完成时限 ${d.deadline}）`,
        link: `/problems/${d.problem_id}`,
        entityType: 'measure',
        entityId: d.subject_id,
      }
    case 'problem':
      return {
        kind: 'reminder',
        title: `整改任务${when}：${d.code}${note}`,
        body: `${label}（整改时限 ${d.deadline}）`,
        link: `/problems/${d.problem_id}`,
        entityType: 'problem',
        entityId: d.subject_id,
      }
    case 'report_due':
      return {
        kind: 'reminder',
        title: `进展报告${when}：${d.extra ?? ''} 调度期 ${d.code}${note}`,
        body: `${label}：本调度期进展报告尚未报送（报送截止 ${d.deadline}）`,
        link: `/problems/${d.problem_id}`,
        entityType: 'problem',
        entityId: d.subject_id,
      }
    case 'notice_reply':
      return {
        kind: 'reminder',
        title: `督办单回复${when}：${d.code}${note}`,
        body: `${label}（回复时限 ${d.deadline}）`,
        link: `/notices/${d.subject_id}`,
        entityType: 'notice',
        entityId: d.subject_id,
      }
  }
}
