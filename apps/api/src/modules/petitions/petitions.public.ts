import { and, desc, eq, isNotNull, sql } from 'drizzle-orm'
import type {
  PublicPetitionBatch,
  PublicPetitionBatchList,
  PublicPetitionRow,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { petitionAppearances, petitionBatches, rounds } from '../../db/schema/index.js'
import { notFound } from '../../errors.js'
import { disclosuresRepository } from './petitions.disclosures.js'

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
 * reviewed cases (closed or partly closed) in the columns cities publish, as the office last
 * published them (petition_disclosures). Built field by field
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
    const rows: PublicPetitionRow[] = (await disclosuresRepository.published(this.db, id)).map(
      (r) => ({
        receiptNo: r.receiptNo,
        region: r.region,
        domains: r.domains,
        complaint: r.complaint,
        finding: r.finding ?? null,
        handling: r.handling,
        accountability: r.accountability,
        status: r.status,
      }),
    )
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
