import { and, eq, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { institutionProblems, institutions, units } from '../../db/schema/index.js'
import type { Actor } from '../../lib/context.js'
import { unitTreeFilter } from '../../lib/scope.js'
import { problemScope } from '../problems/index.js'
import type { FileAccess } from '../files/index.js'

/**
 * The object scope of institutions — one condition for list, detail, count and files:
 * city-wide readers see every institution; a unit those issued by its subtree, those marked
 * public (they are on the public board anyway), and those linked to a problem it can see (the
 * rule was made for its problem, so it needs to know the rule).
 */
export function institutionScope(actor: Actor): SQL | undefined {
  const tree = unitTreeFilter(actor, units.path)
  if (!tree) return undefined
  return or(
    eq(institutions.public, true),
    sql`exists (select 1 from ${units} where ${units.id} = ${institutions.issuingUnitId} and ${tree})`,
    sql`exists (select 1 from ${institutionProblems} ip where ip.institution_id = ${institutions.id}
      and ${problemScope(actor, sql`ip.problem_id`)})`,
  )
}

/** True when the actor may read the institution with this id (its files follow it). */
export function institutionReadable(db: DbOrTx, id: string, actor: Actor): Promise<boolean> {
  return db
    .select({ id: institutions.id })
    .from(institutions)
    .where(and(eq(institutions.id, id), institutionScope(actor)))
    .then((r) => r.length > 0)
}

/** An institution's documents are read like the institution (issuer's subtree, public, linked problems). */
export const institutionFileAccess: FileAccess = {
  institution: (db, file, actor) =>
    file.ownerId !== null && institutionReadable(db, file.ownerId, actor),
}
