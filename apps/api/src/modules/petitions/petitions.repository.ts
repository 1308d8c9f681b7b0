import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  getTableColumns,
  gte,
  ilike,
  inArray,
  isNull,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  closeouts,
  files,
  petitionAppearances,
  petitionBatches,
  petitions,
  problems,
  rounds,
  units,
} from '../../db/schema/index.js'
import { likeEscape } from '../../lib/http.js'
import { queryTokens } from '../../lib/search.js'

export type PetitionRow = typeof petitions.$inferSelect
export type PetitionChanges = Partial<typeof petitions.$inferInsert>
export type BatchRow = typeof petitionBatches.$inferSelect

/**
 * Every column of a case but the complainant's: lists, details, exports and the public board
 * select these, so the name and contact are never even read outside the complainant route.
 */
const {
  complainantName: _n,
  complainantContact: _c,
  complainantNameIndex: _ni,
  complainantContactIndex: _ci,
  searchTokens: _t,
  ...caseColumns
} = getTableColumns(petitions)
export type CaseRow = Omit<
  PetitionRow,
  | 'complainantName'
  | 'complainantContact'
  | 'complainantNameIndex'
  | 'complainantContactIndex'
  | 'searchTokens'
>

export interface PetitionFilter {
  scope: SQL | undefined
  batch?: string | undefined
  status?: string | undefined
  finding?: string | undefined
  domain?: string | undefined
  unitPath?: string | undefined
  regionPath?: string | undefined
  keyCase?: boolean | undefined
  overdue?: boolean | undefined
  problem?: string | undefined
  q?: string | undefined
  /** Changed at or after (RFC 3339). */
  updatedSince?: string | undefined
  today: string
}

/** Cases that appear in the batch (first handed over there, or again). */
export const inBatch = (batchId: string) =>
  sql`exists (select 1 from ${petitionAppearances} pa where pa.petition_id = ${petitions.id} and pa.batch_id = ${batchId})`

/** Overdue is derived: still being handled past its deadline. */
const overdueSql = (today: string) =>
  sql`(${petitions.status} = 'handling' and ${petitions.deadline} < ${today}::date)`

function where(f: PetitionFilter) {
  const tokens = f.q ? queryTokens(f.q) : []
  return and(
    f.scope,
    f.batch ? inBatch(f.batch) : undefined,
    f.status ? eq(petitions.status, f.status) : undefined,
    f.finding ? eq(petitions.finding, f.finding) : undefined,
    f.domain ? sql`${f.domain} = any(${petitions.domains})` : undefined,
    f.unitPath
      ? sql`exists (select 1 from ${units} hu where hu.id = ${petitions.handlingUnitId}
          and hu.path like ${`${likeEscape(f.unitPath)}%`})`
      : undefined,
    f.regionPath
      ? sql`exists (select 1 from ${units} ru where ru.id = any(${petitions.regionIds})
          and ru.path like ${`${likeEscape(f.regionPath)}%`})`
      : undefined,
    f.keyCase === undefined ? undefined : eq(petitions.keyCase, f.keyCase),
    f.overdue === undefined
      ? undefined
      : f.overdue
        ? overdueSql(f.today)
        : sql`not ${overdueSql(f.today)}`,
    f.problem ? eq(petitions.problemId, f.problem) : undefined,
    f.updatedSince ? gte(petitions.updatedAt, new Date(f.updatedSince)) : undefined,
    tokens.length ? arrayContains(petitions.searchTokens, tokens) : undefined,
    f.q
      ? or(
          ilike(petitions.receiptNo, `%${likeEscape(f.q)}%`),
          ilike(petitions.reportedParty, `%${likeEscape(f.q)}%`),
          ilike(petitions.address, `%${likeEscape(f.q)}%`),
          ilike(petitions.complaint, `%${likeEscape(f.q)}%`),
        )
      : undefined,
  )
}

