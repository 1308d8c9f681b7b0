import type { DbOrTx } from '../../db/client.js'
import { shanghaiDate } from '../../lib/dates.js'
import type { AuditEvent } from '../audit/index.js'
import {
  moveMeasureProgress,
  planFacts,
  setReportedProgress,
  type PlanProblem,
} from '../measures/index.js'
import {
  measurePlanned,
  measuresReported,
  problemPlanned,
  type LightSettings,
} from '../problems/index.js'
import { refreshDerived } from '../problems/index.js'
import type { ReportRow } from './reports.repository.js'

export type Rating = 'on_schedule' | 'behind'

/**
 * What accepting a report changes, inside the review's transaction: the measure reported on
 * takes the report's percent (done, with today's date, at 100) and the problem's reported
 * progress becomes the weighted mean over its measures; a report on the whole problem sets the
 * problem's reported progress to its percent; a
 * long-term problem's period is rated (the reviewer's rating, else behind when the percent
 * trails planned progress by more than the tolerance); then planned progress and the light are
 * recomputed. Returns the audit events for the caller to record last.
 */
export async function applyAcceptance(
  tx: DbOrTx,
  report: ReportRow,
  problem: PlanProblem,
  chosen: Rating | undefined,
  settings: LightSettings,
): Promise<{ events: AuditEvent[]; rating: Rating | null }> {
  const problemId = problem.id
  const events: AuditEvent[] = []
  let rating: Rating | null = null
  const today = shanghaiDate()
  if (report.measureId) {
    const { before: m, set } = await moveMeasureProgress(
      tx,
      report.measureId,
      report.percent,
      today,
    )
    events.push({
      action: 'measure.progress_updated',
      entityType: 'measure',
      entityId: m.id,
      unitId: m.unitId,
      before: {
        percent: m.percent,
        status: m.status,
        doneDate: m.doneDate,
        problemId,
        reportId: report.id,
      },
      after: { ...set, problemId, reportId: report.id },
    })
  }
  const facts = await planFacts(tx, problemId)
  // Reported progress is the latest accepted report: a report on the whole problem states it
  // directly; a report on one measure moves that measure, and the problem follows its measures.
  const reported = report.measureId ? (measuresReported(facts) ?? report.percent) : report.percent
  await setReportedProgress(tx, problemId, reported)
  events.push({
    action: 'problem.progress_updated',
    entityType: 'problem',
    entityId: problemId,
    unitId: problem.leadUnitId,
    before: { reportedProgress: problem.reportedProgress, problemId },
    after: { reportedProgress: reported, problemId, reportId: report.id },
  })
  if (problem.mode === 'long_term') {
    const measure = report.measureId ? facts.find((f) => f.id === report.measureId) : undefined
    const planned = measure
      ? measurePlanned(measure, today)
      : problemPlanned(
          {
            status: 'in_progress',
            deadline: problem.deadline,
            reportedProgress: reported,
            measures: facts,
          },
          today,
        )
    rating = chosen ?? (report.percent < planned - settings.tolerance ? 'behind' : 'on_schedule')
  }
  await refreshDerived(tx, [problemId], today, settings)
  return { events, rating }
}
