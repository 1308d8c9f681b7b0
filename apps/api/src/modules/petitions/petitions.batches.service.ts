import type {
  CreatePetitionBatchBody,
  ListPetitionBatchesQuery,
  PetitionBatch,
  PetitionBatchPage,
  UpdatePetitionBatchBody,
} from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, notFound, invalid } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { encodeCursor } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { dateIdCursor } from '../../lib/cursors.js'
import { recordAudit } from '../audit/index.js'
import { findRound } from '../rounds/index.js'
import { petitionScope } from './petitions.access.js'
import { disclosuresRepository } from './petitions.disclosures.js'
import { petitionsRepository as repo, type BatchRow } from './petitions.repository.js'
import { office } from './petitions.shared.js'
import { toBatches } from './petitions.view.js'

/**
 * Petition batches (第N批): recorded, corrected and published by the office; read by every
 * case reader, with counts as the caller's scope sees them — a unit sees a batch only when it
 * holds one of the unit's cases (404 otherwise), and counts only those cases.
 */
export class PetitionBatchesService {
  constructor(private readonly db: Db) {}

  async list(ctx: Ctx, q: ListPetitionBatchesQuery): Promise<PetitionBatchPage> {
    const limit = q.limit ?? 50
    const after = dateIdCursor(q.cursor)
    const scope = petitionScope(ctx.actor)
    const f = { scope, round: q.round, published: q.published }
    const [rows, total] = await Promise.all([
      repo.listBatches(this.db, f, limit + 1, after),
      repo.countBatches(this.db, f),
    ])
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return {
      items: await this.view(this.db, ctx, page),
      nextCursor: rows.length > limit && last ? encodeCursor([last.handedOn, last.id]) : null,
      total,
    }
  }

  async get(ctx: Ctx, id: string): Promise<PetitionBatch> {
    const row = await repo.findBatch(this.db, id)
    if (!row || !(await repo.batchVisible(this.db, id, petitionScope(ctx.actor))))
      throw notFound('Petition batch')
    return (await this.view(this.db, ctx, [row]))[0]!
  }

  /** 409 when the round already has a batch with this number. */
  async create(ctx: Ctx, body: CreatePetitionBatchBody): Promise<PetitionBatch> {
    office(ctx, 'Recording a batch')
    return this.db.transaction(async (tx) => {
      if (!(await findRound(tx, body.roundId))) throw invalid('/roundId', 'no such round')
      if (await repo.batchSeqTaken(tx, body.roundId, body.seq))
        throw new AppError('duplicate', `Batch ${body.seq} is already recorded for this round`)
      const id = uuidv7()
      await repo.insertBatch(tx, {
        id,
        roundId: body.roundId,
        seq: body.seq,
        handedOn: body.handedOn,
        source: body.source,
        declaredCount: body.declaredCount ?? null,
        handlingDays: body.handlingDays ?? 7,
        note: body.note ?? '',
        createdBy: ctx.actor.id,
      })
      return this.saved(tx, ctx, 'petition_batch.created', null, id)
    })
  }

  async update(
    ctx: Ctx,
    id: string,
    version: number,
    body: UpdatePetitionBatchBody,
  ): Promise<PetitionBatch> {
    office(ctx, 'Correcting a batch')
    return this.db.transaction(async (tx) => {
      const before = await this.lock(tx, id, version)
      await repo.updateBatch(tx, id, body)
      return this.saved(tx, ctx, 'petition_batch.updated', before, id)
    })
  }

  /**
   * Publishes the batch's disclosure table on the public board: its reviewed cases as they read
   * now become the public rows. Publishing a published batch again replaces them (the office's
   * way to let changes since — a re-import, a new report — reach the public).
   */
  async publish(ctx: Ctx, id: string, version: number): Promise<PetitionBatch> {
    office(ctx, 'Publishing a batch')
    return this.db.transaction(async (tx) => {
      const before = await this.lock(tx, id, version)
      const at = new Date()
      const rows = await disclosuresRepository.publish(tx, id, at)
      await repo.updateBatch(tx, id, { publishedAt: at })
      return this.saved(
        tx,
        ctx,
        before.publishedAt ? 'petition_batch.republished' : 'petition_batch.published',
        before,
        id,
        { disclosedRows: rows },
      )
    })
  }

  private async lock(tx: DbOrTx, id: string, version: number): Promise<BatchRow> {
    const row = await repo.lockBatch(tx, id)
    if (!row) throw notFound('Petition batch')
    if (row.version !== version) throw new AppError('precondition_failed')
    return row
  }

  private async saved(
    tx: DbOrTx,
    ctx: Ctx,
    action: string,
    before: BatchRow | null,
    id: string,
    extra: Record<string, unknown> = {},
  ): Promise<PetitionBatch> {
    const after = (await repo.findBatch(tx, id))!
    const view = (b: BatchRow) => {
      const { createdAt: _c, version: _v, ...rest } = b
      return rest
    }
    await recordAudit(tx, ctx, {
      action,
      entityType: 'petition_batch',
      entityId: id,
      unitId: null,
      before: before ? view(before) : null,
      after: { ...view(after), ...extra },
    })
    return (await this.view(tx, ctx, [after]))[0]!
  }

  private async view(db: DbOrTx, ctx: Ctx, rows: BatchRow[]) {
    const ids = rows.map((r) => r.id)
    const [counts, drift] = await Promise.all([
      repo.batchCounts(db, ids, petitionScope(ctx.actor)),
      disclosuresRepository.unpublishedChanges(db, ids),
    ])
    return toBatches(rows, counts, drift)
  }
}
