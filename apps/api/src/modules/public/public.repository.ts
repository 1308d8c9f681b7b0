import { and, asc, count, desc, eq, inArray, isNotNull } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { measures, problems, progressReports, publicities, units } from '../../db/schema/index.js'
import { problemColumns } from '../problems/index.js'

/** Only problems the office marked public ever reach the board. */
export const published = eq(problems.public, true)

const noticeColumns = {
  id: publicities.id,
  notice: publicities.notice,
  startDate: publicities.startDate,
  endDate: publicities.endDate,
  status: publicities.status,
}

/**
 * The board's reads beyond the ledger's list (which the service reuses with `published` as the
 * scope): a published problem's measures, accepted progress and notices, and the regions.
 * Columns are named one by one: nothing internal (persons, review notes) is even selected.
 */
export const publicRepository = {
  findPublished(db: DbOrTx, id: string) {
    return db
      .select(problemColumns)
      .from(problems)
      .where(and(eq(problems.id, id), published))
      .then((r) => r[0])
  },

  measures(db: DbOrTx, problemId: string) {
    return db
      .select({
        seq: measures.seq,
        content: measures.content,
        unitId: measures.unitId,
        deadline: measures.deadline,
        status: measures.status,
        percent: measures.percent,
      })
      .from(measures)
      .where(eq(measures.problemId, problemId))
      .orderBy(asc(measures.seq), asc(measures.id))
  },

  /** Accepted reports in the order they were accepted: the progress curve. */
  acceptedProgress(db: DbOrTx, problemId: string) {
    return db
      .select({
        period: progressReports.period,
        percent: progressReports.percent,
        reviewedAt: progressReports.reviewedAt,
      })
      .from(progressReports)
      .where(
        and(
          eq(progressReports.problemId, problemId),
          eq(progressReports.status, 'accepted'),
          isNotNull(progressReports.reviewedAt),
        ),
      )
      .orderBy(asc(progressReports.reviewedAt), asc(progressReports.id))
      .limit(500)
  },

  latestPublicity(db: DbOrTx, problemId: string) {
    return db
      .select(noticeColumns)
      .from(publicities)
      .where(eq(publicities.problemId, problemId))
      .orderBy(desc(publicities.createdAt), desc(publicities.id))
      .limit(1)
      .then((r) => r[0])
  },

  /** Close-out notices open now, of published problems, ending soonest first. */
  openNotices(db: DbOrTx) {
    return db
      .select({ problem: problemColumns, notice: noticeColumns })
      .from(publicities)
      .innerJoin(problems, eq(problems.id, publicities.problemId))
      .where(and(eq(publicities.status, 'open'), published))
      .orderBy(asc(publicities.endDate), asc(publicities.id))
      .limit(500)
  },

  /** Counties with published problems and how many. */
  regions(db: DbOrTx) {
    return db
      .select({ id: units.id, name: units.name, count: count() })
      .from(problems)
      .innerJoin(units, eq(units.id, problems.regionId))
      .where(published)
      .groupBy(units.id, units.name, units.code)
      .orderBy(asc(units.code))
  },

  /** Names of units by id. */
  unitNames(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve(new Map<string, string>())
    return db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(inArray(units.id, [...ids]))
      .then((r) => new Map(r.map((u) => [u.id, u.name])))
  },
}
