import { sql, type SQL } from 'drizzle-orm'
import type { RepeatCandidate } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'

/**
 * The key the repeat check matches a reported party or an address on: NFKC, lower case, without
 * whitespace and punctuation (so 某某化工有限公司 and “某某化工 有限公司。” match).
 */
export function matchKey(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
}

/** What one incoming case is checked with. */
export interface RepeatProbe {
  reportedParty: string
  address: string
  complaint: string
  /** The case itself when it exists already (never its own repeat). */
  excludeId?: string | null
}

/**
 * Characters of a complaint's start the text match compares (the index is on the same
 * expression, migration 0009): where a complaint names its place, party and what is wrong. The
 * stock phrases complaints end with (已持续…个月，希望尽快查处) are shared by thousands of cases;
 * over the full text they put hundreds of unrelated rows above any threshold, each rechecked.
 */
export const REPEAT_TEXT_PREFIX = 32
/** Trigram similarity of the prefixes at or above which a complaint counts as similar text. */
export const TEXT_SIMILARITY = 0.5
/** Candidates kept per probe, best first. */
export const MAX_CANDIDATES = 5

interface Row {
  probe: number
  id: string
  receipt_no: string
  batch_seq: number
  reported_party: string
  address: string
  complaint: string
  status: RepeatCandidate['status']
  same_party: boolean
  same_address: boolean
  similarity: number
  problem_id: string | null
  problem_code: string | null
  problem_title: string | null
  problem_status: string | null
}

/**
 * Likely earlier cases for each probe, set-based in one query: the same reported party or
 * address (equal match keys, btree-indexed) or a similar complaint start (pg_trgm `%` on the GIN
 * trigram index of `left(complaint, REPEAT_TEXT_PREFIX)`, similarity ≥ TEXT_SIMILARITY), each
 * an indexed branch of a UNION — an OR across them would scan the table. Returns the candidates
 * per probe index, best first (same party/address before text, then by similarity), at most
 * MAX_CANDIDATES each.
 */
export async function findRepeatCandidates(
  db: DbOrTx,
  probes: readonly RepeatProbe[],
): Promise<RepeatCandidate[][]> {
  const out: RepeatCandidate[][] = probes.map(() => [])
  if (!probes.length) return out
  const input = JSON.stringify(
    probes.map((p, i) => ({
      i,
      party: matchKey(p.reportedParty),
      address: matchKey(p.address),
      text: p.complaint,
      exclude: p.excludeId ?? null,
    })),
  )
  const head = (expr: SQL) => sql`left(${expr}, ${sql.raw(String(REPEAT_TEXT_PREFIX))})`
  const query = sql`
    with probe as materialized (
      select (x->>'i')::int as i, x->>'party' as party, x->>'address' as address,
             ${head(sql`x->>'text'`)} as head, nullif(x->>'exclude', '')::uuid as exclude
      from jsonb_array_elements(${input}::jsonb) as x
    ),
    hit as (
      select pr.i, p.id from probe pr join petitions p on pr.party <> '' and p.party_key = pr.party
      union
      select pr.i, p.id from probe pr
        join petitions p on pr.address <> '' and p.address_key = pr.address
      union
      select pr.i, p.id from probe pr
        join petitions p on pr.head <> '' and ${head(sql`p.complaint`)} % pr.head
    )
    select * from (
      select pr.i as probe, p.id, p.receipt_no, b.seq as batch_seq, p.reported_party, p.address,
             p.complaint, p.status, s.same_party, s.same_address, s.similarity,
             p.problem_id, pb.code as problem_code, pb.title as problem_title,
             pb.status as problem_status,
             row_number() over (
               partition by pr.i
               order by (s.same_party or s.same_address) desc, s.similarity desc, p.id
             ) as rank
      from hit h
      join probe pr on pr.i = h.i
      -- By primary key per hit (offset 0 keeps it a nested loop): the planner cannot know how
      -- few hits there are and would otherwise hash-join a scan of the whole table.
      cross join lateral (select * from petitions p where p.id = h.id offset 0) p
      cross join lateral (
        select (pr.party <> '' and p.party_key = pr.party) as same_party,
               (pr.address <> '' and p.address_key = pr.address) as same_address,
               similarity(${head(sql`p.complaint`)}, pr.head)::float8 as similarity
      ) s
      join petition_batches b on b.id = p.batch_id
      left join problems pb on pb.id = p.problem_id
      where p.id is distinct from pr.exclude
    ) ranked
    where rank <= ${MAX_CANDIDATES}
    order by probe, rank
  `
  // `%` compares with pg_trgm.similarity_threshold, set for this query only; JIT is off for it
  // (its cost estimates, blind to how few rows each probe finds, would spend ~0.8 s compiling a
  // query that runs in milliseconds). set_config(…, true) lasts to the end of the transaction —
  // the enclosing one when the caller's is open (a savepoint here) — hence put back after.
  const result = await db.transaction(async (tx) => {
    const [was] = rowsOf<{ threshold: string | null; jit: string | null }>(
      await tx.execute(sql`
        select current_setting('pg_trgm.similarity_threshold', true) as threshold,
               current_setting('jit', true) as jit`),
    )
    await tx.execute(sql`
      select set_config('pg_trgm.similarity_threshold', ${String(TEXT_SIMILARITY)}, true),
             set_config('jit', 'off', true)`)
    const r = await tx.execute(query)
    await tx.execute(sql`
      select set_config('pg_trgm.similarity_threshold', ${was?.threshold ?? '0.3'}, true),
             set_config('jit', ${was?.jit ?? 'off'}, true)`)
    return r
  })
  const rows = rowsOf<Row>(result)
  for (const r of rows) {
    const reasons: RepeatCandidate['reasons'] = []
    if (r.same_party) reasons.push('party')
    if (r.same_address) reasons.push('address')
    if (r.similarity >= TEXT_SIMILARITY) reasons.push('text')
    out[r.probe]!.push({
      id: r.id,
      receiptNo: r.receipt_no,
      batchSeq: Number(r.batch_seq),
      reportedParty: r.reported_party,
      address: r.address,
      complaint: r.complaint,
      status: r.status,
      reasons,
      similarity: Math.max(0, Math.min(1, Number(r.similarity))),
      problem: r.problem_id
        ? {
            id: r.problem_id,
            code: r.problem_code!,
            title: r.problem_title!,
            status: r.problem_status!,
          }
        : null,
    })
  }
  return out
}

/** The rows of a raw `execute` result (node-postgres and PGlite shape them alike). */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[]
}
