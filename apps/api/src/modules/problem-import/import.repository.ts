import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { ProblemImportField } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import {
  extensions,
  importMappings,
  measures,
  milestones,
  problemUnits,
  problems,
  progressReports,
  rounds,
  units,
} from '../../db/schema/index.js'
import type { ExistingProblem } from './analyse.js'
import { leaderText } from './fields.js'

/** SQL of the problem-list import: the context it reads once, and the bulk writes. */
export const importRepository = {
  round(db: DbOrTx, id: string) {
    return db
      .select({
        id: rounds.id,
        planApprovedDate: rounds.planApprovedDate,
        feedbackDate: rounds.feedbackDate,
      })
      .from(rounds)
      .where(eq(rounds.id, id))
      .then((r) => r[0])
  },

  activeUnits(db: DbOrTx) {
    return db
      .select({
        id: units.id,
        code: units.code,
        name: units.name,
        kind: units.kind,
        parentId: units.parentId,
      })
      .from(units)
      .where(eq(units.active, true))
      .orderBy(asc(units.path))
  },

  async remembered(db: DbOrTx): Promise<Map<string, ProblemImportField | null>> {
    const rows = await db
      .select({ header: importMappings.header, field: importMappings.field })
      .from(importMappings)
      .where(eq(importMappings.kind, 'problem'))
    return new Map(rows.map((r) => [r.header, r.field as ProblemImportField | null]))
  },

  /** Remembers the caller's header → field choices for the next import. */
  async remember(db: DbOrTx, mapping: [string, string | null][]) {
    if (!mapping.length) return
    await db
      .insert(importMappings)
      .values(mapping.map(([header, field]) => ({ kind: 'problem', header, field })))
      .onConflictDoUpdate({
        target: [importMappings.kind, importMappings.header],
        set: { field: sql`excluded.field`, updatedAt: new Date() },
      })
  },

  /** The round's problems by code, as the import compares them (co-units, measure texts). */
  async existing(db: DbOrTx, roundId: string): Promise<Map<string, ExistingProblem>> {
    const rows = await db
      .select({
        id: problems.id,
        code: problems.code,
        status: problems.status,
        title: problems.title,
        description: problems.description,
        leadUnitId: problems.leadUnitId,
        leadLeader: problems.leadLeader,
        target: problems.target,
        deadline: problems.deadline,
        deadlineText: problems.deadlineText,
        mode: problems.mode,
        collectiveUnits: problems.collectiveUnits,
        // "problems"."id" written out: drizzle renders a column of the only table unqualified,
        // and a bare "id" inside the sub-select would be the measure's own id.
        coUnitIds: sql<
          string[]
        >`coalesce((select array_agg(pu.unit_id::text) from ${problemUnits} pu
          where pu.problem_id = "problems"."id" and pu.role = 'co'), '{}'::text[])`,
        measures: sql<
          string[]
        >`coalesce((select array_agg(m.content order by m.seq) from ${measures} m
          where m.problem_id = "problems"."id"), '{}'::text[])`,
      })
      .from(problems)
      .where(eq(problems.roundId, roundId))
    return new Map(
      rows.map((r) => [
        r.code,
        { ...r, leader: leaderText(r.leadLeader as { name: string; post: string } | null) },
      ]),
    )
  },

  /** Inserts in chunks (PostgreSQL takes at most 65,535 parameters per statement). */
  async insertMany<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
    for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size))
  },

  measuresOf(db: DbOrTx, problemId: string) {
    return db
      .select({ id: measures.id, seq: measures.seq })
      .from(measures)
      .where(eq(measures.problemId, problemId))
      .orderBy(asc(measures.seq))
  },

  /** Drops measures no report or extension names (their milestones first). */
  async dropMeasures(db: DbOrTx, ids: string[]) {
    if (!ids.length) return
    await db.delete(milestones).where(inArray(milestones.measureId, ids))
    await db
      .delete(measures)
      .where(
        and(
          inArray(measures.id, ids),
          sql`not exists (select 1 from ${progressReports} r where r.measure_id = ${measures.id})`,
          sql`not exists (select 1 from ${extensions} e where e.measure_id = ${measures.id})`,
        ),
      )
  },
}
