import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { Actor } from './context.js'
import { likeEscape } from './http.js'

/**
 * The object-level filter of the policy table's `unit-tree` scope: a condition on a unit's
 * materialised path that keeps only what the actor may see (nothing is filtered for city-wide
 * actors). Lists, details, counts and exports all go through it.
 */
export function unitTreeFilter(actor: Actor, pathColumn: AnyColumn | SQL): SQL | undefined {
  if (actor.cityWide) return undefined
  if (!actor.unitPath) return sql`false`
  return sql`${pathColumn} like ${`${likeEscape(actor.unitPath)}%`}`
}

/** True when a unit path lies within what the actor may see. */
export function canSeeUnitPath(actor: Actor, path: string): boolean {
  return actor.cityWide || (!!actor.unitPath && path.startsWith(actor.unitPath))
}
