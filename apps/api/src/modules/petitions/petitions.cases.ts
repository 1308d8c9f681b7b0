import type { DbOrTx } from '../../db/client.js'
import { disclosuresRepository } from './petitions.disclosures.js'
import { petitionsRepository as repo, type PetitionFilter } from './petitions.repository.js'

// What other modules read of the cases: counts with the petition list's own definitions (the
// dashboard, the bulletin, the export's audit) and the disclosure table's pages (the export).

/** How many cases match, as GET /petitions counts them. */
export function countPetitions(db: DbOrTx, filter: PetitionFilter): Promise<number> {
  return repo.count(db, filter)
}

/**
 * One page of the disclosure table: the cases (from columns that leave the complainant out) in
 * natural receipt-number order after the keyset position (receipt key, id), each case's batch
 * (its sequence number and handover date) and, for a case in a published batch, the row the
 * office published last.
 */
export async function disclosurePage(
  db: DbOrTx,
  filter: PetitionFilter,
  limit: number,
  after: [receiptKey: string, id: string] | null,
) {
  const rows = await repo.listByReceipt(db, filter, limit, after)
  const [batches, published] = await Promise.all([
    repo.batchSeqs(db, [...new Set(rows.map((r) => r.batchId))]),
    disclosuresRepository.latestOf(
      db,
      rows.map((r) => r.id),
    ),
  ])
  return { rows, batches: new Map(batches.map((b) => [b.id, b])), published }
}

/** A case as the disclosure table reads it. */
export type DisclosureCase = Awaited<ReturnType<typeof disclosurePage>>['rows'][number]
