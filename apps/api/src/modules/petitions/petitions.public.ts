import { and, desc, eq, isNotNull, sql } from 'drizzle-orm'
import type {
  PublicPetitionBatch,
  PublicPetitionBatchList,
  PublicPetitionRow,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { petitionAppearances, petitionBatches, rounds } from '../../db/schema/index.js'
import { notFound } from '../../errors.js'
import { problemsRepository } from '../problems/problems.repository.js'
import { petitionsRepository as repo } from './petitions.repository.js'

const batchColumns = {
  id: petitionBatches.id,
  roundName: rounds.name,
  seq: petitionBatches.seq,
  handedOn: petitionBatches.handedOn,
  source: petitionBatches.source,
  publishedAt: petitionBatches.publishedAt,
  caseCount: sql<number>`(select count(*)::int from ${petitionAppearances} pa where pa.batch_id = ${petitionBatches.id})`,
}

/**
 * The disclosure tables on the public board (no login): published batches only, and in each the
 * reviewed cases (closed or partly closed) in the columns cities publish. Built field by field
 * from the public schemas: the complainant, the investigation notes, the handling unit's people
 * and every other internal column are never selected, let alone answered.
 */
export class PublicPetitionsService {
  constructor(private readonly db: Db) {}

  async list(): Promise<PublicPetitionBatchList> {
    const rows = await heads(this.db)
    return { items: rows.map(head) }
  }

  /** A published batch; an unpublished one does not exist here (404). */
  async get(id: string): Promise<PublicPetitionBatch> {
    const [row] = await heads(this.db, id)
    if (!row) throw notFound('Petition batch')
    const cases = await repo.reviewedInBatch(this.db, id)
    const units = await problemsRepository.units(this.db, [
      ...new Set(cases.flatMap((c) => c.regionIds)),
    ])
    const name = new Map(units.map((u) => [u.id, u.name]))
    const rows: PublicPetitionRow[] = cases.map((c) => ({
      receiptNo: c.receiptNo,
      region: c.regionText || c.regionIds.map((u) => name.get(u) ?? '').join('、'),
      domains: c.domains as PublicPetitionRow['domains'],
      complaint: c.complaint,
      finding: (c.finding as PublicPetitionRow['finding']) ?? null,
      handling: c.measures,
      accountability: c.accountability,
      status: c.status as PublicPetitionRow['status'],
    }))
    return { ...head(row), rows }
  }
}

/** Published batches (one when `id` is given), latest published first. */
function heads(db: Db, id?: string) {
  return db
    .select(batchColumns)
    .from(petitionBatches)
    .innerJoin(rounds, eq(rounds.id, petitionBatches.roundId))
    .where(and(isNotNull(petitionBatches.publishedAt), id ? eq(petitionBatches.id, id) : undefined))
    .orderBy(desc(petitionBatches.publishedAt), desc(petitionBatches.id))
}

type BatchHead = Awaited<ReturnType<typeof heads>>[number]

function head(r: BatchHead): Omit<PublicPetitionBatch, 'rows'> {
  return {
    id: r.id,
    roundName: r.roundName,
    seq: r.seq,
    handedOn: r.handedOn,
    source: r.source as PublicPetitionBatch['source'],
    publishedAt: r.publishedAt!.toISOString(),
    caseCount: r.caseCount,
  }
}
