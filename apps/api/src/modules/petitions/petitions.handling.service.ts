import type {
  AssignPetitionsBody,
  AssignPetitionsResult,
  Petition,
  PetitionCallbackBody,
  PetitionProblemBody,
  ReportPetitionBody,
  ReviewPetitionBody,
} from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { addDays, shanghaiDate } from '../../lib/dates.js'
import { recordAudit } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import { notifyUnit } from '../inbox/index.js'
import { lockProblem } from '../problems/index.js'
import type { ProblemsService } from '../problems/index.js'
import { petitionScope } from './petitions.access.js'
import { petitionsRepository as repo, type CaseRow } from './petitions.repository.js'
import { auditCase, lockCase, office } from './petitions.shared.js'
import { auditView, toPetition } from './petitions.view.js'
import { actorName } from '../users/index.js'
import { attachFiles, attachableFiles } from '../files/index.js'
import { unitRefs } from '../units/index.js'

const ASSIGNABLE = ['received', 'handling']
const REPORTABLE = ['handling', 'partly_closed']
const REVIEWED = ['partly_closed', 'closed']

/**
 * A case's handling: the office assigns (in bulk), the handling unit reports its findings and
 * evidence, the office closes, partly closes or returns, calls the complainant back, and links
 * or opens a problem. One transaction per step, audited; events and inbox messages inside it.
 */
export class PetitionHandlingService {
  constructor(
    private readonly db: Db,
    private readonly problems: ProblemsService,
  ) {}

  /** Cases → handling by `unitId`; the deadline defaults to today + the batch's handling days. */
  async assign(ctx: Ctx, body: AssignPetitionsBody): Promise<AssignPetitionsResult> {
    office(ctx, 'Assigning cases')
    const today = shanghaiDate()
    return this.db.transaction(async (tx) => {
      const [unit] = await unitRefs(tx, [body.unitId])
      if (!unit?.active) throw invalid('/unitId', 'no such unit')
      const rows = await repo.lockMany(tx, body.petitionIds)
      body.petitionIds.forEach((id, i) => {
        const row = rows.find((r) => r.id === id)
        if (!row) throw invalid(`/petitionIds/${i}`, 'no such case')
        if (!ASSIGNABLE.includes(row.status))
          throw new AppError(
            'conflict',
            `Case ${row.receiptNo} is ${row.status}: only received or handling cases are assigned`,
          )
      })
      // Cases of several batches share one deadline: the longest handling time among them.
      let days = 0
      for (const batchId of new Set(rows.map((r) => r.batchId)))
        days = Math.max(days, (await repo.findBatch(tx, batchId))!.handlingDays)
      const deadline = body.deadline ?? addDays(today, days)
      if (deadline < today) throw invalid('/deadline', 'is in the past')
      const at = new Date()
      for (const before of rows) {
        await repo.update(tx, before.id, {
          status: 'handling',
          handlingUnitId: unit.id,
          assignedAt: at,
          deadline,
        })
        const after = (await repo.findById(tx, before.id, undefined))!
        await emitEvent(tx, {
          type: 'petition.assigned',
          entityType: 'petition',
          entityId: before.id,
          unitId: unit.id,
          data: { petitionId: before.id, receiptNo: before.receiptNo, unitId: unit.id, deadline },
        })
        await auditCase(
          tx,
          ctx,
          before.handlingUnitId ? 'petition.reassigned' : 'petition.assigned',
          before,
          after,
        )
      }
      await notifyUnit(tx, unit.id, {
        kind: 'petition',
        title: `交办信访件 ${rows.length} 件，请于 ${deadline} 前办结`,
        body: rows.map((r) => r.receiptNo).join('、'),
        link: rows.length === 1 ? `/petitions/${rows[0]!.id}` : '/petitions',
        entityType: 'petition',
        entityId: rows.length === 1 ? rows[0]!.id : null,
      })
      return { assigned: rows.length, deadline }
    })
  }

  /**
   * The handling unit's report: a person of a unit whose subtree holds the handling unit, or a
   * unit-scoped client. 404 for a case outside the caller's subtree.
   */
  async report(ctx: Ctx, id: string, version: number, body: ReportPetitionBody): Promise<Petition> {
    const { actor } = ctx
    const handles =
      actor.type === 'client'
        ? !actor.cityWide
        : actor.roles.includes('unit') || actor.roles.includes('lead_unit')
    if (!handles) throw forbidden('The handling unit reports on its case')
    return this.db.transaction(async (tx) => {
      if (!(await repo.findById(tx, id, petitionScope(actor)))) throw notFound('Petition')
      const before = await lockCase(tx, id, version)
      if (!REPORTABLE.includes(before.status))
        throw new AppError('conflict', `A ${before.status} case cannot be reported on`)
      const fileIds = body.fileIds ?? []
      await attachableFiles(tx, actor, fileIds, '/fileIds')
      const { fileIds: _f, ...handling } = body
      await repo.update(tx, id, {
        ...handling,
        status: 'submitted',
        // The unit's own report replaces a handling imported from a disclosure table.
        handlingImportFileId: null,
        reportedAt: new Date(),
        reportedBy: actor.id,
        reportedByName: await actorName(tx, actor),
      })
      const owner = { ownerType: 'petition', ownerId: id, problemId: null }
      const attached = await attachFiles(tx, fileIds, owner)
      const after = (await repo.findById(tx, id, undefined))!
      await emitEvent(tx, {
        type: 'petition.reported',
        entityType: 'petition',
        entityId: id,
        unitId: after.handlingUnitId,
        data: { petitionId: id, receiptNo: after.receiptNo, finding: after.finding },
      })
      await recordAudit(
        tx,
        ctx,
        {
          action: 'petition.reported',
          entityType: 'petition',
          entityId: id,
          unitId: after.handlingUnitId,
          before: auditView(before),
          after: { ...auditView(after), fileIds },
        },
        ...attached,
      )
      return toPetition(tx, after, actor, shanghaiDate())
    })
  }

