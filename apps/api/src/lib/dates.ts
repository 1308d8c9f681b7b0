/** Calendar dates as the domain speaks them: `YYYY-MM-DD` in Asia/Shanghai. */

export const TIME_ZONE = 'Asia/Shanghai'
const fmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** Today's date in Asia/Shanghai (the date a light is computed for). */
export function shanghaiDate(now: Date = new Date()): string {
  return fmt.format(now)
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date (calendar arithmetic, no time zone). */
export function dayNumber(date: string): number {
  let n = dayNumbers.get(date)
  if (n === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number]
    n = Math.floor(Date.UTC(y, m - 1, d) / 86_400_000)
    // Remembered: the lights and planned progress of an import's 5,000 problems ask for the same
    // few hundred dates again and again. Bounded, so a long-lived process does not grow it.
    if (dayNumbers.size >= 10_000) dayNumbers.clear()
    dayNumbers.set(date, n)
  }
  return n
}
const dayNumbers = new Map<string, number>()

export function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10)
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a)
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days)
}

/** The dispatch period a date falls in: `2026-09` for months, `2026-W37` for ISO weeks. */
export function periodOf(date: string, kind: 'month' | 'week' = 'month'): string {
  if (kind === 'month') return date.slice(0, 7)
  const d = new Date(`${date}T00:00:00Z`)
  const day = (d.getUTCDay() + 6) % 7
  d.setUTCDate(d.getUTCDate() - day + 3)
  // ISO 8601: the week belongs to the year of its Thursday; week 1 holds January 4th.
  const week = 1 + Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000 / 7)
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** 2026-11-28 → 2026年11月28日: a date as official documents, titles and file names write it. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}
