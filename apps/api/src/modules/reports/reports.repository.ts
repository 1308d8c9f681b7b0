import { and, asc, count, desc, eq, getTableColumns, gt, gte, lt, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { progressReports, units, users } from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'

export type ReportRow = typeof progressReports.$inferSelect

export interface ReportFilter {
  scope?: SQL | undefined
  problem?: string | undefined
  status?: string | undefined
  /** Path of a unit whose subtree's reports to list. */
  unitPath?: string | undefined
  period?: string | undefined
  /** Changed at or after (RFC 3339). */
  updatedSince?: string | undefined
}

const columns = { report: progressReports, unitCode: units.code, unitName: units.name }
export type ReportWithUnit = { report: ReportRow; unitCode: string; unitName: string }

function where(f: ReportFilter): SQL | undefined {
  return and(
    f.scope,
    f.problem ? eq(progressReports.problemId, f.problem) : undefined,
    f.status ? eq(progressReports.status, f.status) : undefined,
    f.unitPath ? sql`${units.path} like ${`${likeEscape(f.unitPath)}%`}` : undefined,
    f.period ? eq(progressReports.period, f.period) : undefined,
    f.updatedSince ? gte(progressReports.updatedAt, new Date(f.updatedSince)) : undefined,
  )
}

function base(db: DbOrTx) {
  return db
    .select(columns)
    .from(progressReports)
    .innerJoin(units, eq(units.id, progressReports.unitId))
}

export const reportsRepository = {
  /** A page ordered by id (UUIDv7: creation order), oldest or newest first, after the cursor's id. */
  list(
    db: DbOrTx,
    f: ReportFilter,
    order: 'asc' | 'desc',
    limit: number,
    afterId: string | null,
  ): Promise<ReportWithUnit[]> {
    const after = afterId
      ? order === 'asc'
        ? gt(progressReports.id, afterId)
        : lt(progressReports.id, afterId)
      : undefined
    return base(db)
      .where(and(where(f), after))
      .orderBy(order === 'asc' ? asc(progressReports.id) : desc(progressReports.id))
      .limit(limit)
  },

  count(db: DbOrTx, f: ReportFilter) {
    return db
      .select({ n: count() })
      .from(progressReports)
      .innerJoin(units, eq(units.id, progressReports.unitId))
      .where(where(f))
      .then((r) => r[0]?.n ?? 0)
  },

  findById(db: DbOrTx, id: string, scope?: SQL): Promise<ReportWithUnit | undefined> {
    return base(db)
      .where(and(eq(progressReports.id, id), scope))
      .then((r) => r[0])
  },

  lockById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(progressReports)
      .where(eq(progressReports.id, id))
      .for('update')
      .then((r) => r[0])
  },

  /**
   * Inserts a report and returns it as findById reads it (with its unit's code and name), in one
   * statement. Its `submittedByName`: the display name of the person `name.userId` (read by the
   * same statement), else `name.fallback`.
   */
  insert(
    db: DbOrTx,
    values: Omit<typeof progressReports.$inferInsert, 'submittedByName'>,
    name: { userId: string | null; fallback: string | null },
  ): Promise<ReportWithUnit> {
    const submittedByName = name.userId
      ? sql`coalesce((select ${users.displayName} from ${users} where ${users.id} = ${name.userId}), ${name.fallback}::text)`
      : name.fallback
    return db
      .insert(progressReports)
      .values({ ...values, submittedByName })
      .returning({
        ...getTableColumns(progressReports),
        unitCode: sql<string>`(select code from units where id = ${progressReports.unitId})`,
        unitName: sql<string>`(select name from units where id = ${progressReports.unitId})`,
      })
      .then((r) => {
        const { unitCode, unitName, ...report } = r[0]!
        return { report, unitCode, unitName }
      })
  },

  update(db: DbOrTx, id: string, set: Partial<typeof progressReports.$inferInsert>) {
    return db
      .update(progressReports)
      .set({ ...set, updatedAt: new Date(), version: sql`${progressReports.version} + 1` })
      .where(eq(progressReports.id, id))
      .returning()
      .then((r) => r[0]!)
  },
}
