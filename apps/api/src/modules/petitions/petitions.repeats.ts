import { sql } from 'drizzle-orm'
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

/** Trigram similarity at or above which a complaint counts as similar text. */
export const TEXT_SIMILARITY = 0.3
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
 * address (equal match keys, btree-indexed) or a similar complaint (pg_trgm `%` on the GIN
 * trigram index, similarity ≥ TEXT_SIMILARITY). Returns the candidates per probe index, best
 * first (same party/address before text, then by similarity), at most MAX_CANDIDATES each.
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
  const result = await db.execute(sql`
    with probe as (
      select (x->>'i')::int as i, x->>'party' as party, x->>'address' as address,
             x->>'text' as text, nullif(x->>'exclude', '')::uuid as exclude
      from jsonb_array_elements(${input}::jsonb) as x
    )
    select * from (
      select pr.i as probe, p.id, p.receipt_no, b.seq as batch_seq, p.reported_party, p.address,
             p.complaint, p.status,
             (pr.party <> '' and p.party_key = pr.party) as same_party,
             (pr.address <> '' and p.address_key = pr.address) as same_address,
             similarity(p.complaint, pr.text)::float8 as similarity,
             p.problem_id, pb.code as problem_code, pb.title as problem_title,
             pb.status as problem_status,
             row_number() over (
               partition by pr.i
               order by ((pr.party <> '' and p.party_key = pr.party)
                         or (pr.address <> '' and p.address_key = pr.address)) desc,
                        similarity(p.complaint, pr.text) desc, p.id
             ) as rank
      from probe pr
      join petitions p
        on p.id is distinct from pr.exclude
       and ((pr.party <> '' and p.party_key = pr.party)
         or (pr.address <> '' and p.address_key = pr.address)
         or (p.complaint % pr.text and similarity(p.complaint, pr.text) >= ${TEXT_SIMILARITY}))
      join petition_batches b on b.id = p.batch_id
      left join problems pb on pb.id = p.problem_id
    ) ranked
    where rank <= ${MAX_CANDIDATES}
    order by probe, rank
  `)
  const rows = ((result as { rows?: Row[] }).rows ?? (result as unknown as Row[])) as Row[]
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