  /** The office's review of a submitted report: close, partly close, or return with a reason. */
  async review(ctx: Ctx, id: string, version: number, body: ReviewPetitionBody): Promise<Petition> {
    office(ctx, 'Reviewing a report')
    if (body.decision === 'return' && !body.reason)
      throw invalid('/reason', 'is required to return a report')
    return this.db.transaction(async (tx) => {
      const before = await lockCase(tx, id, version)
      if (before.status !== 'submitted')
        throw new AppError('conflict', `A ${before.status} case has no report to review`)
      const at = new Date()
      const set =
        body.decision === 'close'
          ? { status: 'closed', closedAt: at, returnReason: null }
          : body.decision === 'partly_close'
            ? { status: 'partly_closed', closedAt: null, returnReason: null }
            : { status: 'handling', returnReason: body.reason! }
      await repo.update(tx, id, set)
      const after = (await repo.findById(tx, id, undefined))!
      if (body.decision === 'close')
        await emitEvent(tx, {
          type: 'petition.closed',
          entityType: 'petition',
          entityId: id,
          unitId: after.handlingUnitId,
          data: { petitionId: id, receiptNo: after.receiptNo, finding: after.finding },
        })
      if (body.decision === 'return' && after.handlingUnitId)
        await notifyUnit(tx, after.handlingUnitId, {
          kind: 'petition',
          title: `信访件 ${after.receiptNo} 办理情况被退回`,
          body: body.reason!,
          link: `/petitions/${id}`,
          entityType: 'petition',
          entityId: id,
        })
      await auditCase(tx, ctx, `petition.review_${body.decision}`, before, after, {
        reason: body.reason ?? null,
      })
      return toPetition(tx, after, ctx.actor, shanghaiDate())
    })
  }

  /** The call-back (回访), once the office has reviewed the case. */
  async callback(
    ctx: Ctx,
    id: string,
    version: number,
    body: PetitionCallbackBody,
  ): Promise<Petition> {
    office(ctx, 'The call-back')
    if (body.on > shanghaiDate()) throw invalid('/on', 'is in the future')
    return this.db.transaction(async (tx) => {
      const before = await lockCase(tx, id, version)
      if (!REVIEWED.includes(before.status))
        throw new AppError('conflict', 'Call back once the office has reviewed the case')
      await repo.update(tx, id, {
        callback: { satisfaction: body.satisfaction, note: body.note ?? '', on: body.on },
      })
      const after = (await repo.findById(tx, id, undefined))!
      await auditCase(tx, ctx, 'petition.called_back', before, after)
      return toPetition(tx, after, ctx.actor, shanghaiDate())
    })
  }

  /**
   * Links the case to an existing problem, or opens one (source `petition`, code 信访件
   * <receipt number>) through the ledger's createIn in the same transaction.
   */
  async problem(
    ctx: Ctx,
    id: string,
    version: number,
    body: PetitionProblemBody,
  ): Promise<Petition> {
    office(ctx, 'Linking a problem')
    return this.db.transaction(async (tx) => {
      const current = await repo.findById(tx, id, undefined)
      if (!current) throw notFound('Petition')
      let problemId: string
      if ('problemId' in body) {
        if (!(await lockProblem(tx, body.problemId))) throw invalid('/problemId', 'no such problem')
        problemId = body.problemId
      } else {
        problemId = await this.open(tx, ctx, current, body.open)
      }
      const before = await lockCase(tx, id, version)
      await repo.update(tx, id, { problemId })
      const after = (await repo.findById(tx, id, undefined))!
      await auditCase(tx, ctx, 'petition.problem_linked', before, after, {
        opened: !('problemId' in body),
      })
      return toPetition(tx, after, ctx.actor, shanghaiDate())
    })
  }

  private async open(
    tx: DbOrTx,
    ctx: Ctx,
    c: CaseRow,
    o: Extract<PetitionProblemBody, { open: unknown }>['open'],
  ): Promise<string> {
    const batch = (await repo.findBatch(tx, c.batchId))!
    const problem = await this.problems.createIn(tx, ctx, {
      roundId: batch.roundId,
      code: `信访件 ${c.receiptNo}`,
      title: o.title,
      description: c.complaint,
      source: 'petition',
      nature: 'individual',
      domain: o.domain ?? (c.domains[0] as never) ?? 'other',
      regionId: o.regionId ?? c.regionIds[0] ?? null,
      mode: 'time_bound',
      deadline: o.deadline,
      leadUnitId: o.leadUnitId,
    })
    return problem.id
  }
}
