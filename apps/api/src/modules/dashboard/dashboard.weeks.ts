import { addDays, dayNumber, periodOf } from '../../lib/dates.js'

/** One ISO week: `2026-W42`, its Monday and its Sunday (Asia/Shanghai calendar dates). */
export interface IsoWeek {
  week: string
  from: string
  to: string
}

/**
 * The last `n` ISO weeks up to and including the one holding `today` (a Shanghai date: the
 * caller takes it from `shanghaiDate`, so a Sunday 23:30 in Shanghai is still that week even
 * though it is Sunday afternoon in UTC, and Monday 00:30 is the next week), oldest first.
 */
export function isoWeeks(today: string, n: number): IsoWeek[] {
  // 1970-01-01 was a Thursday: day number 0 → ISO weekday 4 (Monday = 1).
  const weekday = ((((dayNumber(today) + 3) % 7) + 7) % 7) + 1
  const monday = addDays(today, 1 - weekday)
  return Array.from({ length: n }, (_, i) => {
    const from = addDays(monday, -7 * (n - 1 - i))
    return { week: periodOf(from, 'week'), from, to: addDays(from, 6) }
  })
}
