import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { accountabilityRecords, units } from '../../db/schema/index.js'
import type { Actor } from '../../lib/context.js'
import { unitTreeFilter } from '../../lib/scope.js'
import type { FileAccess } from '../files/index.js'

/**
 * The object scope of accountability records — one condition for list, detail, counts, files
 * and the dossier: city-wide readers see every record, a unit only records whose unit lies in
 * its subtree.
 */
export function accountabilityScope(actor: Actor): SQL | undefined {
  const tree = unitTreeFilter(actor, units.path)
  return tree
    ? sql`exists (select 1 from ${units} where ${units.id} = ${accountabilityRecords.unitId} and ${tree})`
    : undefined
}

/** True when the actor may read the record with this id (its evidence files follow it). */
export function accountabilityReadable(db: DbOrTx, id: string, actor: Actor): Promise<boolean> {
  return db
    .select({ id: accountabilityRecords.id })
    .from(accountabilityRecords)
    .where(and(eq(accountabilityRecords.id, id), accountabilityScope(actor)))
    .then((r) => r.length > 0)
}

/** Accountability evidence is read like its record. */
export const accountabilityFileAccess: FileAccess = {
  accountability: (db, file, actor) =>
    file.ownerId !== null && accountabilityReadable(db, file.ownerId, actor),
}
