import type { ProgressReport } from '@rectify/schemas'
import type { ReportWithUnit } from './reports.repository.js'
import { toFileInfo, type FileRow } from '../files/index.js'

export function toReport(r: ReportWithUnit, evidence: FileRow[]): ProgressReport {
  const p = r.report
  return {
    id: p.id,
    problemId: p.problemId,
    measureId: p.measureId,
    unit: { id: p.unitId, code: r.unitCode, name: r.unitName },
    period: p.period,
    done: p.done,
    percent: p.percent,
    issues: p.issues,
    nextSteps: p.nextSteps,
    evidence: evidence.map(toFileInfo),
    status: p.status as ProgressReport['status'],
    reviewNote: p.reviewNote,
    reviewedAt: p.reviewedAt?.toISOString() ?? null,
    rating: p.rating as ProgressReport['rating'],
    submittedBy: p.submittedByName,
    submittedOnBehalf: p.submittedByOffice || p.submittedByClient !== null,
    submittedByClient: p.submittedByClient
      ? { id: p.submittedByClient, name: p.submittedByName ?? '' }
      : null,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
  }
}

/** What the audit log keeps of a report: the record with its problem and the evidence ids. */
export function auditView(r: ProgressReport): Record<string, unknown> {
  const { evidence, ...rest } = r
  return { ...rest, evidenceIds: evidence.map((e) => e.id) }
}
