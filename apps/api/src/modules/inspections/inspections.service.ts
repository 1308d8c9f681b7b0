import type {
  CompleteInspectionBody,
  CreateInspectionBody,
  Inspection,
  InspectionFinding,
  InspectionPage,
  ListInspectionsQuery,
  ProblemFindingList,
  RecordFindingBody,
  UpdateInspectionBody,
} from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { encodeCursor } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { dateIdCursor } from '../../lib/cursors.js'
import { recordAudit } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import { notifyUnit } from '../inbox/index.js'
import { actsAsOffice, findProblem, problemScope, type ProblemsService } from '../problems/index.js'
import { inspectionScope } from './inspections.access.js'
import { inspectionsRepository as repo, type InspectionRow } from './inspections.repository.js'
import {
  auditView,
  findingById,
  problemFindings,
  toInspection,
  toInspections,
} from './inspections.view.js'
import { attachFiles, attachableFiles } from '../files/index.js'
import { findUnitPath, unitRefs } from '../units/index.js'

/**
 * Inspections (督查检查、明察暗访): the office plans, completes or cancels them and records their
 * findings — each finding opens a problem (source `inspection`) or links an existing one. Read
 * through inspectionScope: an unannounced inspection stays hidden from its targets until done.
 */
export class InspectionsService {
  constructor(
    private readonly db: Db,
    private readonly problems: ProblemsService,
  ) {}

  async list(ctx: Ctx, q: ListInspectionsQuery): Promise<InspectionPage> {
    const limit = q.limit ?? 50
    const cursor = dateIdCursor(q.cursor)
    const unitPath = q.unit ? ((await findUnitPath(this.db, q.unit)) ?? '/nowhere/') : undefined
    const filter = { ...q, unitPath, scope: inspectionScope(ctx.actor) }
    const [rows, total] = await Promise.all([
      repo.list(this.db, filter, limit + 1, cursor),
      repo.count(this.db, filter),
    ])
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return {
      items: await toInspections(
        this.db,
        page.map((r) => r.row),
      ),
      nextCursor: rows.length > limit && last ? encodeCursor([last.when, last.row.id]) : null,
      total,
    }
  }

  async get(ctx: Ctx, id: string): Promise<Inspection> {
    const row = await repo.findById(this.db, id, inspectionScope(ctx.actor))
    if (!row) throw notFound('Inspection')
    return toInspection(this.db, row)
  }

  /** The findings that opened or link a problem; read like the problem (404 when hidden). */
  async problemFindings(ctx: Ctx, problemId: string): Promise<ProblemFindingList> {
    if (!(await findProblem(this.db, problemId, problemScope(ctx.actor)))) throw notFound('Problem')
    return { items: await problemFindings(this.db, problemId) }
  }

  async create(ctx: Ctx, body: CreateInspectionBody): Promise<Inspection> {
    office(ctx)
    return this.db.transaction(async (tx) => {
      await checkUnits(tx, body.targetUnitIds)
      const id = uuidv7()
      await repo.insert(tx, {
        id,
        title: body.title,
        kind: body.kind,
        plannedDate: body.plannedDate,
        team: body.team,
        sites: body.sites,
        createdBy: ctx.actor.id,
      })
      await repo.setUnits(tx, id, body.targetUnitIds)
      const row = (await repo.findById(tx, id, undefined))!
      await recordAudit(tx, ctx, {
        action: 'inspection.created',
        entityType: 'inspection',
        entityId: id,
        unitId: null,
        after: auditView(row, body.targetUnitIds),
      })
      return toInspection(tx, row)
    })
  }

  /** Edits a planned inspection: 412 stale, 409 done or cancelled, 422 unknown units. */
  async update(
    ctx: Ctx,
    id: string,
    version: number,
    body: UpdateInspectionBody,
  ): Promise<Inspection> {
    office(ctx)
    return this.db.transaction(async (tx) => {
      const before = await this.lock(tx, id, version, 'edited')
      const beforeUnits = await unitIdsOf(tx, id)
      if (body.targetUnitIds) await checkUnits(tx, body.targetUnitIds)
      const { targetUnitIds, ...set } = body
      await repo.update(tx, id, set)
      if (targetUnitIds) await repo.setUnits(tx, id, targetUnitIds)
      return this.saved(tx, ctx, 'inspection.updated', before, beforeUnits)
    })
  }

  /** Records that it happened (done date not after today): from now on its targets see it. */
  async complete(
    ctx: Ctx,
    id: string,
    version: number,
    body: CompleteInspectionBody,
  ): Promise<Inspection> {
    office(ctx)
    if (body.doneDate > shanghaiDate()) throw invalid('/doneDate', 'is in the future')
    return this.db.transaction(async (tx) => {
      const before = await this.lock(tx, id, version, 'completed')
      const unitIds = await unitIdsOf(tx, id)
      await repo.update(tx, id, { status: 'done', doneDate: body.doneDate, summary: body.summary })
      for (const unitId of unitIds)
        await notifyUnit(tx, unitId, {
          kind: 'inspection',
          title: `督查检查已完成：${before.title}`,
          body: body.summary,
          link: `/inspections/${id}`,
          entityType: 'inspection',
          entityId: id,
        })
      return this.saved(tx, ctx, 'inspection.completed', before, unitIds)
    })
  }