/** Petition batches, cases and their appearances. SQL only. */
export const petitionsRepository = {
  caseColumns,

  // ── Batches

  insertBatch(db: DbOrTx, values: typeof petitionBatches.$inferInsert) {
    return db.insert(petitionBatches).values(values)
  },

  findBatch(db: DbOrTx, id: string) {
    return db
      .select()
      .from(petitionBatches)
      .where(eq(petitionBatches.id, id))
      .then((r) => r[0])
  },

  lockBatch(db: DbOrTx, id: string) {
    return db
      .select()
      .from(petitionBatches)
      .where(eq(petitionBatches.id, id))
      .for('update')
      .then((r) => r[0])
  },

  batchSeqTaken(db: DbOrTx, roundId: string, seq: number) {
    return db
      .select({ id: petitionBatches.id })
      .from(petitionBatches)
      .where(and(eq(petitionBatches.roundId, roundId), eq(petitionBatches.seq, seq)))
      .then((r) => r.length > 0)
  },

  updateBatch(db: DbOrTx, id: string, set: Partial<typeof petitionBatches.$inferInsert>) {
    return db
      .update(petitionBatches)
      .set({ ...set, version: sql`${petitionBatches.version} + 1` })
      .where(eq(petitionBatches.id, id))
  },

  /** True when the batch holds a case the scope lets through (a unit sees only such batches). */
  batchVisible(db: DbOrTx, id: string, scope: SQL | undefined) {
    if (!scope) return Promise.resolve(true)
    return db
      .select({ id: petitions.id })
      .from(petitions)
      .where(and(inBatch(id), scope))
      .limit(1)
      .then((r) => r.length > 0)
  },

  /** Latest handover first; `limit` rows after the cursor (handed on, id). */
  listBatches(
    db: DbOrTx,
    f: { scope: SQL | undefined; round?: string | undefined; published?: boolean | undefined },
    limit: number | null,
    after: [string, string] | null,
  ) {
    const q = db
      .select()
      .from(petitionBatches)
      .where(
        and(
          batchWhere(f),
          after
            ? sql`(${petitionBatches.handedOn}, ${petitionBatches.id}) < (${after[0]}::date, ${after[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(petitionBatches.handedOn), desc(petitionBatches.id))
    return limit === null ? q : q.limit(limit)
  },

  countBatches(
    db: DbOrTx,
    f: { scope: SQL | undefined; round?: string | undefined; published?: boolean | undefined },
  ) {
    return db
      .select({ n: sql<number>`count(*)::int` })
      .from(petitionBatches)
      .where(batchWhere(f))
      .then((r) => r[0]?.n ?? 0)
  },

  /** Cases per (batch, status) within the scope. */
  batchCounts(db: DbOrTx, batchIds: readonly string[], scope: SQL | undefined) {
    if (!batchIds.length) return Promise.resolve([])
    return db
      .select({
        batchId: petitionAppearances.batchId,
        status: petitions.status,
        n: sql<number>`count(*)::int`,
      })
      .from(petitionAppearances)
      .innerJoin(petitions, eq(petitions.id, petitionAppearances.petitionId))
      .where(and(inArray(petitionAppearances.batchId, [...batchIds]), scope))
      .groupBy(petitionAppearances.batchId, petitions.status)
  },

  roundName(db: DbOrTx, id: string) {
    return db
      .select({ name: rounds.name })
      .from(rounds)
      .where(eq(rounds.id, id))
      .then((r) => r[0]?.name ?? null)
  },

  // ── Cases

  insert(db: DbOrTx, values: typeof petitions.$inferInsert) {
    return db.insert(petitions).values(values)
  },

  insertAppearance(db: DbOrTx, values: typeof petitionAppearances.$inferInsert) {
    return db.insert(petitionAppearances).values(values).onConflictDoNothing()
  },

  findById(db: DbOrTx, id: string, scope: SQL | undefined): Promise<CaseRow | undefined> {
    return db
      .select(caseColumns)
      .from(petitions)
      .where(and(eq(petitions.id, id), scope))
      .then((r) => r[0])
  },

  /** The case locked for a change (without the complainant). */
  lockById(db: DbOrTx, id: string): Promise<CaseRow | undefined> {
    return db
      .select(caseColumns)
      .from(petitions)
      .where(eq(petitions.id, id))
      .for('update')
      .then((r) => r[0])
  },

  lockMany(db: DbOrTx, ids: readonly string[]): Promise<CaseRow[]> {
    return db
      .select(caseColumns)
      .from(petitions)
      .where(inArray(petitions.id, [...ids]))
      .orderBy(asc(petitions.id))
      .for('update')
  },

  /** The complainant of one case: read only by the complainant route. */
  complainant(db: DbOrTx, id: string) {
    return db
      .select({
        name: petitions.complainantName,
        contact: petitions.complainantContact,
        erasedAt: petitions.complainantErasedAt,
      })
      .from(petitions)
      .where(eq(petitions.id, id))
      .then((r) => r[0])
  },

  receiptTaken(db: DbOrTx, receiptNo: string) {
    return db
      .select({ id: petitions.id })
      .from(petitions)
      .where(eq(petitions.receiptNo, receiptNo))
      .then((r) => r[0]?.id ?? null)
  },

  update(db: DbOrTx, id: string, set: PetitionChanges) {
    return db
      .update(petitions)
      .set({ ...set, updatedAt: new Date(), version: sql`${petitions.version} + 1` })
      .where(eq(petitions.id, id))
  },

  /**
   * In natural receipt-number order (D3600000-99 before D3600000-123) on petitions_receipt_key_idx,
   * after the keyset position (receipt key, id): the disclosure table's order.
   */
  listByReceipt(
    db: DbOrTx,
    f: PetitionFilter,
    limit: number,
    after: [receiptKey: string, id: string] | null,
  ): Promise<CaseRow[]> {
    return db
      .select(caseColumns)
      .from(petitions)
      .where(
        and(
          where(f),
          after
            ? sql`(${petitions.receiptKey}, ${petitions.id}) > (${after[0]}, ${after[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(petitions.receiptKey), asc(petitions.id))
      .limit(limit)
  },

  /** In creation order (ids are UUIDv7), after the cursor's id. */
  list(db: DbOrTx, f: PetitionFilter, limit: number, afterId: string | null): Promise<CaseRow[]> {
    return db
      .select(caseColumns)
      .from(petitions)
      .where(and(where(f), afterId ? sql`${petitions.id} > ${afterId}::uuid` : undefined))
      .orderBy(asc(petitions.id))
      .limit(limit)
  },

  count(db: DbOrTx, f: PetitionFilter) {
    return db
      .select({ n: sql<number>`count(*)::int` })
      .from(petitions)
      .where(where(f))
      .then((r) => r[0]?.n ?? 0)
  },

  appearances(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({ petitionId: petitionAppearances.petitionId, batchId: petitionAppearances.batchId })
      .from(petitionAppearances)
      .innerJoin(petitionBatches, eq(petitionBatches.id, petitionAppearances.batchId))
      .where(inArray(petitionAppearances.petitionId, [...ids]))
      .orderBy(asc(petitionBatches.handedOn), asc(petitionBatches.seq))
  },

  batchSeqs(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({
        id: petitionBatches.id,
        seq: petitionBatches.seq,
        handedOn: petitionBatches.handedOn,
      })
      .from(petitionBatches)
      .where(inArray(petitionBatches.id, [...ids]))
  },

  receipts(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({ id: petitions.id, receiptNo: petitions.receiptNo, problemId: petitions.problemId })
      .from(petitions)
      .where(inArray(petitions.id, [...ids]))
  },

  problemRefs(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([])
    return db
      .select({
        id: problems.id,
        code: problems.code,
        title: problems.title,
        status: problems.status,
        roundId: problems.roundId,
      })
      .from(problems)
      .where(inArray(problems.id, [...ids]))
  },

  files(db: DbOrTx, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([] as (typeof files.$inferSelect)[])
    return db
      .select()
      .from(files)
      .where(and(eq(files.ownerType, 'petition'), inArray(files.ownerId, [...ids])))
      .orderBy(asc(files.id))
  },

  /** The close-out a closed problem was closed by (the latest not reopened). */
  openCloseout(db: DbOrTx, problemId: string) {
    return db
      .select({ id: closeouts.id })
      .from(closeouts)
      .where(and(eq(closeouts.problemId, problemId), isNull(closeouts.reopenedAt)))
      .orderBy(desc(closeouts.createdAt))
      .limit(1)
      .then((r) => r[0]?.id ?? null)
  },
}

function batchWhere(f: {
  scope: SQL | undefined
  round?: string | undefined
  published?: boolean | undefined
}) {
  return and(
    f.round ? eq(petitionBatches.roundId, f.round) : undefined,
    f.published === undefined
      ? undefined
      : f.published
        ? sql`${petitionBatches.publishedAt} is not null`
        : isNull(petitionBatches.publishedAt),
    f.scope
      ? sql`exists (select 1 from ${petitionAppearances} pa join ${petitions} on ${petitions.id} = pa.petition_id
          where pa.batch_id = ${petitionBatches.id} and ${f.scope})`
      : undefined,
  )
}
