/**
 * The close-out stages' small rules the screens need, kept pure so they are tested without a
 * browser: the review checklist, the publicity countdown, why 销号 must wait, when a rebound
 * review is due, the round's criteria list and the working-day calendar. Who may do what is
 * not decided here: the problem's close-out file says so (`can`), and the API checks again.
 */
import type {
  CalendarDay,
  CloseoutFile,
  CriterionCheck,
  Publicity,
  ReboundReview,
  ReviewAcceptanceBody,
  RoundSettings,
  RoundSettingsInput,
} from '@rectify/schemas'
import { daysBetween } from './period'

// ── The review form (验收审核)

/** What the review form edits; `reason` only counts for a return. */
export interface ReviewDraft {
  checkDate: string
  checklist: CriterionCheck[]
  opinion: string
  decision: 'pass' | 'return'
  reason: string
}

/** One line per criterion of the application, unticked, in the application's order. */
export function buildChecklist(criteria: readonly string[]): CriterionCheck[] {
  return criteria.map((criterion) => ({ criterion, met: false, note: '' }))
}

/** A fresh review of an application with `criteria`, checked on site `today`. */
export function emptyReview(criteria: readonly string[], today: string): ReviewDraft {
  return {
    checkDate: today,
    checklist: buildChecklist(criteria),
    opinion: '',
    decision: 'pass',
    reason: '',
  }
}

/** Why a review cannot be sent yet, by field; the values are message keys under `acceptance.rules`. */
export type ReviewErrors = Partial<Record<'checkDate' | 'opinion' | 'reason' | 'checklist', string>>

/**
 * The API's rules for a review, said next to the fields: a check date and an opinion always;
 * `pass` only with every criterion met; `return` with a reason. A criterion not met says why
 * in its note, so the record explains the ✗.
 */
export function checkReview(draft: ReviewDraft): ReviewErrors {
  const errors: ReviewErrors = {}
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.checkDate)) errors.checkDate = 'checkDate'
  if (!draft.opinion.trim()) errors.opinion = 'opinion'
  const unmet = draft.checklist.filter((item) => !item.met)
  if (draft.decision === 'pass' && unmet.length) errors.checklist = 'allMet'
  else if (unmet.some((item) => !item.note.trim())) errors.checklist = 'unmetNote'
  if (draft.decision === 'return' && !draft.reason.trim()) errors.reason = 'reason'
  return errors
}

/** The request body: trimmed, the reason only on a return. */
export function reviewBody(draft: ReviewDraft): ReviewAcceptanceBody {
  const body: ReviewAcceptanceBody = {
    checkDate: draft.checkDate,
    checklist: draft.checklist.map((item) => ({
      criterion: item.criterion,
      met: item.met,
      note: item.note.trim(),
    })),
    opinion: draft.opinion.trim(),
    decision: draft.decision,
  }
  if (draft.decision === 'return') body.reason = draft.reason.trim()
  return body
}

// ── Publicity (公示) and close-out (销号)

/** Where a publicity period stands today, with the days it concerns. */
export type Countdown =
  | { state: 'upcoming'; days: number }
  | { state: 'running'; days: number }
  | { state: 'lastDay'; days: 0 }
  | { state: 'over'; days: number }
  | { state: 'ended' | 'overturned'; days: 0 }

/**
 * The countdown people read on the publicity board: starts in N days, N days left (calendar
 * days to the end date), ends today, or over N days ago (waiting for 销号).
 */
export function publicityCountdown(
  publicity: Pick<Publicity, 'status' | 'startDate' | 'endDate' | 'periodOver'>,
  today: string,
): Countdown {
  if (publicity.status !== 'open') return { state: publicity.status, days: 0 }
  const toEnd = daysBetween(today, publicity.endDate)
  if (publicity.periodOver || toEnd < 0) return { state: 'over', days: Math.max(0, -toEnd) }
  const toStart = daysBetween(today, publicity.startDate)
  if (toStart > 0) return { state: 'upcoming', days: toStart }
  if (toEnd === 0) return { state: 'lastDay', days: 0 }
  return { state: 'running', days: toEnd }
}

/** The publicity now running for the problem, if any. */
export function openPublicityOf(file: Pick<CloseoutFile, 'publicities'>): Publicity | undefined {
  return file.publicities.find((publicity) => publicity.status === 'open')
}

/** Why 销号 has to wait: the period still runs, or objections are not yet ruled. */
export type CloseBlock = 'periodRunning' | 'objectionsPending'

