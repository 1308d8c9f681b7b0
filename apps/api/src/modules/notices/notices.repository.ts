import { and, asc, count, desc, eq, gte, inArray, lt, max, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  noticeProblems,
  notices,
  problemUnits,
  problems,
  units,
  users,
} from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'

export type NoticeRow = typeof notices.$inferSelect

/** The first key of the advisory lock that serialises numbering (the second is the year). */
const NUMBERING_LOCK = 0x6e6f7469 // "noti"

export interface NoticeFilter {
  /** unitTreeFilter over the addressed unit's path. */
  scope?: SQL | undefined
  status?: string | undefined
  level?: string | undefined
  /** Path of a unit: notices addressed to it or its subtree. */
  unitPath?: string | undefined
  /** Today (Asia/Shanghai): true keeps the overdue, false the rest. */
  overdue?: { today: string; value: boolean } | undefined
  problem?: string | undefined
  year?: number | undefined
  /** Changed at or after (RFC 3339). */
  updatedSince?: string | undefined
}

/** Still waiting for a reply after its reply date. */
export function overdueSql(today: string): SQL {
  return sql`(${notices.status} = 'issued' and ${notices.replyDue} < ${today})`
}

function where(f: NoticeFilter): SQL | undefined {
  return and(
    f.scope,
    f.status ? eq(notices.status, f.status) : undefined,
    f.level ? eq(notices.level, f.level) : undefined,
    f.unitPath ? sql`${units.path} like ${`${likeEscape(f.unitPath)}%`}` : undefined,
    f.overdue
      ? f.overdue.value
        ? overdueSql(f.overdue.today)
        : sql`not ${overdueSql(f.overdue.today)}`
      : undefined,
    f.problem
      ? sql`exists (select 1 from ${noticeProblems} np where np.notice_id = ${notices.id} and np.problem_id = ${f.problem})`
      : undefined,
    f.year ? eq(notices.year, f.year) : undefined,
    f.updatedSince ? gte(notices.updatedAt, new Date(f.updatedSince)) : undefined,
  )
}

