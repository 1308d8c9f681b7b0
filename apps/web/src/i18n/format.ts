/**
 * Dates and times as people in the city read them: always in Asia/Shanghai whatever the
 * browser's zone, `2026年11月28日` in zh-CN and `Nov 28, 2026` in English.
 */
export const TIME_ZONE = 'Asia/Shanghai'

type Style = 'date' | 'dateTime'

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' },
  dateTime: {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  },
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, style: Style): Intl.DateTimeFormat {
  const key = `${locale}|${style}`
  let f = formatters.get(key)
  if (!f) {
    const options =
      locale === 'en' ? { ...OPTIONS[style], month: 'short' as const } : OPTIONS[style]
    f = new Intl.DateTimeFormat(locale, options)
    formatters.set(key, f)
  }
  return f
}

function toDate(value: string | Date): Date | null {
  // A bare `YYYY-MM-DD` is a Shanghai calendar date: read it at Shanghai noon so it never shifts.
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00+08:00`)
      : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** `2026年11月28日`; an empty string for a missing or unreadable value. */
export function formatDate(value: string | Date | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return ''
  const date = toDate(value)
  return date ? formatter(locale, 'date').format(date) : String(value)
}

/** `2026年11月28日 14:05:09`; an empty string for a missing or unreadable value. */
export function formatDateTime(value: string | Date | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return ''
  const date = toDate(value)
  return date ? formatter(locale, 'dateTime').format(date) : String(value)
}

/** The display format of an Element Plus month picker in `locale` (2026年9月 · Sep 2026). */
export function monthPickerFormat(locale: string): string {
  return locale === 'en' ? 'MMM YYYY' : 'YYYY年M月'
}
