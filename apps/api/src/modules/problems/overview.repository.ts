import { and, asc, count, desc, eq, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { auditLog, problems, progressReports, units } from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'
import { ledByUnitTree, overdueSql } from './problems.filter.js'
import { actorDisplayName, actorUnitName } from '../../lib/actor-display.js'

/** The most entries a timeline answers with (a problem's life is far shorter). */
export const TIMELINE_LIMIT = 1000

/** Read models over the ledger: the summary sentence, a unit's work list, a problem's timeline. */
export const overviewRepository = {
  /** Counts by status, light and overdue (a handful of rows, whatever the size of the ledger). */
  summary(
    db: DbOrTx,
    scope: SQL | undefined,
    round: string | undefined,
    unitPath: string | null | undefined,
    today: string,
  ) {
    return db
      .select({
        status: problems.status,
        light: problems.light,
        overdue: sql<boolean>`${overdueSql(today)}`,
        outcome: problems.outcome,
        rebound: problems.rebound,
        n: count(),
      })
      .from(problems)
      .where(
        and(
          scope,
          round ? eq(problems.roundId, round) : undefined,
          unitPath !== undefined ? ledByUnitTree(unitPath) : undefined,
        ),
      )
      .groupBy(sql`1, 2, 3, 4, 5`)
  },

  /** Problems in progress with no live report (submitted or accepted) from `unitId` for `period`. */
  reportsDueCondition(unitId: string, period: string): SQL {
    return and(
      eq(problems.status, 'in_progress'),
      sql`not exists (select 1 from ${progressReports} r where r.problem_id = ${problems.id}
        and r.unit_id = ${unitId} and r.period = ${period} and r.status <> 'returned')`,
    )!
  },

  /** Problems whose lead unit lies in the subtree at `path`. */
  ledByPath(path: string): SQL {
    return sql`${problems.leadUnitId} in (select u.id from ${units} u where u.path like ${`${likeEscape(path)}%`})`
  },

  /** The unit's returned reports not yet followed by a newer report on the same problem, measure and period. */
  returnedReports(db: DbOrTx, unitId: string, limit: number) {
    return db
      .select({
        id: progressReports.id,
        problemId: progressReports.problemId,
        reason: progressReports.reviewNote,
      })
      .from(progressReports)
      .where(
        and(
          eq(progressReports.unitId, unitId),
          eq(progressReports.status, 'returned'),
          sql`not exists (select 1 from ${progressReports} n where n.problem_id = ${progressReports.problemId}
            and n.unit_id = ${progressReports.unitId} and n.period = ${progressReports.period}
            and n.measure_id is not distinct from ${progressReports.measureId} and n.created_at > ${progressReports.createdAt})`,
        ),
      )
      .orderBy(desc(progressReports.createdAt))
      .limit(limit)
  },

  /**
   * Audit entries of a problem and of everything hanging off it: the problem's own entries, and
   * those of child entities (measures, milestones, reports, extensions, files), which record
   * `problemId` in `after` (indexed by audit_log_problem_idx).
   */
  timeline(db: DbOrTx, problemId: string) {
    return db
      .select({
        at: auditLog.at,
        action: auditLog.action,
        actorName: auditLog.actorName,
        actorDisplayName,
        actorUnitName,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        after: auditLog.after,
      })
      .from(auditLog)
      .where(
        or(
          and(eq(auditLog.entityType, 'problem'), eq(auditLog.entityId, problemId)),
          sql`(${auditLog.after} ->> 'problemId') = ${problemId}`,
        ),
      )
      .orderBy(asc(auditLog.seq))
      .limit(TIMELINE_LIMIT)
  },
}
