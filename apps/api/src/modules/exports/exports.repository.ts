import { aliasedTable, and, asc, count, eq, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { measures, problems, progressReports, units } from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'

const lead = aliasedTable(units, 'lead_unit')
const owner = aliasedTable(units, 'owner_unit')

/** Where a keyset batch of problem-ordered rows resumes: (problem code key, problem id, row id). */
export type ProblemKey = [codeKey: string, problemId: string, id: string]

/**
 * The rows the exports stream, read in keyset batches ordered by problem code so the sheet reads
 * like the ledger; never all at once. SQL only: the service passes the scope conditions.
 */
export const exportsRepository = {
  /** Measures of the problems in `where` (problem scope and filters), after `after`. */
  measures(db: DbOrTx, where: SQL | undefined, limit: number, after: ProblemKey | null) {
    return db
      .select({
        problemId: problems.id,
        code: problems.code,
        codeKey: problems.codeKey,
        title: problems.title,
        leadUnitName: lead.name,
        id: measures.id,
        seq: measures.seq,
        content: measures.content,
        unitName: owner.name,
        personName: measures.personName,
        startDate: measures.startDate,
        deadline: measures.deadline,
        status: measures.status,
        percent: measures.percent,
        doneDate: measures.doneDate,
      })
      .from(measures)
      .innerJoin(problems, eq(problems.id, measures.problemId))
      .innerJoin(lead, eq(lead.id, problems.leadUnitId))
      .innerJoin(owner, eq(owner.id, measures.unitId))
      .where(
        and(
          where,
          after
            ? sql`(${problems.codeKey}, ${problems.id}, ${measures.id}) > (${after[0]}, ${after[1]}::uuid, ${after[2]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(problems.codeKey), asc(problems.id), asc(measures.id))
      .limit(limit)
  },

  countMeasures(db: DbOrTx, where: SQL | undefined) {
    return db
      .select({ n: count() })
      .from(measures)
      .innerJoin(problems, eq(problems.id, measures.problemId))
      .where(where)
      .then((r) => r[0]?.n ?? 0)
  },

  /** Progress reports of the problems in `where` (with the period and unit filters), after `after`. */
  reports(db: DbOrTx, where: SQL | undefined, limit: number, after: ProblemKey | null) {
    return db
      .select({
        problemId: problems.id,
        code: problems.code,
        codeKey: problems.codeKey,
        title: problems.title,
        leadUnitName: lead.name,
        id: progressReports.id,
        unitName: owner.name,
        period: progressReports.period,
        done: progressReports.done,
        percent: progressReports.percent,
        issues: progressReports.issues,
        nextSteps: progressReports.nextSteps,
        status: progressReports.status,
        rating: progressReports.rating,
        reviewNote: progressReports.reviewNote,
        submittedByName: progressReports.submittedByName,
        createdAt: progressReports.createdAt,
      })
      .from(progressReports)
      .innerJoin(problems, eq(problems.id, progressReports.problemId))
      .innerJoin(lead, eq(lead.id, problems.leadUnitId))
      .innerJoin(owner, eq(owner.id, progressReports.unitId))
      .where(
        and(
          where,
          after
            ? sql`(${problems.codeKey}, ${problems.id}, ${progressReports.id}) > (${after[0]}, ${after[1]}::uuid, ${after[2]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(problems.codeKey), asc(problems.id), asc(progressReports.id))
      .limit(limit)
  },

  countReports(db: DbOrTx, where: SQL | undefined) {
    return db
      .select({ n: count() })
      .from(progressReports)
      .innerJoin(problems, eq(problems.id, progressReports.problemId))
      .innerJoin(owner, eq(owner.id, progressReports.unitId))
      .where(where)
      .then((r) => r[0]?.n ?? 0)
  },

  /** The reporting unit's subtree (the report list's `unit` filter). */
  reportUnitUnder(path: string): SQL {
    return sql`${owner.path} like ${`${likeEscape(path)}%`}`
  },
}
