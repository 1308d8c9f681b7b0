/**
 * A sweep's light and roll-up in words (UX.md "Show the light and why"): the API sends the
 * colour and the counts; this says why, e.g. "截止 2026年12月1日，还有 2 个单位未报送".
 */
import type { Light, Sweep, SweepUnit } from '@rectify/schemas'
import type { Translate } from './light'
import { daysBetween } from './period'

/** Element Plus tag type of each light a sweep can have. */
export const SWEEP_LIGHT_TAG: Record<Light, 'success' | 'primary' | 'warning' | 'danger'> = {
  green: 'success',
  blue: 'primary',
  yellow: 'warning',
  red: 'danger',
}

/** Element Plus tag type of a target unit's answer. */
export const SWEEP_UNIT_TAG: Record<SweepUnit['status'], 'info' | 'success' | 'warning'> = {
  pending: 'warning',
  found: 'info',
  none: 'success',
}

/** The reason beside a sweep's light, from its status, due date and pending count on `today`. */
export function sweepLightReason(
  sweep: Pick<Sweep, 'status' | 'dueDate' | 'rollup'>,
  today: string,
  t: Translate,
  date: (value: string) => string,
): string {
  const due = date(sweep.dueDate)
  if (sweep.status === 'closed') return t('sweep.reasons.closed')
  const pending = sweep.rollup.pending
  if (pending === 0) return t('sweep.reasons.allReported')
  const left = daysBetween(today, sweep.dueDate)
  if (left < 0) return t('sweep.reasons.overdue', { days: -left, date: due, pending })
  if (left === 0) return t('sweep.reasons.dueToday', { date: due, pending })
  return t('sweep.reasons.pending', { days: left, date: due, pending })
}

/** "已报送 2/4 · 发现问题 3 个 · 已销号 1 个" — the roll-up in one line. */
export function rollupText(sweep: Pick<Sweep, 'rollup'>, t: Translate): string {
  const r = sweep.rollup
  return t('sweep.rollupLine', {
    reported: r.reported,
    units: r.units,
    findings: r.findings,
    closed: r.childrenClosed,
  })
}

/** The targets still pending that the viewer may report for (all of them: the API shows only those). */
export function pendingTargets(sweep: Sweep): SweepUnit[] {
  return sweep.status === 'open' ? sweep.units.filter((u) => u.status === 'pending') : []
}

/** The calendar day a date picker's local-midnight `Date` stands for, `YYYY-MM-DD`. */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
