import { sql } from 'drizzle-orm'
import type { RepeatCandidate } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { dice, plain, probeKeys, repeatText, troubleOverlap, troubleText } from './repeat-keys.js'

/**
 * The key the case's party_key and address_key columns hold: NFKC, lower case, without
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

/** Trigram similarity at which the text index proposes a case for judging at all. */
export const TEXT_CANDIDATE = 0.3
/** Bigram similarity of what is wrong that, with a named place in common, makes a repeat. */
export const SITE_TEXT = 0.5
/** Bigram similarity of the cleaned complaints that alone (nothing in conflict) makes a repeat. */
export const TEXT_ALONE = 0.6
/** Cases each indexed branch proposes per probe at most (the newest). */
const PER_BRANCH = 200
/** Cases fetched per probe for judging, best first. */
const FETCH = 20
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
  keys: string[]
  similarity: number
  problem_id: string | null
  problem_code: string | null
  problem_title: string | null
  problem_status: string | null
}

/** Why a candidate is a repeat, or null when it is not one. */
export interface Verdict {
  reasons: RepeatCandidate['reasons']
  party: string | null
  site: string | null
  /** Bigram similarity of the cleaned complaints (0–1). */
  similarity: number
  score: number
}

/** One side of a pair as judged: its keys and its complaint (and party as written). */
export interface Side {
  keys: readonly string[]
  complaint: string
  reportedParty?: string
}

const of = (keys: readonly string[], kind: string) =>
  keys.filter((k) => k.startsWith(kind)).map((k) => k.slice(kind.length))

/** Two party cores name one party: equal, one begins with the other, or same brand and close. */
function sameParty(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a))) return true
  return a.slice(0, 2) === b.slice(0, 2) && dice(a, b) >= 0.5
}

/**
 * Judges one pair. The same party — equal cores, one beginning with the other, the same brand
 * with a close name, or a core of at least four characters that the other complaint spells out —
 * makes a repeat. The same address or numbered address makes one unless both name parties and
 * none agrees. A named place (village, estate) in common makes one when what is wrong is alike
 * (bigrams of the complaints without places and names, ≥ SITE_TEXT). Similar text alone
 * (≥ TEXT_ALONE) makes one only when neither parties nor places disagree. Stock phrasing never
 * counts: it is in no key and is removed from the texts compared.
 */
export function judge(probe: Side, stored: Side): Verdict | null {
  const mine = of(probe.keys, 'p:')
  const theirs = of(stored.keys, 'p:')
  const probeText = plain(`${probe.reportedParty ?? ''}${probe.complaint}`)
  const storedText = plain(`${stored.reportedParty ?? ''}${stored.complaint}`)
  const party =
    mine.find((a) => theirs.some((b) => sameParty(a, b))) ??
    theirs.find((c) => c.length >= 4 && probeText.includes(c)) ??
    mine.find((c) => c.length >= 4 && storedText.includes(c)) ??
    null
  const partyConflict = !party && mine.length > 0 && theirs.length > 0
  const addresses = [of(probe.keys, 'a:'), of(stored.keys, 'a:')] as const
  const sites = [of(probe.keys, 's:'), of(stored.keys, 's:')] as const
  const address = addresses[0].find((a) => addresses[1].includes(a)) ?? null
  const site = sites[0].find((x) => sites[1].includes(x)) ?? null
  const numbered = !!site && /\d/u.test(site)
  const placeConflict =
    !address &&
    !site &&
    ((addresses[0].length > 0 && addresses[1].length > 0) ||
      (sites[0].length > 0 && sites[1].length > 0))
  const similarity = dice(repeatText(probe.complaint), repeatText(stored.complaint))
  const trouble = Math.max(
    dice(troubleText(probe.complaint, probe.keys), troubleText(stored.complaint, stored.keys)),
    troubleOverlap(probe.complaint, stored.complaint),
  )
  const reasons: RepeatCandidate['reasons'] = []
  if (party) reasons.push('party')
  if (!partyConflict && (address || numbered)) reasons.push('address')
  if (!partyConflict && site && !numbered && trouble >= SITE_TEXT) reasons.push('site')
  if (!partyConflict && !placeConflict && similarity >= TEXT_ALONE) reasons.push('text')
  if (!reasons.length) return null
  const score =
    (party ? 2 : 0) +
    (reasons.includes('address') ? 1.5 : 0) +
    (reasons.includes('site') ? 1 : 0) +
    similarity
  return {
    reasons,
    party,
    site: reasons.includes('site') || numbered ? site : null,
    similarity,
    score,
  }
}

