import { and, asc, count, desc, eq, inArray, max, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  files,
  inspectionFindings,
  inspectionUnits,
  inspections,
  problems,
  units,
} from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'

export type InspectionRow = typeof inspections.$inferSelect
export type InspectionChanges = Partial<typeof inspections.$inferInsert>
export type FindingRow = typeof inspectionFindings.$inferSelect

export interface InspectionFilter {
  kind?: string | undefined
  status?: string | undefined
  /** Path of the unit whose subtree a target unit must lie in. */
  unitPath?: string | undefined
  from?: string | undefined
  to?: string | undefined
  /** The actor's object scope (inspections.access.ts). */
  scope: SQL | undefined
}

/** The date an inspection is listed and filtered by: when it happened, else when it is planned. */
const when = sql<string>`coalesce(${inspections.doneDate}, ${inspections.plannedDate})`

function where(f: InspectionFilter) {
  return and(
    f.scope,
    f.kind ? eq(inspections.kind, f.kind) : undefined,
    f.status ? eq(inspections.status, f.status) : undefined,
    f.unitPath
      ? sql`exists (select 1 from ${inspectionUnits} fu join ${units} fuu on fuu.id = fu.unit_id
          where fu.inspection_id = ${inspections.id} and fuu.path like ${`${likeEscape(f.unitPath)}%`})`
      : undefined,
    f.from ? sql`${when} >= ${f.from}` : undefined,
    f.to ? sql`${when} <= ${f.to}` : undefined,
  )
}

/** Inspections, their target units and findings. SQL only. */
export const inspectionsRepository = {
  insert(db: DbOrTx, values: typeof inspections.$inferInsert) {
    return db.insert(inspections).values(values)
  },

  findById(db: DbOrTx, id: string, scope: SQL | undefined) {
    return db
      .select()
      .from(inspections)
      .where(and(eq(inspections.id, id), scope))
      .then((r) => r[0])
  },

  lockById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(inspections)
      .where(eq(inspections.id, id))
      .for('update')
      .then((r) => r[0])
  },

  /** Newest first (by the date it happened or is planned): `limit` rows after the cursor. */
  list(db: DbOrTx, f: InspectionFilter, limit: number, after: [string, string] | null) {
    return db
      .select({ row: inspections, when: sql<string>`${when}::text` })
      .from(inspections)
      .where(
        and(
          where(f),
          after
            ? sql`(${when}, ${inspections.id}) < (${after[0]}::date, ${after[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(when), desc(inspections.id))
      .limit(limit)
  },

  count(db: DbOrTx, f: InspectionFilter) {
    return db
      .select({ n: count() })
      .from(inspections)
      .where(where(f))
      .then((r) => r[0]?.n ?? 0)
  },

  /** Bumps the version with the change. */
  update(db: DbOrTx, id: string, set: InspectionChanges) {
    return db
      .update(inspections)
      .set({ ...set, version: sql`${inspections.version} + 1` })
      .where(eq(inspections.id, id))
  },

  async setUnits(db: DbOrTx, id: string, unitIds: readonly string[]) {
    await db.delete(inspectionUnits).where(eq(inspectionUnits.inspectionId, id))
    if (unitIds.length)
      await db
        .insert(inspectionUnits)
        .values(unitIds.map((unitId) => ({ inspectionId: id, unitId })))
  },

  /** Target units of the inspections, with their names. */
  targetUnits(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({
        inspectionId: inspectionUnits.inspectionId,
        id: units.id,
        code: units.code,
        name: units.name,
      })
      .from(inspectionUnits)
      .innerJoin(units, eq(units.id, inspectionUnits.unitId))
      .where(inArray(inspectionUnits.inspectionId, [...ids]))
      .orderBy(asc(units.code))
  },

  findingCounts(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({ inspectionId: inspectionFindings.inspectionId, n: count() })
      .from(inspectionFindings)
      .where(inArray(inspectionFindings.inspectionId, [...ids]))
      .groupBy(inspectionFindings.inspectionId)
  },

  /** Findings of the inspections, or of a problem, in order, with unit and problem. */
  findings(db: DbOrTx, by: { inspectionIds?: readonly string[]; problemId?: string }) {
    if (by.inspectionIds && !by.inspectionIds.length) return Promise.resolve([])
    return db
      .select({
        finding: inspectionFindings,
        unitCode: units.code,
        unitName: units.name,
        problemCode: problems.code,
        problemTitle: problems.title,
        inspectionTitle: inspections.title,
        inspectionKind: inspections.kind,
        inspectionDoneDate: inspections.doneDate,
      })
      .from(inspectionFindings)
      .innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
      .leftJoin(units, eq(units.id, inspectionFindings.unitId))
      .leftJoin(problems, eq(problems.id, inspectionFindings.problemId))
      .where(
        and(
          by.inspectionIds
            ? inArray(inspectionFindings.inspectionId, [...by.inspectionIds])
            : undefined,
          by.problemId ? eq(inspectionFindings.problemId, by.problemId) : undefined,
        ),
      )
      .orderBy(asc(inspectionFindings.createdAt), asc(inspectionFindings.seq))
  },

  maxSeq(db: DbOrTx, inspectionId: string) {
    return db
      .select({ n: max(inspectionFindings.seq) })
      .from(inspectionFindings)
      .where(eq(inspectionFindings.inspectionId, inspectionId))
      .then((r) => r[0]?.n ?? 0)
  },

  insertFinding(db: DbOrTx, values: typeof inspectionFindings.$inferInsert) {
    return db.insert(inspectionFindings).values(values)
  },

  problemExists(db: DbOrTx, id: string) {
    return db
      .select({ id: problems.id })
      .from(problems)
      .where(eq(problems.id, id))
      .then((r) => r.length > 0)
  },

  /** Files attached to the findings. */
  files(db: DbOrTx, findingIds: readonly string[]) {
    if (!findingIds.length) return Promise.resolve([] as (typeof files.$inferSelect)[])
    return db
      .select()
      .from(files)
      .where(
        and(eq(files.ownerType, 'inspection_finding'), inArray(files.ownerId, [...findingIds])),
      )
      .orderBy(asc(files.id))
  },
}
