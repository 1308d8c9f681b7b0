/**
 * Reading and writing list filters in the URL query, so a filtered list is a link one can send
 * to a colleague. Values are strings; enums are narrowed against their allowed values.
 */
import type { LocationQuery, LocationQueryValue } from 'vue-router'

type Raw = LocationQueryValue | LocationQueryValue[] | undefined

/** The first non-empty string of a query value, or undefined. */
export function queryString(value: Raw): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined
}

/** The query value when it is one of `allowed`, else undefined (ignores hand-edited junk). */
export function queryEnum<T extends string>(value: Raw, allowed: readonly T[]): T | undefined {
  const text = queryString(value)
  return text !== undefined && (allowed as readonly string[]).includes(text)
    ? (text as T)
    : undefined
}

/** `YYYY-MM-DD` from the query, or undefined. */
export function queryDate(value: Raw): string | undefined {
  const text = queryString(value)
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined
}

/** Drops empty values so the URL carries only the filters in use. */
export function toLocationQuery(filters: Record<string, string | undefined | null>): LocationQuery {
  const query: LocationQuery = {}
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value.trim() !== '') query[key] = value.trim()
  }
  return query
}

/** The instant a Shanghai calendar day starts, in UTC (`2026-11-28` → `2026-11-27T16:00:00.000Z`). */
export function shanghaiDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString()
}

/** The last millisecond of a Shanghai calendar day, in UTC. */
export function shanghaiDayEnd(date: string): string {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000 - 1).toISOString()
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An identifier (UUID) from the query, or undefined: a mangled link must not become a 400. */
export function queryId(value: Raw): string | undefined {
  const text = queryString(value)
  return text && UUID.test(text) ? text : undefined
}
