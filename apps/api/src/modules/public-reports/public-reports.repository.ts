import {
  and,
  arrayContains,
  count,
  desc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  isNull,
  sql,
} from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { files, problems, publicReports, publicities } from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'
import { queryTokens } from '../../lib/search.js'

/** A report as read back (never its search tokens). */
export type PublicReportRow = Omit<typeof publicReports.$inferSelect, 'searchTokens'>
export type PublicReportChanges = Partial<typeof publicReports.$inferInsert>

export interface PublicReportFilter {
  status?: string | undefined
  ruling?: string | undefined
  problem?: string | undefined
  q?: string | undefined
}

/** Exact created_at as text: a cursor needs all six digits of the microseconds. */
const createdKey = sql<string>`to_char(${publicReports.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

function where(f: PublicReportFilter) {
  return and(
    f.status ? eq(publicReports.status, f.status) : undefined,
    f.ruling ? eq(publicReports.ruling, f.ruling) : undefined,
    f.problem ? eq(publicReports.problemId, f.problem) : undefined,
    f.q
      ? and(
          queryTokens(f.q).length
            ? arrayContains(publicReports.searchTokens, queryTokens(f.q))
            : undefined,
          ilike(publicReports.content, `%${likeEscape(f.q)}%`),
        )
      : undefined,
  )
}

const { searchTokens: _tokens, ...columns } = getTableColumns(publicReports)

/** Public reports, the photos that came with them, and the facts of problems they name. */
export const publicReportsRepository = {
  /** A hotline's report by its own ticket number. */
  findByTicket(db: DbOrTx, clientId: string, externalId: string) {
    return db
      .select({
        trackingCode: publicReports.trackingCode,
        externalId: publicReports.externalId,
        createdAt: publicReports.createdAt,
      })
      .from(publicReports)
      .where(and(eq(publicReports.clientId, clientId), eq(publicReports.externalId, externalId)))
      .then((r) => r[0])
  },

  insert(db: DbOrTx, values: typeof publicReports.$inferInsert) {
    return db.insert(publicReports).values(values)
  },

  saltUsed(db: DbOrTx, salt: string) {
    return db
      .select({ id: publicReports.id })
      .from(publicReports)
      .where(eq(publicReports.challengeSalt, salt))
      .then((r) => r.length > 0)
  },

  findById(db: DbOrTx, id: string) {
    return db
      .select({ ...columns })
      .from(publicReports)
      .where(eq(publicReports.id, id))
      .then((r) => r[0])
  },

  lockById(db: DbOrTx, id: string) {
    return db
      .select({ ...columns })
      .from(publicReports)
      .where(eq(publicReports.id, id))
      .for('update')
      .then((r) => r[0])
  },

  findByCode(db: DbOrTx, code: string) {
    return db
      .select({ ...columns })
      .from(publicReports)
      .where(eq(publicReports.trackingCode, code))
      .then((r) => r[0])
  },

  /** Newest first: `limit` rows after the cursor (created_at text, id). */
  list(db: DbOrTx, f: PublicReportFilter, limit: number, after: [string, string] | null) {
    return db
      .select({ ...columns, createdKey })
      .from(publicReports)
      .where(
        and(
          where(f),
          after
            ? sql`(${publicReports.createdAt}, ${publicReports.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(publicReports.createdAt), desc(publicReports.id))
      .limit(limit)
  },

  count(db: DbOrTx, f: PublicReportFilter) {
    return db
      .select({ n: count() })
      .from(publicReports)
      .where(where(f))
      .then((r) => r[0]?.n ?? 0)
  },

  /** Updates the report; bumps its version. */
  update(db: DbOrTx, id: string, set: PublicReportChanges) {
    return db
      .update(publicReports)
      .set({ ...set, version: sql`${publicReports.version} + 1` })
      .where(eq(publicReports.id, id))
  },

  /** The given files, locked, if uploaded on the public board (no uploader) and not attached yet. */
  lockPublicUploads(db: DbOrTx, ids: string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({ id: files.id })
      .from(files)
      .where(and(inArray(files.id, ids), isNull(files.uploadedBy), isNull(files.ownerType)))
      .for('update')
  },

  /** Code, title, status and published flag of the named problems. */
  problems(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({
        id: problems.id,
        code: problems.code,
        title: problems.title,
        status: problems.status,
        public: problems.public,
      })
      .from(problems)
      .where(inArray(problems.id, [...ids]))
  },

  /** The open close-out notice of a problem, with its period, if any. */
  openPublicity(db: DbOrTx, problemId: string) {
    return db
      .select({
        id: publicities.id,
        startDate: publicities.startDate,
        endDate: publicities.endDate,
      })
      .from(publicities)
      .where(and(eq(publicities.problemId, problemId), eq(publicities.status, 'open')))
      .then((r) => r[0] ?? null)
  },
}
