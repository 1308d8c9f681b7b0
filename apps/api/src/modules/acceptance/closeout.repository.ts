import { and, asc, count, desc, eq, gte, lt, lte, ne, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  calendarDays,
  closeouts,
  problems,
  publicReports,
  publicities,
  reboundReviews,
} from '../../db/schema/index.js'

export type PublicityRow = typeof publicities.$inferSelect
export type ReboundRow = typeof reboundReviews.$inferSelect
export type CalendarRow = typeof calendarDays.$inferSelect

export interface PublicityFilter {
  scope?: SQL | undefined
  status?: string | undefined
  round?: string | undefined
  /** Ended before `today` (true) or not (false). */
  periodOver?: { is: boolean; today: string } | undefined
}

export interface ReboundFilter {
  scope?: SQL | undefined
  status?: string | undefined
  dueBy?: string | undefined
  round?: string | undefined
}

/**
 * An objection counts only when it came in within its notice's period, start and end days
 * included, in Asia/Shanghai: one recorded outside it (before the intake refused them) never
 * holds up close-out. Needs `publicities` joined to `public_reports`.
 */
export const lodgedInPeriod = sql`(${publicReports.createdAt} at time zone 'Asia/Shanghai')::date between ${publicities.startDate} and ${publicities.endDate}`

