import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNotNull,
  lt,
  max,
  sql,
  type SQL,
} from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  acceptanceReviews,
  acceptances,
  closeouts,
  files,
  problems,
  publicReports,
  publicities,
} from '../../db/schema/index.js'
import { lodgedInPeriod } from './closeout.repository.js'

export type AcceptanceRow = typeof acceptances.$inferSelect
/** A review as lists show it: everything but the (large) frozen snapshot. */
export type ReviewRow = Omit<typeof acceptanceReviews.$inferSelect, 'snapshot'>
export type CloseoutRow = typeof closeouts.$inferSelect

const { snapshot: _snapshot, ...reviewColumns } = getTableColumns(acceptanceReviews)

export interface AcceptanceFilter {
  /** problemScope over `acceptances.problem_id`. */
  scope?: SQL | undefined
  status?: string | undefined
  round?: string | undefined
  /** Only in_review applications whose current level the caller may review (acceptance.access.ts). */
  awaiting?: SQL | undefined
}

function acceptanceWhere(f: AcceptanceFilter): SQL | undefined {
  return and(
    f.scope,
    f.status ? eq(acceptances.status, f.status) : undefined,
    f.round ? eq(problems.roundId, f.round) : undefined,
    f.awaiting,
  )
}

/** Acceptance applications (验收申请) and their level reviews. SQL only. */
export const acceptanceRepository = {
  insert(db: DbOrTx, values: typeof acceptances.$inferInsert) {
    return db.insert(acceptances).values(values)
  },

  findById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(acceptances)
      .where(eq(acceptances.id, id))
      .then((r) => r[0])
  },

  lockById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(acceptances)
      .where(eq(acceptances.id, id))
      .for('update')
      .then((r) => r[0])
  },

  /** A problem's applications, first first. */
  listByProblem(db: DbOrTx, problemId: string) {
    return db
      .select()
      .from(acceptances)
      .where(eq(acceptances.problemId, problemId))
      .orderBy(asc(acceptances.seq))
  },

  /** The problem's latest application (highest seq), if any. */
  latest(db: DbOrTx, problemId: string) {
    return db
      .select()
      .from(acceptances)
      .where(eq(acceptances.problemId, problemId))
      .orderBy(desc(acceptances.seq))
      .limit(1)
      .then((r) => r[0])
  },

  maxSeq(db: DbOrTx, problemId: string): Promise<number> {
    return db
      .select({ n: max(acceptances.seq) })
      .from(acceptances)
      .where(eq(acceptances.problemId, problemId))
      .then((r) => r[0]?.n ?? 0)
  },

  /** Updates the application; bumps its version and updated_at. */
  update(db: DbOrTx, id: string, set: Partial<typeof acceptances.$inferInsert>, at: Date) {
    return db
      .update(acceptances)
      .set({ ...set, updatedAt: at, version: sql`${acceptances.version} + 1` })
      .where(eq(acceptances.id, id))
  },

  /** A page of applications by id (UUIDv7: creation order), after the cursor's id. */
  list(
    db: DbOrTx,
    f: AcceptanceFilter,
    order: 'asc' | 'desc',
    limit: number,
    after: string | null,
  ) {
    const cursor = after
      ? order === 'asc'
        ? gt(acceptances.id, after)
        : lt(acceptances.id, after)
      : undefined
    return db
      .select({ acceptance: acceptances })
      .from(acceptances)
      .innerJoin(problems, eq(problems.id, acceptances.problemId))
      .where(and(acceptanceWhere(f), cursor))
      .orderBy(order === 'asc' ? asc(acceptances.id) : desc(acceptances.id))
      .limit(limit)
      .then((r) => r.map((x) => x.acceptance))
  },

  count(db: DbOrTx, f: AcceptanceFilter) {
    return db
      .select({ n: count() })
      .from(acceptances)
      .innerJoin(problems, eq(problems.id, acceptances.problemId))
      .where(acceptanceWhere(f))
      .then((r) => r[0]?.n ?? 0)
  },

  insertReview(db: DbOrTx, values: typeof acceptanceReviews.$inferInsert) {
    return db.insert(acceptanceReviews).values(values)
  },

  /** The reviews of the given applications, by level (without their snapshots). */
  reviewsOf(db: DbOrTx, acceptanceIds: string[]): Promise<ReviewRow[]> {
    if (!acceptanceIds.length) return Promise.resolve([])
    return db
      .select(reviewColumns)
      .from(acceptanceReviews)
      .where(inArray(acceptanceReviews.acceptanceId, acceptanceIds))
      .orderBy(asc(acceptanceReviews.acceptanceId), asc(acceptanceReviews.level))
  },

  /** A review with its snapshot (null for a return). */
  findReview(db: DbOrTx, id: string) {
    return db
      .select()
      .from(acceptanceReviews)
      .where(eq(acceptanceReviews.id, id))
      .then((r) => r[0])
  },

  /** Every file attached to anything of the problem (report evidence, acceptance materials ...). */
  filesOfProblem(db: DbOrTx, problemId: string) {
    return db.select().from(files).where(eq(files.problemId, problemId)).orderBy(asc(files.id))
  },

  // ── Publicity and close-out records of one problem

  publicitiesOf(db: DbOrTx, problemId: string) {
    return db
      .select()
      .from(publicities)
      .where(eq(publicities.problemId, problemId))
      .orderBy(asc(publicities.createdAt), asc(publicities.id))
  },

  closeoutsOf(db: DbOrTx, problemId: string) {
    return db
      .select()
      .from(closeouts)
      .where(eq(closeouts.problemId, problemId))
      .orderBy(asc(closeouts.createdAt), asc(closeouts.id))
  },

  /**
   * Objections (public reports ruled or awaiting a ruling) per publicity and ruling, those
   * lodged within the period only — what close-out waits for.
   */
  objectionCounts(db: DbOrTx, publicityIds: string[]) {
    if (!publicityIds.length)
      return Promise.resolve(
        [] as { publicityId: string | null; ruling: string | null; n: number }[],
      )
    return db
      .select({ publicityId: publicReports.publicityId, ruling: publicReports.ruling, n: count() })
      .from(publicReports)
      .innerJoin(publicities, eq(publicities.id, publicReports.publicityId))
      .where(
        and(
          inArray(publicReports.publicityId, publicityIds),
          isNotNull(publicReports.ruling),
          lodgedInPeriod,
        ),
      )
      .groupBy(publicReports.publicityId, publicReports.ruling)
  },
}
