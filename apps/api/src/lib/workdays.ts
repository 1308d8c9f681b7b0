import { addDays, dayNumber } from './dates.js'

/**
 * Working days (工作日) as Chinese offices count them: Monday to Friday, except public holidays
 * that fall on a weekday, plus the weekend days worked to make up for a longer holiday (调休).
 * Pure arithmetic over the calendar the office keeps (table calendar_days).
 */

/** What the calendar says about a date: a weekday off, or a weekend day worked. */
export type CalendarKind = 'holiday' | 'workday'
/** The configured exceptions, by `YYYY-MM-DD` date; every other date follows the week. */
export type WorkCalendar = ReadonlyMap<string, CalendarKind>

/** A search longer than this (ten years) means a calendar with no working day ahead. */
const MAX_SCAN_DAYS = 3660

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7
}

export function isWeekend(date: string): boolean {
  const d = weekday(date)
  return d === 0 || d === 6
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  const kind = calendar.get(date)
  if (kind === 'holiday') return false
  if (kind === 'workday') return true
  return !isWeekend(date)
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function firstWorkingDayFrom(date: string, calendar: WorkCalendar): string {
  let d = date
  for (let i = 0; i < MAX_SCAN_DAYS; i++, d = addDays(d, 1)) if (isWorkingDay(d, calendar)) return d
  throw new RangeError(`No working day within ${MAX_SCAN_DAYS} days of ${date}`)
}

/** The first working day strictly after `date` (e.g. the day a notice published today starts). */
export function nextWorkingDay(date: string, calendar: WorkCalendar): string {
  return firstWorkingDayFrom(addDays(date, 1), calendar)
}

/**
 * The last day of a period of `days` working days starting at `start`: `start` counts as the
 * first when it is a working day; otherwise counting begins at the next working day.
 */
export function periodEnd(start: string, days: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('days must be a positive integer')
  let d = firstWorkingDayFrom(start, calendar)
  for (let n = 1; n < days; n++) d = nextWorkingDay(d, calendar)
  return d
}
