import type {
  CreatePetitionBody,
  ListPetitionsQuery,
  Petition,
  PetitionComplainant,
  PetitionPage,
  RepeatCandidate,
  UpdatePetitionBody,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { encodeCursor } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { idCursor } from '../../lib/cursors.js'
import { recordAudit } from '../audit/index.js'
import type { LightSettings } from '../problems/index.js'
import type { FieldCipher } from '../../lib/crypto/field-cipher.js'
import { openComplainant, sealComplainant } from './complainant.js'
import { mayViewComplainant, petitionScope } from './petitions.access.js'
import { findRepeatCandidates } from './petitions.repeats.js'
import { petitionsRepository as repo } from './petitions.repository.js'
import {
  auditCase,
  checkUnits,
  derivedColumns,
  lockCase,
  office,
  reboundClosedProblems,
} from './petitions.shared.js'
import { toPetition, toPetitions } from './petitions.view.js'
import { unitRefs } from '../units/index.js'

/**
 * Petition cases (交办信访件): the list and details every case reader sees through
 * petitionScope, the office's hand-made cases and corrections, and the complainant, which only
 * the office and the handling unit read — each read audited.
 */
export class PetitionsService {
  constructor(
    private readonly db: Db,
    private readonly settings: LightSettings,
    private readonly cipher: FieldCipher,
  ) {}

  async list(ctx: Ctx, q: ListPetitionsQuery): Promise<PetitionPage> {
    const limit = q.limit ?? 50
    const after = idCursor(q.cursor)
    const today = shanghaiDate()
    const pathOf = async (id: string | undefined) =>
      id ? ((await unitRefs(this.db, [id]))[0]?.path ?? '/nowhere/') : undefined
    const filter = {
      scope: petitionScope(ctx.actor),
      batch: q.batch,
      status: q.status,
      finding: q.finding,
      domain: q.domain,
      unitPath: await pathOf(q.unit),
      regionPath: await pathOf(q.region),
      keyCase: q.keyCase,
      overdue: q.overdue,
      problem: q.problem,
      q: q.q,
      updatedSince: q.updatedSince,
      today,
    }
    const [rows, total] = await Promise.all([
      repo.list(this.db, filter, limit + 1, after),
      repo.count(this.db, filter),
    ])
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return {
      items: await toPetitions(this.db, page, ctx.actor, today),
      nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
      total,
    }
  }

  async get(ctx: Ctx, id: string): Promise<Petition> {
    const row = await repo.findById(this.db, id, petitionScope(ctx.actor))
    if (!row) throw notFound('Petition')
    return toPetition(this.db, row, ctx.actor, shanghaiDate())
  }

  /**
   * The complainant: 404 when the case is hidden from the caller, 403 when visible but the
   * caller may not read it. Every answer writes one audit entry naming the case, never the
   * name or contact themselves.
   */
  async complainant(ctx: Ctx, id: string): Promise<PetitionComplainant> {
    return this.db.transaction(async (tx) => {
      const row = await repo.findById(tx, id, petitionScope(ctx.actor))
      if (!row) throw notFound('Petition')
      const unit = row.handlingUnitId ? (await unitRefs(tx, [row.handlingUnitId]))[0] : undefined
      if (!mayViewComplainant(ctx.actor, unit?.path ?? null))
        throw forbidden('Only the office and the handling unit read the complainant')
      const found = (await repo.complainant(tx, id))!
      await recordAudit(tx, ctx, {
        action: 'petition.complainant_viewed',
        entityType: 'petition',
        entityId: id,
        unitId: row.handlingUnitId,
        after: { receiptNo: row.receiptNo, problemId: row.problemId },
      })
      return openComplainant(this.cipher, found)
    })
  }

  /** One case by hand (the office): 409 for a receipt number already recorded. */
  async create(ctx: Ctx, body: CreatePetitionBody): Promise<Petition> {
    office(ctx, 'Adding a case')
    return this.db.transaction(async (tx) => {
      const batch = await repo.findBatch(tx, body.batchId)
      if (!batch) throw invalid('/batchId', 'no such batch')
      const regionIds = body.regionIds ?? []
      await checkUnits(tx, regionIds, '/regionIds')
      const earlier = body.repeatOfId ? (await repo.receipts(tx, [body.repeatOfId]))[0] : null
      if (body.repeatOfId && !earlier) throw invalid('/repeatOfId', 'no such case')
      if (await repo.receiptTaken(tx, body.receiptNo))
        throw new AppError('duplicate', `Case ${body.receiptNo} is already recorded`)
      const id = uuidv7()
      const fields = {
        receiptNo: body.receiptNo,
        regionText: body.regionText ?? '',
        regionIds,
        reportedParty: body.reportedParty ?? '',
        address: body.address ?? '',
        domains: body.domains,
        complaint: body.complaint,
        keyCase: body.keyCase ?? false,
      }
      await repo.insert(tx, {
        id,
        batchId: batch.id,
        ...fields,
        ...derivedColumns(fields),
        ...sealComplainant(this.cipher, body.complainantName ?? '', body.complainantContact ?? ''),
        repeatOfId: earlier?.id ?? null,
      })
      await repo.insertAppearance(tx, { petitionId: id, batchId: batch.id, data: fields })
      const reopened = earlier
        ? await reboundClosedProblems(tx, ctx, this.settings, [earlier.problemId], {
            petitionId: id,
            repeatOfId: earlier.id,
            receiptNo: body.receiptNo,
          })
        : []
      const row = (await repo.findById(tx, id, undefined))!
      await auditCase(tx, ctx, 'petition.created', null, row, {
        hasComplainant: !!(body.complainantName || body.complainantContact),
        reboundProblemIds: reopened,
      })
      return toPetition(tx, row, ctx.actor, shanghaiDate())
    })
  }

  /** Corrects a case as handed over (the office; 412 stale, 409 receipt number taken). */
  async update(ctx: Ctx, id: string, version: number, body: UpdatePetitionBody): Promise<Petition> {
    office(ctx, 'Correcting a case')
    return this.db.transaction(async (tx) => {
      const before = await lockCase(tx, id, version)
      if (body.regionIds) await checkUnits(tx, body.regionIds, '/regionIds')
      if (body.receiptNo && body.receiptNo !== before.receiptNo) {
        if (await repo.receiptTaken(tx, body.receiptNo))
          throw new AppError('duplicate', `Case ${body.receiptNo} is already recorded`)
      }
      const merged = {
        receiptNo: body.receiptNo ?? before.receiptNo,
        reportedParty: body.reportedParty ?? before.reportedParty,
        address: body.address ?? before.address,
        complaint: body.complaint ?? before.complaint,
      }
      const { complainantName, complainantContact, ...rest } = body
      await repo.update(tx, id, {
        ...rest,
        ...derivedColumns(merged),
        ...sealComplainant(this.cipher, complainantName, complainantContact),
      })
      const after = (await repo.findById(tx, id, undefined))!
      await auditCase(tx, ctx, 'petition.updated', before, after, {
        complainantChanged:
          body.complainantName !== undefined || body.complainantContact !== undefined,
      })
      return toPetition(tx, after, ctx.actor, shanghaiDate())
    })
  }

  /** Likely earlier cases of this one (the office). */
  async repeatCandidates(ctx: Ctx, id: string): Promise<{ items: RepeatCandidate[] }> {
    office(ctx, 'The repeat check')
    const row = await repo.findById(this.db, id, undefined)
    if (!row) throw notFound('Petition')
    const [items] = await findRepeatCandidates(this.db, [
      {
        reportedParty: row.reportedParty,
        address: row.address,
        complaint: row.complaint,
        excludeId: id,
      },
    ])
    return { items: items ?? [] }
  }

  /**
   * Marks the case a repeat of an earlier one, or clears the link (the office). A repeat of a
   * case whose problem is closed — or of this case's own closed problem — reopens that problem
   * as a rebound in the same transaction.
   */
  async setRepeat(
    ctx: Ctx,
    id: string,
    version: number,
    repeatOfId: string | null,
  ): Promise<Petition> {
    office(ctx, 'Linking a repeat')
    return this.db.transaction(async (tx) => {
      const current = await repo.findById(tx, id, undefined)
      if (!current) throw notFound('Petition')
      if (repeatOfId === id) throw invalid('/repeatOfId', 'is the case itself')
      const earlier = repeatOfId ? (await repo.receipts(tx, [repeatOfId]))[0] : null
      if (repeatOfId && !earlier) throw invalid('/repeatOfId', 'no such case')
      // Lock order as everywhere: the problems first, then the case.
      const reopened = earlier
        ? await reboundClosedProblems(
            tx,
            ctx,
            this.settings,
            [earlier.problemId, current.problemId],
            { petitionId: id, repeatOfId: earlier.id, receiptNo: current.receiptNo },
          )
        : []
      const before = await lockCase(tx, id, version)
      await repo.update(tx, id, { repeatOfId })
      const after = (await repo.findById(tx, id, undefined))!
      await auditCase(
        tx,
        ctx,
        repeatOfId ? 'petition.repeat_linked' : 'petition.repeat_cleared',
        before,
        after,
        {
          reboundProblemIds: reopened,
        },
      )
      return toPetition(tx, after, ctx.actor, shanghaiDate())
    })
  }
}
