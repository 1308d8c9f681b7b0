import type { MilestoneInput, ScheduleProposal } from '@rectify/schemas'
import { addDays, daysBetween } from '../../lib/dates.js'

/** A stage of a reverse-scheduling template: its name and its share (percent) of the measure's span. */
export interface TemplateStage {
  name: string
  share: number
}

/**
 * Templates for reverse scheduling (倒排工期). The shares of a template add up to 100; they are
 * also the weights the proposed milestones carry, so planned progress follows the same curve.
 */
export const SCHEDULE_TEMPLATES: Record<
  'standard' | 'engineering' | 'management',
  readonly TemplateStage[]
> = {
  /** Any rectification: plan it, do it, check it, apply for acceptance. */
  standard: [
    { name: '方案制定', share: 15 },
    { name: '工程实施', share: 55 },
    { name: '自查自验', share: 15 },
    { name: '申请验收', share: 15 },
  ],
  /** Works that need approvals and a contractor (sewage plants, pipe networks, restoration). */
  engineering: [
    { name: '前期手续办理', share: 15 },
    { name: '招标采购', share: 10 },
    { name: '施工建设', share: 45 },
    { name: '调试试运行', share: 15 },
    { name: '自查验收', share: 15 },
  ],
  /** Supervision and rules (建章立制): survey, set the rules, enforce them, review. */
  management: [
    { name: '排查摸底', share: 20 },
    { name: '建章立制', share: 20 },
    { name: '执法监管', share: 40 },
    { name: '总结评估', share: 20 },
  ],
}
export type ScheduleTemplate = keyof typeof SCHEDULE_TEMPLATES

/**
 * Lays a template's milestones backwards from the deadline: the last is due on the deadline,
 * each earlier one the remaining stages' share of the span before it. Cumulative shares are
 * rounded to whole days (so rounding never accumulates) and no milestone falls before the start.
 * `startDate` must not be after `deadline`.
 */
export function reverseSchedule(
  startDate: string,
  deadline: string,
  template: ScheduleTemplate = 'standard',
): ScheduleProposal {
  const stages = SCHEDULE_TEMPLATES[template]
  const span = Math.max(0, daysBetween(startDate, deadline))
  const milestones: MilestoneInput[] = []
  let after = 100 // share of the span that follows the current stage's due date
  for (const stage of stages) {
    after -= stage.share
    const back = Math.min(span, Math.round((span * Math.max(0, after)) / 100))
    milestones.push({ name: stage.name, dueDate: addDays(deadline, -back), weight: stage.share })
  }
  return { milestones }
}
