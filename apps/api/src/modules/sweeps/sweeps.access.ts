import { sql, type SQL } from 'drizzle-orm'
import type { Actor } from '../../lib/context.js'
import { canSeeUnitPath, unitTreeFilter } from '../../lib/scope.js'
import { actsAsOffice, actsAsUnit } from '../problems/index.js'

/**
 * The object scope of sweeps: a condition on a target unit's path (the target units are joined
 * as `tu` in sweeps.repository.ts). City-wide readers see every sweep and every target; a unit
 * user or unit-scoped client sees the sweeps with a target in its subtree, and in each only its
 * subtree's targets — the roll-up counts those same targets.
 */
export function sweepTargetScope(actor: Actor): SQL | undefined {
  return unitTreeFilter(actor, sql`tu.path`)
}

/** True when the actor launches and closes sweeps (the office, or a city-wide writing client). */
export const launchesSweeps = actsAsOffice

/**
 * True when the actor may report for the target unit at `unitPath`: the office for any target
 * (on the unit's behalf), a unit or lead unit user — or a unit-scoped client with
 * progress:write — for a target in its own subtree.
 */
export function reportsFor(actor: Actor, unitPath: string): boolean {
  if (actsAsOffice(actor)) return true
  return actsAsUnit(actor) && canSeeUnitPath(actor, unitPath)
}
