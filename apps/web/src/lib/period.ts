/**
 * Calendar days and dispatch periods (调度期) in Asia/Shanghai, whatever the browser's zone: a
 * report for "this month" is the month it is in Jiangzhou.
 */
import { TIME_ZONE } from '@/i18n/format'

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** Today in Asia/Shanghai as `YYYY-MM-DD`. */
export function shanghaiToday(now: Date = new Date()): string {
  return dayFormat.format(now)
}

/** The monthly dispatch period now, `YYYY-MM`. */
export function currentPeriod(now: Date = new Date()): string {
  return shanghaiToday(now).slice(0, 7)
}

/** `YYYY-MM-DD` moved by `days` (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** `2026-09` → 2026年9月 / Sep 2026; `2026-W37` → 2026年第37周 / Week 37, 2026. */
export function formatPeriod(period: string, locale: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period)
  if (week) {
    const [, year, n] = week
    return locale === 'en' ? `Week ${Number(n)}, ${year}` : `${year}年第${Number(n)}周`
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period)
  if (!month) return period
  const [, year, m] = month
  if (locale !== 'en') return `${year}年${Number(m)}月`
  const date = new Date(Date.UTC(Number(year), Number(m) - 1, 15))
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    date,
  )
}