/** Publicity notices, close-outs, rebound reviews and the working-day calendar. SQL only. */
export const closeoutRepository = {
  insertPublicity(db: DbOrTx, values: typeof publicities.$inferInsert) {
    return db.insert(publicities).values(values)
  },

  findPublicity(db: DbOrTx, id: string) {
    return db
      .select()
      .from(publicities)
      .where(eq(publicities.id, id))
      .then((r) => r[0])
  },

  /** The problem's open publicity, locked. */
  lockOpenPublicity(db: DbOrTx, problemId: string) {
    return db
      .select()
      .from(publicities)
      .where(and(eq(publicities.problemId, problemId), eq(publicities.status, 'open')))
      .for('update')
      .then((r) => r[0])
  },

  endPublicity(db: DbOrTx, id: string, at: Date) {
    return db
      .update(publicities)
      .set({ status: 'ended', endedAt: at, version: sql`${publicities.version} + 1` })
      .where(eq(publicities.id, id))
  },

  /** Objections awaiting a ruling that were lodged within the period (see `lodgedInPeriod`). */
  pendingObjections(db: DbOrTx, publicityId: string): Promise<number> {
    return db
      .select({ n: count() })
      .from(publicReports)
      .innerJoin(publicities, eq(publicities.id, publicReports.publicityId))
      .where(
        and(
          eq(publicReports.publicityId, publicityId),
          eq(publicReports.ruling, 'pending'),
          lodgedInPeriod,
        ),
      )
      .then((r) => r[0]?.n ?? 0)
  },

  /** Open notices by end date (the board: what ends first on top); others latest first. */
  listPublicity(db: DbOrTx, f: PublicityFilter, limit: number, after: [string, string] | null) {
    const descending = f.status !== 'open'
    const col = sql`${publicities.endDate}`
    return db
      .select({ publicity: publicities })
      .from(publicities)
      .innerJoin(problems, eq(problems.id, publicities.problemId))
      .where(and(publicityWhere(f), keysetOn(publicities, col, after, descending)))
      .orderBy(
        descending ? desc(publicities.endDate) : asc(publicities.endDate),
        descending ? desc(publicities.id) : asc(publicities.id),
      )
      .limit(limit)
      .then((r) => r.map((x) => x.publicity))
  },

  countPublicity(db: DbOrTx, f: PublicityFilter) {
    return db
      .select({ n: count() })
      .from(publicities)
      .innerJoin(problems, eq(problems.id, publicities.problemId))
      .where(publicityWhere(f))
      .then((r) => r[0]?.n ?? 0)
  },

  insertCloseout(db: DbOrTx, values: typeof closeouts.$inferInsert) {
    return db
      .insert(closeouts)
      .values(values)
      .returning()
      .then((r) => r[0]!)
  },

  markReopened(db: DbOrTx, closeoutId: string, at: Date) {
    return db.update(closeouts).set({ reopenedAt: at }).where(eq(closeouts.id, closeoutId))
  },

  insertRebound(db: DbOrTx, values: (typeof reboundReviews.$inferInsert)[]) {
    if (!values.length) return Promise.resolve([] as ReboundRow[])
    return db.insert(reboundReviews).values(values).returning()
  },

  reboundsOf(db: DbOrTx, problemId: string) {
    return db
      .select()
      .from(reboundReviews)
      .where(eq(reboundReviews.problemId, problemId))
      .orderBy(asc(reboundReviews.dueDate), asc(reboundReviews.id))
  },

  findRebound(db: DbOrTx, id: string) {
    return db
      .select()
      .from(reboundReviews)
      .where(eq(reboundReviews.id, id))
      .then((r) => r[0])
  },

  lockRebound(db: DbOrTx, id: string) {
    return db
      .select()
      .from(reboundReviews)
      .where(eq(reboundReviews.id, id))
      .for('update')
      .then((r) => r[0])
  },

  updateRebound(db: DbOrTx, id: string, set: Partial<typeof reboundReviews.$inferInsert>) {
    return db
      .update(reboundReviews)
      .set({ ...set, version: sql`${reboundReviews.version} + 1` })
      .where(eq(reboundReviews.id, id))
  },

  /** Cancels the close-out's other scheduled reviews; returns their ids. */
  cancelOtherRebounds(db: DbOrTx, closeoutId: string, exceptId: string) {
    return db
      .update(reboundReviews)
      .set({ status: 'cancelled', version: sql`${reboundReviews.version} + 1` })
      .where(
        and(
          eq(reboundReviews.closeoutId, closeoutId),
          eq(reboundReviews.status, 'scheduled'),
          ne(reboundReviews.id, exceptId),
        ),
      )
      .returning({ id: reboundReviews.id })
      .then((r) => r.map((x) => x.id))
  },

  /** Rebound reviews by due date (what falls due first on top). */
  listRebound(db: DbOrTx, f: ReboundFilter, limit: number, after: [string, string] | null) {
    return db
      .select({ review: reboundReviews })
      .from(reboundReviews)
      .innerJoin(problems, eq(problems.id, reboundReviews.problemId))
      .where(
        and(
          reboundWhere(f),
          keysetOn(reboundReviews, sql`${reboundReviews.dueDate}`, after, false),
        ),
      )
      .orderBy(asc(reboundReviews.dueDate), asc(reboundReviews.id))
      .limit(limit)
      .then((r) => r.map((x) => x.review))
  },

  countRebound(db: DbOrTx, f: ReboundFilter) {
    return db
      .select({ n: count() })
      .from(reboundReviews)
      .innerJoin(problems, eq(problems.id, reboundReviews.problemId))
      .where(reboundWhere(f))
      .then((r) => r[0]?.n ?? 0)
  },

  // ── The working-day calendar

  calendarBetween(db: DbOrTx, from: string, to: string): Promise<CalendarRow[]> {
    return db
      .select()
      .from(calendarDays)
      .where(and(gte(calendarDays.date, from), lte(calendarDays.date, to)))
      .orderBy(asc(calendarDays.date))
  },

  findDay(db: DbOrTx, date: string) {
    return db
      .select()
      .from(calendarDays)
      .where(eq(calendarDays.date, date))
      .then((r) => r[0])
  },

  putDay(db: DbOrTx, row: CalendarRow) {
    return db
      .insert(calendarDays)
      .values(row)
      .onConflictDoUpdate({ target: calendarDays.date, set: { kind: row.kind, name: row.name } })
  },

  deleteDay(db: DbOrTx, date: string) {
    return db.delete(calendarDays).where(eq(calendarDays.date, date))
  },
}

function keysetOn(
  table: typeof publicities | typeof reboundReviews,
  dateCol: SQL,
  after: [string, string] | null,
  descending: boolean,
) {
  if (!after) return undefined
  const left = sql`(${dateCol}, ${table.id})`
  const right = sql`(${after[0]}::date, ${after[1]}::uuid)`
  return descending ? sql`${left} < ${right}` : sql`${left} > ${right}`
}

function publicityWhere(f: PublicityFilter) {
  return and(
    f.scope,
    f.status ? eq(publicities.status, f.status) : undefined,
    f.round ? eq(problems.roundId, f.round) : undefined,
    f.periodOver
      ? f.periodOver.is
        ? lt(publicities.endDate, f.periodOver.today)
        : gte(publicities.endDate, f.periodOver.today)
      : undefined,
  )
}

function reboundWhere(f: ReboundFilter) {
  return and(
    f.scope,
    f.status ? eq(reboundReviews.status, f.status) : undefined,
    f.dueBy ? lte(reboundReviews.dueDate, f.dueBy) : undefined,
    f.round ? eq(problems.roundId, f.round) : undefined,
  )
}