  async cancel(ctx: Ctx, id: string, version: number): Promise<Inspection> {
    office(ctx)
    return this.db.transaction(async (tx) => {
      const before = await this.lock(tx, id, version, 'cancelled')
      await repo.update(tx, id, { status: 'cancelled' })
      return this.saved(tx, ctx, 'inspection.cancelled', before, await unitIdsOf(tx, id))
    })
  }

  /**
   * Records a finding of a done inspection (409 otherwise): links a problem, or opens one with
   * source `inspection` in the same transaction. 422 for an unknown unit, problem or file.
   */
  async recordFinding(
    ctx: Ctx,
    inspectionId: string,
    body: RecordFindingBody,
  ): Promise<InspectionFinding> {
    office(ctx)
    return this.db.transaction(async (tx) => {
      const inspection = await repo.lockById(tx, inspectionId)
      if (!inspection) throw notFound('Inspection')
      if (inspection.status !== 'done')
        throw new AppError('conflict', 'Findings are recorded once the inspection has happened')
      if (!(await unitRefs(tx, [body.unitId])).length) throw invalid('/unitId', 'no such unit')
      const fileIds = body.fileIds ?? []
      await attachableFiles(tx, ctx.actor, fileIds, '/fileIds')
      let problemId: string
      if ('problemId' in body) {
        if (!(await repo.problemExists(tx, body.problemId)))
          throw invalid('/problemId', 'no such problem')
        problemId = body.problemId
      } else {
        problemId = (
          await this.problems.createIn(tx, ctx, { ...body.problem, source: 'inspection' })
        ).id
      }
      const id = uuidv7()
      const seq = (await repo.maxSeq(tx, inspectionId)) + 1
      const opened = !('problemId' in body)
      await repo.insertFinding(tx, {
        id,
        inspectionId,
        seq,
        content: body.content,
        site: body.site ?? '',
        unitId: body.unitId,
        problemId,
        opened,
      })
      const owner = { ownerType: 'inspection_finding', ownerId: id, problemId: null }
      const attached = await attachFiles(tx, fileIds, owner)
      await emitEvent(tx, {
        type: 'inspection.finding_recorded',
        entityType: 'inspection_finding',
        entityId: id,
        unitId: body.unitId,
        data: { inspectionId, findingId: id, seq, problemId, opened, kind: inspection.kind },
      })
      await recordAudit(
        tx,
        ctx,
        {
          action: 'inspection.finding_recorded',
          entityType: 'inspection_finding',
          entityId: id,
          unitId: body.unitId,
          after: {
            inspectionId,
            seq,
            content: body.content,
            site: body.site ?? '',
            problemId,
            opened,
            fileIds,
          },
        },
        ...attached,
      )
      return findingById(tx, inspectionId, id)
    })
  }

  /** The inspection locked at the caller's version (412), still planned (409). */
  private async lock(tx: DbOrTx, id: string, version: number, what: string) {
    const row = await repo.lockById(tx, id)
    if (!row) throw notFound('Inspection')
    if (row.version !== version) throw new AppError('precondition_failed')
    if (row.status !== 'planned')
      throw new AppError('conflict', `A ${row.status} inspection cannot be ${what}`)
    return row
  }

  private async saved(
    tx: DbOrTx,
    ctx: Ctx,
    action: string,
    before: InspectionRow,
    beforeUnits: readonly string[],
  ): Promise<Inspection> {
    const after = (await repo.findById(tx, before.id, undefined))!
    await recordAudit(tx, ctx, {
      action,
      entityType: 'inspection',
      entityId: before.id,
      unitId: null,
      before: auditView(before, beforeUnits),
      after: auditView(after, await unitIdsOf(tx, before.id)),
    })
    return toInspection(tx, after)
  }
}

function office(ctx: Ctx) {
  if (!actsAsOffice(ctx.actor))
    throw forbidden('Inspections are planned and recorded by the office')
}

async function unitIdsOf(tx: DbOrTx, id: string): Promise<string[]> {
  return (await repo.targetUnits(tx, [id])).map((u) => u.id)
}

async function checkUnits(tx: DbOrTx, ids: readonly string[]) {
  const found = await unitRefs(tx, ids)
  const i = ids.findIndex((u) => !found.some((f) => f.id === u))
  if (i >= 0) throw invalid(`/targetUnitIds/${i}`, 'no such unit')
}
