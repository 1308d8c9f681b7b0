import type { CreateReportBody, ProgressReport } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { AppError, invalid, type FieldError } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { uuidv7 } from '../../lib/ids.js'
import { recordAudit } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import { findMeasure, type PlanProblem } from '../measures/index.js'
import { findUnit } from '../units/index.js'
import { reportsRepository as repo } from './reports.repository.js'
import { auditView, toReport } from './reports.view.js'
import { filesOf, lockUploads, attachFiles } from '../files/index.js'

/**
 * The one way a progress report comes into being, for the unit's own form (ReportsService.create)
 * and for the office on the unit's behalf (ReportsService.submitOnBehalfIn): the problem must be
 * in progress, a measure reported on must be the problem's and the reporter's own (the lead unit
 * may report on any), evidence must be the caller's unattached uploads; then the insert, the
 * `report.submitted` event and the audit entry, in the caller's transaction. `leads`: the
 * reporting unit leads the problem (is its lead unit or an ancestor of it). `onBehalf`: who
 * submits for `reporter` — the office (progress-table import) or an API client (`onBehalfOf`).
 */
export async function submitReport(
  tx: DbOrTx,
  ctx: Ctx,
  problem: PlanProblem,
  reporter: { id: string; path: string },
  leads: boolean,
  { body, onBehalf }: { body: CreateReportBody; onBehalf: false | 'office' | 'client' },
): Promise<ProgressReport> {
  const { actor } = ctx
  const problemId = problem.id
  if (problem.status !== 'in_progress')
    throw new AppError(
      'conflict',
      `Progress is reported while a problem is in progress (it is ${problem.status})`,
    )
  const errors: FieldError[] = []
  if (body.measureId) {
    const measure = await findMeasure(tx, body.measureId)
    const unit = measure && (await findUnit(tx, measure.unitId))
    if (!measure || measure.problemId !== problemId)
      errors.push({ path: '/measureId', message: 'is not a measure of this problem' })
    else if (!leads && !unit?.path.startsWith(reporter.path))
      errors.push({
        path: '/measureId',
        message: 'a unit reports on its own measures; the lead unit on any',
      })
  }
  const ids = body.evidenceIds ?? []
  const attachable = await lockUploads(tx, ids, actor.id!)
  ids.forEach((fid, i) => {
    if (!attachable.some((f) => f.id === fid))
      errors.push({
        path: `/evidenceIds/${i}`,
        message: 'is not a file you uploaded that is still unattached',
      })
  })
  if (errors.length) throw invalid(errors)

  const id = uuidv7()
  const row = await repo.insert(
    tx,
    {
      id,
      problemId,
      measureId: body.measureId ?? null,
      unitId: reporter.id,
      period: body.period,
      done: body.done,
      percent: body.percent,
      issues: body.issues ?? '',
      nextSteps: body.nextSteps ?? '',
      submittedBy: actor.id,
      submittedByOffice: onBehalf === 'office',
      submittedByClient: onBehalf === 'client' ? actor.id : null,
    },
    { userId: actor.type === 'user' ? actor.id : null, fallback: actor.name },
  )
  const attached = await attachFiles(tx, ids, { ownerType: 'report', ownerId: id, problemId })
  // The report as loadReport reads it: the inserted row, and the evidence just attached to it.
  const report = toReport(row, ids.length ? await filesOf(tx, 'report', [id]) : [])
  await emitEvent(tx, {
    type: 'report.submitted',
    entityType: 'report',
    entityId: id,
    unitId: reporter.id,
    data: {
      reportId: id,
      problemId,
      measureId: report.measureId,
      unit: report.unit.name,
      period: report.period,
      percent: report.percent,
      submittedOnBehalf: onBehalf !== false,
      submittedByClient: report.submittedByClient,
    },
  })
  await recordAudit(
    tx,
    ctx,
    {
      action: 'report.submitted',
      entityType: 'report',
      entityId: id,
      unitId: reporter.id,
      after: auditView(report),
    },
    ...attached,
  )
  return report
}

/** A report as the API shows it, evidence included. */
export async function loadReport(db: DbOrTx, id: string): Promise<ProgressReport> {
  const row = (await repo.findById(db, id))!
  return toReport(row, await filesOf(db, 'report', [id]))
}
