import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/client.js'
import { findRepeatCandidates } from '../src/modules/petitions/petitions.repeats.js'
import { openTestDatabase } from './database.js'
import { REPEAT_PAIRS } from './fixtures/petition-repeat-pairs.js'
import { makeRound } from './ledger-factories.js'
import { makeBatch, makeCase } from './petition-factories.js'

/**
 * The repeat check against a labelled set (fixtures/petition-repeat-pairs.ts): every earlier
 * case of every pair is in the database, every later case is checked in one call of the real
 * query. A proposal counts as right only when it is the later case's labelled earlier case; any
 * other proposal — the other half of a pair labelled different, or a case of another pair — is
 * a false one.
 */
let database: Database
const earlier = new Map<string, number>()
let proposals: { pair: number; proposed: number[]; reasons: string[][] }[] = []

beforeAll(async () => {
  database = await openTestDatabase()
  const round = await makeRound(database.db)
  const batch = await makeBatch(database.db, { round, seq: 1 })
  for (const [i, pair] of REPEAT_PAIRS.entries()) {
    const row = await makeCase(database.db, {
      batch,
      receiptNo: `PAIR-${i}`,
      reportedParty: pair.a.party ?? '',
      address: pair.a.address ?? '',
      complaint: pair.a.complaint,
    })
    earlier.set(row.id, i)
  }
  const found = await findRepeatCandidates(
    database.db,
    REPEAT_PAIRS.map((p) => ({
      reportedParty: p.b.party ?? '',
      address: p.b.address ?? '',
      complaint: p.b.complaint,
    })),
  )
  proposals = found.map((candidates, pair) => ({
    pair,
    proposed: candidates.map((c) => earlier.get(c.id)!),
    reasons: candidates.map((c) => c.reasons),
  }))
})

afterAll(async () => {
  await database?.close()
})

describe('the repeat check on the labelled pairs', () => {
  it('has a labelled set of at least 60 pairs, both kinds well represented', () => {
    expect(REPEAT_PAIRS.length).toBeGreaterThanOrEqual(60)
    expect(REPEAT_PAIRS.filter((p) => p.repeat).length).toBeGreaterThanOrEqual(25)
    expect(REPEAT_PAIRS.filter((p) => !p.repeat).length).toBeGreaterThanOrEqual(25)
  })

  it('holds precision ≥ 0.9 and recall ≥ 0.9', () => {
    let tp = 0
    let fp = 0
    const missed: string[] = []
    const wrong: string[] = []
    for (const { pair, proposed } of proposals) {
      const label = REPEAT_PAIRS[pair]!
      for (const other of proposed) {
        if (other === pair && label.repeat) tp++
        else {
          fp++
          wrong.push(`${pair} (${label.note}) → ${other} (${REPEAT_PAIRS[other]!.note})`)
        }
      }
      if (label.repeat && !proposed.includes(pair)) missed.push(`${pair} (${label.note})`)
    }
    const positives = REPEAT_PAIRS.filter((p) => p.repeat).length
    const precision = tp / Math.max(1, tp + fp)
    const recall = tp / positives
    expect(
      { precision: precision >= 0.9, recall: recall >= 0.9 },
      `precision ${precision.toFixed(2)} recall ${recall.toFixed(2)}\nmissed:\n${missed.join('\n')}\nwrong:\n${wrong.join('\n')}`,
    ).toEqual({ precision: true, recall: true })
  })

  it('flags only the restated cases of a batch that shares stock phrasing throughout', () => {
    const flagged = proposals.filter((p) => p.proposed.length > 0).length
    const restated = REPEAT_PAIRS.filter((p) => p.repeat).length
    expect(flagged).toBeLessThanOrEqual(restated + 3)
  })

  it('says why: the party, the address, the place or the text', () => {
    const reasons = new Set(proposals.flatMap((p) => p.reasons.flat()))
    expect([...reasons].sort()).toEqual(['address', 'party', 'site', 'text'])
  })
})