/** Supervision notices (督办单) and the problems they name. SQL only. */
export const noticesRepository = {
  /**
   * Serialises numbering for `year` until the transaction ends, so two issuers never compute
   * the same sequence number (the unique key would turn that into a 409).
   */
  async lockYear(tx: DbOrTx, year: number) {
    await tx.execute(sql`select pg_advisory_xact_lock(${NUMBERING_LOCK}, ${year})`)
  },

  maxSeq(db: DbOrTx, year: number) {
    return db
      .select({ m: max(notices.seq) })
      .from(notices)
      .where(eq(notices.year, year))
      .then((r) => r[0]?.m ?? 0)
  },

  async insert(db: DbOrTx, values: typeof notices.$inferInsert, problemIds: string[]) {
    await db.insert(notices).values(values)
    await db
      .insert(noticeProblems)
      .values(problemIds.map((problemId) => ({ noticeId: values.id, problemId })))
  },

  /** The notice with its addressee's path, if `scope` lets the caller see it. */
  findVisible(db: DbOrTx, id: string, scope: SQL | undefined) {
    return db
      .select({ notice: notices, unitPath: units.path })
      .from(notices)
      .innerJoin(units, eq(units.id, notices.unitId))
      .where(and(eq(notices.id, id), scope))
      .then((r) => r[0])
  },

  lockById(db: DbOrTx, id: string) {
    return db
      .select()
      .from(notices)
      .where(eq(notices.id, id))
      .for('update')
      .then((r) => r[0])
  },

  /** Applies `patch` and bumps the version. */
  update(db: DbOrTx, id: string, patch: Partial<typeof notices.$inferInsert>) {
    return db
      .update(notices)
      .set({ ...patch, updatedAt: new Date(), version: sql`${notices.version} + 1` })
      .where(eq(notices.id, id))
  },

  /** Newest first (ids are UUIDv7), `limit` rows after the cursor id. */
  list(db: DbOrTx, f: NoticeFilter, limit: number, after: string | null) {
    return db
      .select({ notice: notices })
      .from(notices)
      .innerJoin(units, eq(units.id, notices.unitId))
      .where(and(where(f), after ? lt(notices.id, after) : undefined))
      .orderBy(desc(notices.id))
      .limit(limit)
      .then((r) => r.map((x) => x.notice))
  },

  /** The number of notices matching, and how many of them are overdue on `today`. */
  count(db: DbOrTx, f: NoticeFilter, today: string) {
    return db
      .select({
        total: count(),
        overdue: sql<number>`count(*) filter (where ${overdueSql(today)})`.mapWith(Number),
      })
      .from(notices)
      .innerJoin(units, eq(units.id, notices.unitId))
      .where(where(f))
      .then((r) => r[0] ?? { total: 0, overdue: 0 })
  },

  /** The name of the unit of the person who issued a notice (the issuing body). */
  issuerUnitName(db: DbOrTx, userId: string) {
    return db
      .select({ name: units.name })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(users.id, userId))
      .then((r) => r[0]?.name)
  },

  /** Of `ids`, the problems some unit of `unitPath`'s subtree is concerned with (lead, co, region, measure). */
  concerning(db: DbOrTx, ids: string[], unitPath: string, scope: SQL | undefined) {
    return db
      .select({ id: problems.id })
      .from(problems)
      .where(
        and(
          inArray(problems.id, ids),
          scope,
          sql`exists (select 1 from ${problemUnits} pu join ${units} u on u.id = pu.unit_id
            where pu.problem_id = ${problems.id} and u.path like ${`${likeEscape(unitPath)}%`})`,
        ),
      )
      .then((r) => r.map((x) => x.id))
  },

  problemIdsOf(db: DbOrTx, noticeId: string) {
    return db
      .select({ id: noticeProblems.problemId })
      .from(noticeProblems)
      .where(eq(noticeProblems.noticeId, noticeId))
      .then((r) => r.map((x) => x.id))
  },

  /** The problems of many notices, by code. */
  problemsOf(db: DbOrTx, noticeIds: string[]) {
    if (!noticeIds.length) return Promise.resolve([])
    return db
      .select({
        noticeId: noticeProblems.noticeId,
        id: problems.id,
        code: problems.code,
        title: problems.title,
        status: problems.status,
      })
      .from(noticeProblems)
      .innerJoin(problems, eq(problems.id, noticeProblems.problemId))
      .where(inArray(noticeProblems.noticeId, noticeIds))
      .orderBy(asc(problems.codeKey), asc(problems.id))
  },

  /** Notices by id, or whose parent is one of `parentIds` (the chain's neighbours). */
  neighbours(db: DbOrTx, ids: string[], parentIds: string[]) {
    if (!ids.length && !parentIds.length) return Promise.resolve([])
    return db
      .select()
      .from(notices)
      .where(
        or(
          ids.length ? inArray(notices.id, ids) : undefined,
          parentIds.length ? inArray(notices.parentId, parentIds) : undefined,
        ),
      )
  },

  /** The whole escalation chain `row` belongs to, first first (at most one notice per level). */
  async chain(db: DbOrTx, row: NoticeRow): Promise<NoticeRow[]> {
    const chain = [row]
    for (let n = row; n.parentId && chain.length < 8;) {
      const [p] = await db.select().from(notices).where(eq(notices.id, n.parentId))
      if (!p) break
      chain.unshift((n = p))
    }
    for (let n = row; chain.length < 8;) {
      const [c] = await db.select().from(notices).where(eq(notices.parentId, n.id))
      if (!c) break
      chain.push((n = c))
    }
    return chain
  },

  /**
   * The notices naming a problem that `scope` lets the caller see, oldest first, with the
   * addressee's name (the dossier's 督办情况).
   */
  ofProblem(db: DbOrTx, problemId: string, scope: SQL | undefined) {
    return db
      .select({ notice: notices, unitName: units.name })
      .from(notices)
      .innerJoin(noticeProblems, eq(noticeProblems.noticeId, notices.id))
      .innerJoin(units, eq(units.id, notices.unitId))
      .where(and(eq(noticeProblems.problemId, problemId), scope))
      .orderBy(notices.year, notices.seq)
  },

  /** True when the notice exists and is addressed within `scope` (files read like their notice). */
  visible(db: DbOrTx, id: string, scope: SQL | undefined) {
    return db
      .select({ id: notices.id })
      .from(notices)
      .innerJoin(units, eq(units.id, notices.unitId))
      .where(and(eq(notices.id, id), scope))
      .then((r) => r.length > 0)
  },
}
