/**
 * The words next to a light (UX.md "Show the light and why"). The API explains each colour with
 * codes and numbers (LightReasonSchema); this turns them into a sentence in the UI language, e.g.
 * `behind` 60/35 → "计划进度 60%，实际进度 35%，滞后 25 个百分点".
 */
import type { Light, LightInfo, LightReason } from '@rectify/schemas'

/** vue-i18n's `t` with named values. */
export type Translate = (key: string, named?: Record<string, unknown>) => string

export interface ReasonContext {
  t: Translate
  /** Formats a `YYYY-MM-DD` date in the UI language (2026年11月28日). */
  date: (value: string) => string
  /** The content of a measure, to name it in a measure's reason; unknown ids stay unnamed. */
  measureName?: (id: string) => string | undefined
}

/** Lights from worst to best: the order a "light" sort and a legend use. */
export const LIGHT_ORDER: readonly Light[] = ['red', 'yellow', 'blue', 'green']

/** Percentages to one decimal, without a trailing `.0`. */
export function percent(value: number | undefined): number {
  return Math.round((value ?? 0) * 10) / 10
}

/** A measure name short enough for a sentence. */
function shorten(text: string, max = 24): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** One reason in words. */
export function lightReasonText(reason: LightReason, ctx: ReasonContext): string {
  const { t } = ctx
  const measure = reason.measureId ? ctx.measureName?.(reason.measureId) : undefined
  const named = measure ? { measure: shorten(measure) } : {}
  const date = reason.date ? ctx.date(reason.date) : ''
  const days = reason.days ?? 0
  switch (reason.code) {
    case 'behind': {
      const planned = percent(reason.planned)
      const reported = percent(reason.reported)
      const values = { ...named, planned, reported, gap: percent(planned - reported) }
      return t(measure ? 'light.reasons.measureBehind' : 'light.reasons.behind', values)
    }
    case 'overdue':
      return t('light.reasons.overdue', { days, date })
    case 'measure_overdue':
      return t(measure ? 'light.reasons.measureOverdueNamed' : 'light.reasons.measureOverdue', {
        ...named,
        days,
        date,
      })
    case 'milestone_missed':
      return t('light.reasons.milestoneMissed', { milestone: reason.milestone ?? '', date })
    case 'deadline_near':
      return days <= 0
        ? t('light.reasons.deadlineToday', { date })
        : t('light.reasons.deadlineNear', { days, date })
    case 'on_track':
      return t('light.reasons.onTrack')
    case 'done':
      return t('light.reasons.done')
  }
}

/** Every reason of a light in words, duplicates dropped (three overdue measures read once each). */
export function lightReasonLines(info: LightInfo, ctx: ReasonContext): string[] {
  return [...new Set(info.reasons.map((reason) => lightReasonText(reason, ctx)))]
}