/**
 * Likely earlier cases for each probe, set-based in one query: cases sharing a key (party
 * core, address, named place — `repeat_keys && keys` on its GIN index) or whose cleaned
 * complaint is similar (pg_trgm `%` on the GIN trigram index of `repeat_text`, similarity ≥
 * TEXT_CANDIDATE), each an indexed branch of a UNION — an OR across them would scan the table.
 * The FETCH best per probe are then judged (`judge`), and the MAX_CANDIDATES best repeats kept
 * with the reasons in words the dry run and the case page show.
 */
export async function findRepeatCandidates(
  db: DbOrTx,
  probes: readonly RepeatProbe[],
): Promise<RepeatCandidate[][]> {
  const out: RepeatCandidate[][] = probes.map(() => [])
  if (!probes.length) return out
  const keyed = probes.map((p) => {
    const text = repeatText(p.complaint)
    return { keys: probeKeys(p, text), text }
  })
  const input = JSON.stringify(
    probes.map((p, i) => ({
      i,
      keys: keyed[i]!.keys,
      text: keyed[i]!.text,
      exclude: p.excludeId ?? null,
    })),
  )
  const query = sql`
    with probe as materialized (
      select (x->>'i')::int as i,
             array(select jsonb_array_elements_text(x->'keys')) as keys,
             x->>'text' as text, nullif(x->>'exclude', '')::uuid as exclude
      from jsonb_array_elements(${input}::jsonb) as x
    ),
    -- Each branch bounded per probe (newest first): a key many cases share cannot flood it.
    hit as (
      select pr.i, k.id from probe pr cross join lateral (
        select p.id from petitions p
        where cardinality(pr.keys) > 0 and p.repeat_keys && pr.keys
        order by p.id desc limit ${PER_BRANCH}) k
      union
      select pr.i, t.id from probe pr cross join lateral (
        select p.id from petitions p
        where length(pr.text) >= 4 and p.repeat_text % pr.text
        order by p.id desc limit ${PER_BRANCH}) t
    )
    select * from (
      select pr.i as probe, p.id, p.receipt_no, b.seq as batch_seq, p.reported_party, p.address,
             p.complaint, p.status, p.repeat_keys as keys, s.similarity,
             p.problem_id, pb.code as problem_code, pb.title as problem_title,
             pb.status as problem_status,
             row_number() over (
               partition by pr.i
               order by s.shared desc, s.similarity desc, p.id
             ) as rank
      from hit h
      join probe pr on pr.i = h.i
      -- By primary key per hit (offset 0 keeps it a nested loop): the planner cannot know how
      -- few hits there are and would otherwise hash-join a scan of the whole table.
      cross join lateral (select * from petitions p where p.id = h.id offset 0) p
      cross join lateral (
        select (p.repeat_keys && pr.keys) as shared,
               similarity(p.repeat_text, pr.text)::float8 as similarity
      ) s
      join petition_batches b on b.id = p.batch_id
      left join problems pb on pb.id = p.problem_id
      where p.id is distinct from pr.exclude
    ) ranked
    where rank <= ${FETCH}
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
      select set_config('pg_trgm.similarity_threshold', ${String(TEXT_CANDIDATE)}, true),
             set_config('jit', 'off', true)`)
    const r = await tx.execute(query)
    await tx.execute(sql`
      select set_config('pg_trgm.similarity_threshold', ${was?.threshold ?? '0.3'}, true),
             set_config('jit', ${was?.jit ?? 'off'}, true)`)
    return r
  })
  const judged: { probe: number; score: number; candidate: RepeatCandidate }[] = []
  for (const r of rowsOf<Row>(result)) {
    const probe = probes[r.probe]!
    const verdict = judge(
      {
        keys: keyed[r.probe]!.keys,
        complaint: probe.complaint,
        reportedParty: probe.reportedParty,
      },
      { keys: r.keys ?? [], complaint: r.complaint, reportedParty: r.reported_party },
    )
    if (!verdict) continue
    judged.push({
      probe: r.probe,
      score: verdict.score,
      candidate: {
        id: r.id,
        receiptNo: r.receipt_no,
        batchSeq: Number(r.batch_seq),
        reportedParty: r.reported_party,
        address: r.address,
        complaint: r.complaint,
        status: r.status,
        reasons: verdict.reasons,
        matchedParty: verdict.party,
        matchedSite: verdict.site,
        similarity: Math.max(0, Math.min(1, Number(verdict.similarity.toFixed(2)))),
        problem: r.problem_id
          ? {
              id: r.problem_id,
              code: r.problem_code!,
              title: r.problem_title!,
              status: r.problem_status!,
            }
          : null,
      },
    })
  }
  judged.sort((a, b) => a.probe - b.probe || b.score - a.score)
  for (const j of judged) if (out[j.probe]!.length < MAX_CANDIDATES) out[j.probe]!.push(j.candidate)
  return out
}

/** The rows of a raw `execute` result (node-postgres and PGlite shape them alike). */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[]
}
