import type { Light, LightInfo, LightReason, ProblemStatus } from '@rectify/schemas'
import { daysBetween, dayNumber } from '../../lib/dates.js'

/**
 * Planned progress (序时进度) and the warning lights (红黄蓝绿), as DOMAIN.md defines them. Pure
 * functions of the plan and a date, so they can be tested at every boundary and recomputed
 * anywhere (on write, and for all problems when the Asia/Shanghai date changes).
 */

export interface LightSettings {
  /** Percentage points reported progress may trail planned progress before yellow. */
  tolerance: number
  /** Days before a deadline that turn a problem blue. */
  nearDays: number
}
export const DEFAULT_LIGHT_SETTINGS: LightSettings = { tolerance: 10, nearDays: 15 }

export interface MilestoneFacts {
  name: string
  dueDate: string
  weight: number | null
  doneDate: string | null
}
export interface MeasureFacts {
  id: string
  startDate: string
  deadline: string
  weight: number
  status: 'pending' | 'in_progress' | 'done'
  percent: number
  milestones: MilestoneFacts[]
}
export interface ProblemFacts {
  status: ProblemStatus
  deadline: string
  reportedProgress: number
  measures: MeasureFacts[]
}

const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * Planned progress of a measure on `date`: with milestones, the weight of those due by then
 * (milestones without weights share equally); without, the elapsed share of start → deadline.
 */
export function measurePlanned(m: MeasureFacts, date: string): number {
  if (m.milestones.length) {
    const weighted = m.milestones.some((x) => x.weight !== null)
    const total = weighted
      ? m.milestones.reduce((s, x) => s + (x.weight ?? 0), 0)
      : m.milestones.length
    if (total <= 0) return 0
    const due = m.milestones.filter((x) => dayNumber(x.dueDate) <= dayNumber(date))
    const sum = weighted ? due.reduce((s, x) => s + (x.weight ?? 0), 0) : due.length
    return round1(Math.min(100, (sum / total) * 100))
  }
  const span = daysBetween(m.startDate, m.deadline)
  const elapsed = daysBetween(m.startDate, date)
  if (span <= 0) return elapsed >= 0 ? 100 : 0
  return round1(Math.max(0, Math.min(100, (elapsed / span) * 100)))
}

/** A problem's planned progress: its measures' planned progress weighted by measure weight. */
export function problemPlanned(p: ProblemFacts, date: string): number {
  const total = p.measures.reduce((s, m) => s + m.weight, 0)
  if (!p.measures.length || total <= 0) return 0
  return round1(p.measures.reduce((s, m) => s + measurePlanned(m, date) * m.weight, 0) / total)
}

/** Reported progress from measures when they carry it: weighted mean of their percent. */
export function measuresReported(measures: MeasureFacts[]): number | null {
  const total = measures.reduce((s, m) => s + m.weight, 0)
  if (!measures.length || total <= 0) return null
  return round1(
    measures.reduce((s, m) => s + (m.status === 'done' ? 100 : m.percent) * m.weight, 0) / total,
  )
}

const OPEN: ReadonlySet<ProblemStatus> = new Set(['draft', 'plan_review', 'in_progress'])

/** Overdue is derived, never a status: the deadline has passed and the problem is not yet up for acceptance. */
export function isOverdue(status: ProblemStatus, deadline: string, date: string): boolean {
  return OPEN.has(status) && dayNumber(deadline) < dayNumber(date)
}

function measureReasons(m: MeasureFacts, date: string, s: LightSettings) {
  const red: LightReason[] = []
  const yellow: LightReason[] = []
  if (m.status === 'done') return { red, yellow, planned: 100 }
  if (dayNumber(m.deadline) < dayNumber(date))
    red.push({
      code: 'measure_overdue',
      measureId: m.id,
      date: m.deadline,
      days: daysBetween(m.deadline, date),
    })
  for (const x of m.milestones)
    if (!x.doneDate && dayNumber(x.dueDate) < dayNumber(date))
      yellow.push({ code: 'milestone_missed', measureId: m.id, milestone: x.name, date: x.dueDate })
  const planned = measurePlanned(m, date)
  if (planned - m.percent > s.tolerance)
    yellow.push({ code: 'behind', measureId: m.id, planned, reported: m.percent })
  return { red, yellow, planned }
}

function pick(
  date: string,
  red: LightReason[],
  yellow: LightReason[],
  blue: LightReason[],
): LightInfo {
  const color: Light = red.length
    ? 'red'
    : yellow.length
      ? 'yellow'
      : blue.length
        ? 'blue'
        : 'green'
  const reasons = red.length
    ? red
    : yellow.length
      ? yellow
      : blue.length
        ? blue
        : [{ code: 'on_track' as const }]
  return { color, reasons, asOf: date }
}

/** The light of one measure on `date`. */
export function measureLight(
  m: MeasureFacts,
  date: string,
  s: LightSettings = DEFAULT_LIGHT_SETTINGS,
): LightInfo {
  if (m.status === 'done') return { color: 'green', reasons: [{ code: 'done' }], asOf: date }
  const { red, yellow } = measureReasons(m, date, s)
  const left = daysBetween(date, m.deadline)
  const blue: LightReason[] =
    left >= 0 && left <= s.nearDays ? [{ code: 'deadline_near', days: left, date: m.deadline }] : []
  return pick(date, red, yellow, blue)
}

/**
 * The light of a problem on `date`:
 * red — overdue, or a measure overdue; yellow — reported progress behind planned by more than the
 * tolerance, or a milestone missed; blue — deadline within the window and not yet applied for
 * acceptance; green — otherwise. Problems at or past acceptance are green ("done").
 */
export function problemLight(
  p: ProblemFacts,
  date: string,
  s: LightSettings = DEFAULT_LIGHT_SETTINGS,
): LightInfo {
  if (!OPEN.has(p.status)) return { color: 'green', reasons: [{ code: 'done' }], asOf: date }
  const red: LightReason[] = []
  const yellow: LightReason[] = []
  if (isOverdue(p.status, p.deadline, date))
    red.push({ code: 'overdue', date: p.deadline, days: daysBetween(p.deadline, date) })
  if (p.status === 'in_progress') {
    for (const m of p.measures) {
      const r = measureReasons(m, date, s)
      red.push(...r.red)
      yellow.push(...r.yellow.filter((x) => x.code === 'milestone_missed'))
    }
    const planned = problemPlanned(p, date)
    if (planned - p.reportedProgress > s.tolerance)
      yellow.unshift({ code: 'behind', planned, reported: p.reportedProgress })
  }
  const left = daysBetween(date, p.deadline)
  const blue: LightReason[] =
    left >= 0 && left <= s.nearDays ? [{ code: 'deadline_near', days: left, date: p.deadline }] : []
  return pick(date, red, yellow, blue)
}
