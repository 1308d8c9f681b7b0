import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { petitions, units } from '../../db/schema/index.js'
import type { Actor } from '../../lib/context.js'
import { unitTreeFilter } from '../../lib/scope.js'
import type { FileAccess } from '../files/index.js'

/**
 * The object scope of petition cases — one condition for lists, details, counts, batch counts,
 * evidence files and exports: city-wide readers see every case, a unit only the cases its
 * subtree handles (a case not yet assigned is the office's alone).
 */
export function petitionScope(actor: Actor): SQL | undefined {
  const tree = unitTreeFilter(actor, units.path)
  return tree
    ? sql`exists (select 1 from ${units} where ${units.id} = ${petitions.handlingUnitId} and ${tree})`
    : undefined
}

/** True when the actor may read the case with this id (its evidence files follow it). */
export function petitionReadable(db: DbOrTx, id: string, actor: Actor): Promise<boolean> {
  return db
    .select({ id: petitions.id })
    .from(petitions)
    .where(and(eq(petitions.id, id), petitionScope(actor)))
    .then((r) => r.length > 0)
}

/** True when the actor does the office's part of petitions (import, assign, review, publish). */
export function actsAsPetitionOffice(actor: Actor): boolean {
  if (actor.type === 'client') return actor.cityWide && actor.scopes.includes('petitions:write')
  return actor.roles.includes('office')
}

/**
 * True when the actor may read a case's complainant: the office, or the handling unit (a person
 * of its subtree) — never leaders, auditors or admins; an API client only with `petitions:pii`
 * and a scope that reaches the case. `handlingUnitPath` is null for an unassigned case.
 */
export function mayViewComplainant(actor: Actor, handlingUnitPath: string | null): boolean {
  if (actor.type === 'client') {
    if (!actor.scopes.includes('petitions:pii')) return false
    return actor.cityWide || (!!handlingUnitPath && handlingUnitPath.startsWith(actor.unitPath!))
  }
  if (actor.roles.includes('office')) return true
  if (!actor.unitPath || !handlingUnitPath) return false
  return (
    (actor.roles.includes('unit') || actor.roles.includes('lead_unit')) &&
    handlingUnitPath.startsWith(actor.unitPath)
  )
}

/**
 * A petition's handling evidence is read like its case; an imported batch sheet (it lists the
 * complainants) by the office alone.
 */
export const petitionFileAccess: FileAccess = {
  petition: (db, file, actor) => file.ownerId !== null && petitionReadable(db, file.ownerId, actor),
  petition_batch: (_db, _file, actor) => actsAsPetitionOffice(actor),
}
