import type { ProgressImportField } from '@rectify/schemas'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { importMappings, problems, progressReports, units } from '../../db/schema/index.js'

/** A problem of the round as the import matches and reports on it. */
export interface RoundProblem {
  id: string
  code: string
  title: string
  status: string
  reportedProgress: number
  leadUnitId: string
}

/** A problem a row's text resembles, with the similarity (0–1). */
export interface TitleCandidate {
  id: string
  score: number
}

/** Similarity at or above which a problem is offered for a row (its title or description). */
export const CANDIDATE_SIMILARITY = 0.25
/** Candidates kept per row, best first. */
export const MAX_CANDIDATES = 3
/** Characters of a row's problem cell compared (a cell may hold the whole feedback text). */
const PROBE_CHARS = 300

/** SQL of the progress-table import: the round's problems and units, matches, earlier reports. */
export const progressImportRepository = {
  roundProblems(db: DbOrTx, roundId: string): Promise<RoundProblem[]> {
    return db
      .select({
        id: problems.id,
        code: problems.code,
        title: problems.title,
        status: problems.status,
        reportedProgress: problems.reportedProgress,
        leadUnitId: problems.leadUnitId,
      })
      .from(problems)
      .where(eq(problems.roundId, roundId))
      .orderBy(asc(problems.code))
  },

  activeUnits(db: DbOrTx) {
    return db
      .select({ id: units.id, code: units.code, name: units.name, path: units.path })
      .from(units)
      .where(eq(units.active, true))
      .orderBy(asc(units.path))
  },

  /**
   * The round's problems each text resembles, set-based in one statement: pg_trgm's similarity
   * of the whole title, its word similarity (the title found inside a longer cell, as when the
   * cell holds the feedback text) and the similarity of the description, the best of the three;
   * at least CANDIDATE_SIMILARITY, MAX_CANDIDATES per text, best first.
   */
  async titleCandidates(
    db: DbOrTx,
    roundId: string,
    texts: readonly string[],
  ): Promise<TitleCandidate[][]> {
    const out: TitleCandidate[][] = texts.map(() => [])
    if (!texts.some(Boolean)) return out
    const input = JSON.stringify(texts.map((t, i) => ({ i, t: t.slice(0, PROBE_CHARS) })))
    const result = await db.execute(sql`
      with probe as (
        select (x->>'i')::int as i, x->>'t' as t
        from jsonb_array_elements(${input}::jsonb) as x where x->>'t' <> ''
      )
      select i, id, score from (
        select pr.i, p.id, s.score,
               row_number() over (partition by pr.i order by s.score desc, p.code) as rank
        from probe pr
        join ${problems} p on p.round_id = ${roundId}
        cross join lateral (
          select greatest(similarity(p.title, pr.t), word_similarity(p.title, pr.t),
                          similarity(left(p.description, ${PROBE_CHARS}), pr.t))::float8 as score
        ) s
        where s.score >= ${CANDIDATE_SIMILARITY}
      ) ranked
      where rank <= ${MAX_CANDIDATES}
      order by i, rank`)
    const rows = ((result as { rows?: unknown[] }).rows ?? result) as {
      i: number
      id: string
      score: number
    }[]
    for (const r of rows)
      out[Number(r.i)]?.push({ id: r.id, score: Math.round(Number(r.score) * 100) / 100 })
    return out
  },

  /** `problemId:unitId` of the period's reports that count as reported (submitted or accepted). */
  async reported(db: DbOrTx, period: string, problemIds: readonly string[]): Promise<Set<string>> {
    if (!problemIds.length) return new Set()
    const rows = await db
      .select({ problemId: progressReports.problemId, unitId: progressReports.unitId })
      .from(progressReports)
      .where(
        and(
          eq(progressReports.period, period),
          inArray(progressReports.problemId, [...new Set(problemIds)]),
          inArray(progressReports.status, ['submitted', 'accepted']),
        ),
      )
    return new Set(rows.map((r) => `${r.problemId}:${r.unitId}`))
  },

  async remembered(db: DbOrTx): Promise<Map<string, ProgressImportField | null>> {
    const rows = await db
      .select({ header: importMappings.header, field: importMappings.field })
      .from(importMappings)
      .where(eq(importMappings.kind, 'progress'))
    return new Map(rows.map((r) => [r.header, r.field as ProgressImportField | null]))
  },

  /** Remembers the caller's header → field choices for the next progress import. */
  async remember(db: DbOrTx, mapping: [string, string | null][]) {
    if (!mapping.length) return
    await db
      .insert(importMappings)
      .values(mapping.map(([header, field]) => ({ kind: 'progress', header, field })))
      .onConflictDoUpdate({
        target: [importMappings.kind, importMappings.header],
        set: { field: sql`excluded.field`, updatedAt: new Date() },
      })
  },
}