/** What holds the close-out back, from the open publicity (null: nothing, or no publicity). */
export function closeBlock(publicity: Publicity | undefined): CloseBlock | null {
  if (!publicity) return null
  if (publicity.objections.pending > 0) return 'objectionsPending'
  if (!publicity.periodOver) return 'periodRunning'
  return null
}

// ── Rebound reviews (回头看)

/** Scheduled reviews due within this many days are flagged as due soon. */
export const REBOUND_DUE_SOON_DAYS = 30

export type ReboundDue = 'overdue' | 'dueSoon' | 'later' | 'done'

/** How urgent a rebound review is today: past its due date, due within 30 days, or later. */
export function reboundDue(review: Pick<ReboundReview, 'status' | 'dueDate'>, today: string) {
  if (review.status !== 'scheduled') return 'done' satisfies ReboundDue
  const days = daysBetween(today, review.dueDate)
  if (days < 0) return 'overdue' satisfies ReboundDue
  return (days <= REBOUND_DUE_SOON_DAYS ? 'dueSoon' : 'later') satisfies ReboundDue
}

// ── The round's settings

/** Limits of RoundSettingsSchema's `criteria`. */
export const CRITERIA_LIMITS = { min: 1, max: 20, length: 200 } as const

/** What is wrong with a criteria list, as a message key under `acceptance.rules`. */
export type CriteriaError =
  'criteriaEmpty' | 'criteriaTooMany' | 'criteriaTooLong' | 'criteriaDuplicate'

/** The criteria as sent: each line trimmed, empty lines dropped; or why the list is refused. */
export function cleanCriteria(lines: readonly string[]): {
  criteria: string[]
  error: CriteriaError | null
} {
  const criteria = lines.map((line) => line.trim()).filter((line) => line !== '')
  let error: CriteriaError | null = null
  if (criteria.length < CRITERIA_LIMITS.min) error = 'criteriaEmpty'
  else if (criteria.length > CRITERIA_LIMITS.max) error = 'criteriaTooMany'
  else if (criteria.some((line) => line.length > CRITERIA_LIMITS.length)) error = 'criteriaTooLong'
  else if (new Set(criteria).size !== criteria.length) error = 'criteriaDuplicate'
  return { criteria, error }
}

/** A copy of `list` with the item at `index` moved by `delta` places (clamped to the ends). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = Math.min(list.length - 1, Math.max(0, index + delta))
  const next = [...list]
  const [item] = next.splice(index, 1)
  if (item !== undefined) next.splice(to, 0, item)
  return next
}

/** Rebound months as sent: whole months 1–60, each once, in order. */
export function cleanReboundMonths(months: readonly number[]): number[] {
  return [...new Set(months.filter((m) => Number.isInteger(m) && m >= 1 && m <= 60))].sort(
    (a, b) => a - b,
  )
}

// ── The working-day calendar (节假日设置)

/** Saturday or Sunday, for a `YYYY-MM-DD` date. */
export function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day === 0 || day === 6
}

/**
 * A calendar entry that changes nothing: a holiday on a weekend is off anyway, a make-up
 * working day (调休上班) on a weekday is worked anyway. Null when the entry makes sense.
 */
export function calendarDayWarning(
  day: Pick<CalendarDay, 'date' | 'kind'>,
): 'holidayOnWeekend' | 'workdayOnWeekday' | null {
  const weekend = isWeekend(day.date)
  if (day.kind === 'holiday' && weekend) return 'holidayOnWeekend'
  if (day.kind === 'workday' && !weekend) return 'workdayOnWeekday'
  return null
}

/** The year's entries in date order. */
export function sortCalendar(days: readonly CalendarDay[]): CalendarDay[] {
  return [...days].sort((a, b) => a.date.localeCompare(b.date))
}

/** The dossier's file name when the server gives none: 一案一档-<code>.zip. */
export function dossierFallbackName(code: string): string {
  const safe = code.replace(/[\\/:*?"<>|\s]+/g, '_')
  return `一案一档-${safe}.zip`
}

/**
 * The settings to send: on a new round everything, on an edit only what changed (the API
 * merges a partial object over the round's current settings).
 */
export function settingsPatch(
  before: RoundSettings | null,
  after: RoundSettings,
): RoundSettingsInput {
  if (!before) return { ...after }
  const patch: RoundSettingsInput = {}
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  if (!same(before.acceptanceLevels, after.acceptanceLevels))
    patch.acceptanceLevels = after.acceptanceLevels
  if (before.publicityDays !== after.publicityDays) patch.publicityDays = after.publicityDays
  if (!same(before.criteria, after.criteria)) patch.criteria = after.criteria
  if (!same(before.reboundMonths, after.reboundMonths)) patch.reboundMonths = after.reboundMonths
  return patch
}
