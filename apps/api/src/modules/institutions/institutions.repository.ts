import {
  and,
  arrayContains,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import { getTableColumns } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { files, institutionProblems, institutions, problems, units } from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'
import { queryTokens } from '../../lib/search.js'

const { searchTokens: _tokens, ...columns } = getTableColumns(institutions)
export type InstitutionRow = Omit<typeof institutions.$inferSelect, 'searchTokens'>
export type InstitutionChanges = Partial<typeof institutions.$inferInsert>

export interface InstitutionFilter {
  kind?: string | undefined
  /** Issued by the unit at this path or below it. */
  unitPath?: string | undefined
  problem?: string | undefined
  public?: boolean | undefined
  from?: string | undefined
  to?: string | undefined
  q?: string | undefined
  scope: SQL | undefined
}

function where(f: InstitutionFilter) {
  let text: SQL | undefined
  if (f.q) {
    // Bigrams narrow by the GIN index, the ILIKE makes the match exact.
    const pattern = `%${likeEscape(f.q)}%`
    const tokens = queryTokens(f.q)
    text = and(
      tokens.length ? arrayContains(institutions.searchTokens, tokens) : undefined,
      or(
        ilike(institutions.title, pattern),
        ilike(institutions.docNumber, pattern),
        ilike(institutions.summary, pattern),
      ),
    )
  }
  return and(
    f.scope,
    text,
    f.kind ? eq(institutions.kind, f.kind) : undefined,
    f.unitPath
      ? sql`exists (select 1 from ${units} fu where fu.id = ${institutions.issuingUnitId}
          and fu.path like ${`${likeEscape(f.unitPath)}%`})`
      : undefined,
    f.public !== undefined ? eq(institutions.public, f.public) : undefined,
    f.from ? sql`${institutions.issuedOn} >= ${f.from}` : undefined,
    f.to ? sql`${institutions.issuedOn} <= ${f.to}` : undefined,
    f.problem
      ? sql`exists (select 1 from ${institutionProblems} fp where fp.institution_id = ${institutions.id}
          and fp.problem_id = ${f.problem})`
      : undefined,
  )
}

/** Institutions (建章立制) and the problems they answer. SQL only. */
export const institutionsRepository = {
  insert(db: DbOrTx, values: typeof institutions.$inferInsert) {
    return db.insert(institutions).values(values)
  },

  findById(db: DbOrTx, id: string, scope: SQL | undefined) {
    return db
      .select(columns)
      .from(institutions)
      .where(and(eq(institutions.id, id), scope))
      .then((r) => r[0])
  },

  lockById(db: DbOrTx, id: string, scope: SQL | undefined) {
    return db
      .select(columns)
      .from(institutions)
      .where(and(eq(institutions.id, id), scope))
      .for('update')
      .then((r) => r[0])
  },

  /** Newest issued first: `limit` rows after the cursor (issued date, id). */
  list(db: DbOrTx, f: InstitutionFilter, limit: number, after: [string, string] | null) {
    return db
      .select(columns)
      .from(institutions)
      .where(
        and(
          where(f),
          after
            ? sql`(${institutions.issuedOn}, ${institutions.id}) < (${after[0]}::date, ${after[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(institutions.issuedOn), desc(institutions.id))
      .limit(limit)
  },

  count(db: DbOrTx, f: InstitutionFilter) {
    return db
      .select({ n: count() })
      .from(institutions)
      .where(where(f))
      .then((r) => r[0]?.n ?? 0)
  },

  /** Bumps the version with the change. */
  update(db: DbOrTx, id: string, set: InstitutionChanges) {
    return db
      .update(institutions)
      .set({ ...set, updatedAt: new Date(), version: sql`${institutions.version} + 1` })
      .where(eq(institutions.id, id))
  },

  async setProblems(db: DbOrTx, id: string, problemIds: readonly string[]) {
    await db.delete(institutionProblems).where(eq(institutionProblems.institutionId, id))
    if (problemIds.length)
      await db
        .insert(institutionProblems)
        .values(problemIds.map((problemId) => ({ institutionId: id, problemId })))
  },

  /** The linked problems of the institutions that `scope` lets through, with code and title. */
  problems(db: DbOrTx, ids: readonly string[], scope: SQL | undefined) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({
        institutionId: institutionProblems.institutionId,
        id: problems.id,
        code: problems.code,
        title: problems.title,
      })
      .from(institutionProblems)
      .innerJoin(problems, eq(problems.id, institutionProblems.problemId))
      .where(and(inArray(institutionProblems.institutionId, [...ids]), scope))
      .orderBy(asc(problems.codeKey))
  },

  /** The ids of the named problems that exist and `scope` lets through. */
  visibleProblems(db: DbOrTx, ids: readonly string[], scope: SQL | undefined) {
    if (!ids.length) return Promise.resolve([] as string[])
    return db
      .select({ id: problems.id })
      .from(problems)
      .where(and(inArray(problems.id, [...ids]), scope))
      .then((r) => r.map((x) => x.id))
  },

  files(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([] as (typeof files.$inferSelect)[])
    return db
      .select()
      .from(files)
      .where(and(eq(files.ownerType, 'institution'), inArray(files.ownerId, [...ids])))
      .orderBy(asc(files.id))
  },

  /** Public institutions, newest issued first, with the issuing unit's name (the board). */
  listPublic(db: DbOrTx, limit: number) {
    return db
      .select({ row: columns, unitName: units.name })
      .from(institutions)
      .innerJoin(units, eq(units.id, institutions.issuingUnitId))
      .where(eq(institutions.public, true))
      .orderBy(desc(institutions.issuedOn), desc(institutions.id))
      .limit(limit)
  },
}
