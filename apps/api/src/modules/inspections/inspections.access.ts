import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { inspectionFindings, inspectionUnits, inspections, units } from '../../db/schema/index.js'
import type { Actor } from '../../lib/context.js'
import { likeEscape } from '../../lib/http.js'
import type { FileAccess } from '../files/index.js'

/**
 * The object scope of inspections — the one condition list, detail, count and file downloads
 * share. City-wide actors see every inspection. A unit user or unit-scoped client sees one when a
 * target unit lies in its subtree AND it is routine or has happened (`done`): an unannounced
 * inspection (明察暗访) stays invisible to the units it targets until then, cancelled ones for ever.
 */
export function inspectionScope(actor: Actor): SQL | undefined {
  if (actor.cityWide) return undefined
  if (!actor.unitPath) return sql`false`
  return sql`(${inspections.kind} = 'routine' or ${inspections.status} = 'done')
    and exists (select 1 from ${inspectionUnits} iu join ${units} u on u.id = iu.unit_id
      where iu.inspection_id = ${inspections.id} and u.path like ${`${likeEscape(actor.unitPath)}%`})`
}

/** True when the finding exists and its inspection is visible to the actor (for its evidence files). */
export function findingReadable(db: DbOrTx, findingId: string, actor: Actor): Promise<boolean> {
  return db
    .select({ id: inspectionFindings.id })
    .from(inspectionFindings)
    .innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
    .where(and(eq(inspectionFindings.id, findingId), inspectionScope(actor)))
    .then((r) => r.length > 0)
}

/** Inspection evidence is read like its inspection. */
export const inspectionFileAccess: FileAccess = {
  inspection_finding: (db, file, actor) =>
    file.ownerId !== null && findingReadable(db, file.ownerId, actor),
}
