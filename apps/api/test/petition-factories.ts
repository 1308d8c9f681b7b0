import { eq } from 'drizzle-orm'
import type { Db } from '../src/db/client.js'
import { petitionAppearances, petitionBatches, petitions } from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { disclosuresRepository } from '../src/modules/petitions/petitions.disclosures.js'
import { derivedColumns } from '../src/modules/petitions/petitions.shared.js'

type BatchRow = typeof petitionBatches.$inferSelect
type PetitionRow = typeof petitions.$inferSelect

let n = 0
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`.toUpperCase()

/** A batch (第N批) of a round, inserted straight into the database. */
export async function makeBatch(
  db: Db,
  o: {
    round: { id: string }
    seq?: number
    handedOn?: string
    handlingDays?: number
    published?: boolean
    source?: 'central' | 'provincial'
  },
): Promise<BatchRow> {
  const [row] = await db
    .insert(petitionBatches)
    .values({
      id: uuidv7(),
      roundId: o.round.id,
      seq: o.seq ?? 100 + n++,
      handedOn: o.handedOn ?? addDays(shanghaiDate(), -3),
      source: o.source ?? 'central',
      handlingDays: o.handlingDays ?? 7,
      publishedAt: o.published ? new Date() : null,
    })
    .returning()
  return row!
}

export interface CaseOverrides {
  batch: { id: string }
  receiptNo?: string
  regionText?: string
  regionIds?: string[]
  reportedParty?: string
  address?: string
  domains?: string[]
  complaint?: string
  keyCase?: boolean
  complainantName?: string
  complainantContact?: string
  status?: PetitionRow['status']
  /** Required for any status but `received`. */
  handlingUnit?: { id: string } | null
  deadline?: string | null
  finding?: string | null
  investigation?: string
  measures?: string
  accountability?: string
  problemId?: string | null
  repeatOfId?: string | null
}

/**
 * A case inserted straight into the database with its derived columns (match keys, search
 * tokens) and its appearance in the batch, as the services keep them. A reported status gets a
 * report (finding, investigation, measures) unless given.
 */
export async function makeCase(db: Db, o: CaseOverrides): Promise<PetitionRow> {
  const id = uuidv7()
  const fields = {
    receiptNo: o.receiptNo ?? `X3HB${uniq()}`,
    reportedParty: o.reportedParty ?? `某某化工有限公司${n}`,
    address: o.address ?? `某县某镇工业园${n}号`,
    complaint: o.complaint ?? `反映企业夜间偷排废水，河水发黑发臭（${n}）。`,
  }
  const status = o.status ?? (o.handlingUnit ? 'handling' : 'received')
  const reported = ['submitted', 'partly_closed', 'closed'].includes(status)
  await db.insert(petitions).values({
    id,
    batchId: o.batch.id,
    ...fields,
    ...derivedColumns(fields),
    regionText: o.regionText ?? '',
    regionIds: o.regionIds ?? [],
    domains: o.domains ?? ['water'],
    keyCase: o.keyCase ?? false,
    complainantName: o.complainantName ?? '',
    complainantContact: o.complainantContact ?? '',
    status,
    handlingUnitId: o.handlingUnit?.id ?? null,
    assignedAt: o.handlingUnit ? new Date() : null,
    deadline:
      o.deadline !== undefined ? o.deadline : o.handlingUnit ? addDays(shanghaiDate(), 7) : null,
    finding: o.finding !== undefined ? o.finding : reported ? 'true' : null,
    investigation: o.investigation ?? (reported ? '经现场核查，反映问题属实。' : ''),
    measures: o.measures ?? (reported ? '责令企业停产整改，已完成管网改造。' : ''),
    accountability: o.accountability ?? '',
    reportedAt: reported ? new Date() : null,
    reportedByName: reported ? '县区经办人' : null,
    closedAt: status === 'closed' ? new Date() : null,
    problemId: o.problemId ?? null,
    repeatOfId: o.repeatOfId ?? null,
  })
  await db.insert(petitionAppearances).values({ petitionId: id, batchId: o.batch.id, data: fields })
  const [row] = await db.select().from(petitions).where(eq(petitions.id, id))
  return row!
}

/**
 * Publishes a batch as the office does: its reviewed cases as they read now become the rows of
 * the public disclosure table (petition_disclosures), and the batch is marked published.
 */
export async function publishBatch(db: Db, batch: { id: string }) {
  const at = new Date()
  await disclosuresRepository.publish(db, batch.id, at)
  await db.update(petitionBatches).set({ publishedAt: at }).where(eq(petitionBatches.id, batch.id))
}
