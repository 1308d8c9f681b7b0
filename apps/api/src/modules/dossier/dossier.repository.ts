import { and, asc, eq, getTableColumns, gt, inArray, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../../db/client.js'
import {
  acceptanceReviews,
  acceptances,
  auditLog,
  closeouts,
  files,
  measures,
  milestones,
  problemUnits,
  problems,
  progressReports,
  publicReports,
  publicities,
  reboundReviews,
  rounds,
  units,
  users,
} from '../../db/schema/index.js'

const { searchTokens: _tokens, ...problemFields } = getTableColumns(problems)
const leadUnit = alias(units, 'lead_unit')
const regionUnit = alias(units, 'region_unit')
const parent = alias(problems, 'parent')

export type DossierProblem = NonNullable<Awaited<ReturnType<typeof dossierRepository.problem>>>
export type DossierFile = typeof files.$inferSelect
export type DossierReport = Awaited<ReturnType<typeof dossierRepository.reportsPage>>[number]
export type DossierAuditRow = Awaited<ReturnType<typeof dossierRepository.auditPage>>[number]

/**
 * What the dossier (一案一档) reads, SQL only. Everything that can grow with a problem's life —
 * reports, files, audit entries — is read in keyset pages; the rest (plan, acceptance, publicity,
 * close-out, rebound reviews) is a handful of rows per problem.
 */
export const dossierRepository = {
  /** The problem with the names its page shows, if it exists and `scope` lets the actor see it. */
  problem(db: DbOrTx, id: string, scope: SQL | undefined) {
    return db
      .select({
        ...problemFields,
        roundName: rounds.name,
        leadUnitName: leadUnit.name,
        regionName: regionUnit.name,
        parentCode: parent.code,
        coUnitNames: sql<string[]>`coalesce((select array_agg(u.name order by u.name)
          from ${problemUnits} pu join ${units} u on u.id = pu.unit_id
          where pu.problem_id = ${problems.id} and pu.role = 'co'), '{}'::text[])`,
      })
      .from(problems)
      .innerJoin(rounds, eq(rounds.id, problems.roundId))
      .innerJoin(leadUnit, eq(leadUnit.id, problems.leadUnitId))
      .leftJoin(regionUnit, eq(regionUnit.id, problems.regionId))
      .leftJoin(parent, eq(parent.id, problems.parentId))
      .where(and(eq(problems.id, id), scope))
      .then((r) => r[0])
  },

  measures(db: DbOrTx, problemId: string) {
    return db
      .select({ ...getTableColumns(measures), unitName: units.name })
      .from(measures)
      .innerJoin(units, eq(units.id, measures.unitId))
      .where(eq(measures.problemId, problemId))
      .orderBy(asc(measures.seq))
  },

  milestones(db: DbOrTx, measureIds: string[]) {
    if (!measureIds.length) return Promise.resolve([] as (typeof milestones.$inferSelect)[])
    return db
      .select()
      .from(milestones)
      .where(inArray(milestones.measureId, measureIds))
      .orderBy(asc(milestones.measureId), asc(milestones.seq))
  },

  /** Up to `limit` reports after the report `afterId` (ids are UUIDv7: creation order). */
  reportsPage(db: DbOrTx, problemId: string, afterId: string | null, limit: number) {
    return db
      .select({
        ...getTableColumns(progressReports),
        unitName: units.name,
        measureSeq: measures.seq,
        reviewerName: users.displayName,
      })
      .from(progressReports)
      .innerJoin(units, eq(units.id, progressReports.unitId))
      .leftJoin(measures, eq(measures.id, progressReports.measureId))
      .leftJoin(users, eq(users.id, progressReports.reviewedBy))
      .where(
        and(
          eq(progressReports.problemId, problemId),
          afterId ? gt(progressReports.id, afterId) : undefined,
        ),
      )
      .orderBy(asc(progressReports.id))
      .limit(limit)
  },

  /** The evidence of the given records of one owner type. */
  filesOf(db: DbOrTx, problemId: string, ownerType: string, ownerIds: string[]) {
    if (!ownerIds.length) return Promise.resolve([] as DossierFile[])
    return db
      .select()
      .from(files)
      .where(
        and(
          eq(files.problemId, problemId),
          eq(files.ownerType, ownerType),
          inArray(files.ownerId, ownerIds),
        ),
      )
      .orderBy(asc(files.id))
  },

  /** Up to `limit` evidence files of the problem, of the given owner types, after `afterId`. */
  filesPage(
    db: DbOrTx,
    problemId: string,
    ownerTypes: readonly string[],
    afterId: string | null,
    limit: number,
  ) {
    return db
      .select()
      .from(files)
      .where(
        and(
          eq(files.problemId, problemId),
          inArray(files.ownerType, [...ownerTypes]),
          afterId ? gt(files.id, afterId) : undefined,
        ),
      )
      .orderBy(asc(files.id))
      .limit(limit)
  },

  acceptances(db: DbOrTx, problemId: string) {
    return db
      .select({ ...getTableColumns(acceptances), appliedUnitName: units.name })
      .from(acceptances)
      .leftJoin(units, eq(units.id, acceptances.appliedUnitId))
      .where(eq(acceptances.problemId, problemId))
      .orderBy(asc(acceptances.seq))
  },

  acceptanceReviews(db: DbOrTx, problemId: string) {
    const { snapshot: _snapshot, ...fields } = getTableColumns(acceptanceReviews)
    return db
      .select({ ...fields, reviewerUnitName: units.name })
      .from(acceptanceReviews)
      .leftJoin(units, eq(units.id, acceptanceReviews.reviewerUnitId))
      .where(eq(acceptanceReviews.problemId, problemId))
      .orderBy(asc(acceptanceReviews.acceptanceId), asc(acceptanceReviews.level))
  },

  publicities(db: DbOrTx, problemId: string) {
    return db
      .select()
      .from(publicities)
      .where(eq(publicities.problemId, problemId))
      .orderBy(asc(publicities.createdAt))
  },

  /**
   * Objections: public reports filed against one of the problem's publicity notices. The
   * reporter's name and contact are for the office alone and are never selected here.
   */
  objections(db: DbOrTx, publicityIds: string[]) {
    if (!publicityIds.length) return Promise.resolve([])
    return db
      .select({
        id: publicReports.id,
        publicityId: publicReports.publicityId,
        reporterType: publicReports.reporterType,
        content: publicReports.content,
        ruling: publicReports.ruling,
        rulingReason: publicReports.rulingReason,
        ruledAt: publicReports.ruledAt,
        createdAt: publicReports.createdAt,
      })
      .from(publicReports)
      .where(inArray(publicReports.publicityId, publicityIds))
      .orderBy(asc(publicReports.createdAt), asc(publicReports.id))
  },

  closeouts(db: DbOrTx, problemId: string) {
    return db
      .select()
      .from(closeouts)
      .where(eq(closeouts.problemId, problemId))
      .orderBy(asc(closeouts.createdAt))
  },

  reboundReviews(db: DbOrTx, problemId: string) {
    return db
      .select()
      .from(reboundReviews)
      .where(eq(reboundReviews.problemId, problemId))
      .orderBy(asc(reboundReviews.dueDate), asc(reboundReviews.months))
  },

  /**
   * Up to `limit` audit entries of the problem after `afterSeq`: the timeline's selection
   * (overview.repository.ts), every entry of it, in keyset pages.
   */
  auditPage(db: DbOrTx, problemId: string, afterSeq: bigint, limit: number) {
    return db
      .select({
        seq: auditLog.seq,
        at: auditLog.at,
        actorType: auditLog.actorType,
        actorId: auditLog.actorId,
        actorName: auditLog.actorName,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        prevHash: auditLog.prevHash,
        hash: auditLog.hash,
      })
      .from(auditLog)
      .where(
        and(
          or(
            and(eq(auditLog.entityType, 'problem'), eq(auditLog.entityId, problemId)),
            sql`(${auditLog.after} ->> 'problemId') = ${problemId}`,
          ),
          gt(auditLog.seq, afterSeq),
        ),
      )
      .orderBy(asc(auditLog.seq))
      .limit(limit)
  },
}
