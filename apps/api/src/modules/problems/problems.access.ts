import type { Actor } from '../../lib/context.js'

/**
 * Who may do what to a problem, beyond the route-level policy row. People act through their
 * roles; an API client acts through its scopes and unit: a city-wide client with
 * `problems:write` does what the office does, a unit-scoped one what a lead unit does for its
 * subtree, and `progress:write` what a unit does (a scope never grants more than a role would).
 */

/** True when the actor does the office's part of the ledger (create, approve, return, grant). */
export function actsAsOffice(actor: Actor): boolean {
  if (actor.type === 'client') return actor.cityWide && actor.scopes.includes('problems:write')
  return actor.roles.includes('office')
}

/** True when the actor acts as a lead unit (drafts, submits, applies) somewhere in its subtree. */
export function actsAsLeadUnit(actor: Actor): boolean {
  if (!actor.unitPath) return false
  if (actor.type === 'client') return actor.scopes.includes('problems:write')
  return actor.roles.includes('lead_unit')
}

/** True when the actor is a unit-scoped reporter: a responsible unit or a lead unit, never city-wide. */
export function actsAsUnit(actor: Actor): boolean {
  if (actor.cityWide || !actor.unitPath) return false
  if (actor.type === 'client')
    return actor.scopes.includes('progress:write') || actor.scopes.includes('problems:write')
  return actor.roles.includes('unit') || actor.roles.includes('lead_unit')
}

/** True when the actor leads a problem whose lead unit has path `leadUnitPath`. */
export function leadsProblem(actor: Actor, leadUnitPath: string): boolean {
  return actsAsLeadUnit(actor) && leadUnitPath.startsWith(actor.unitPath!)
}

/**
 * True when `unitId` is the actor's own unit: the office never approves a plan, grants an
 * extension or accepts work of its own unit (separation of duties).
 */
export function isOwnUnit(actor: Actor, unitId: string | null | undefined): boolean {
  return !!unitId && actor.unitId === unitId
}
