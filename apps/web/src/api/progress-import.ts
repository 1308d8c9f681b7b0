/** Monthly progress tables (整改进展情况表) into a dispatch period, and their template. */
import type { ProblemDetails, ProgressImportBody, ProgressImportReport } from '@rectify/schemas'
import { ApiError, downloadNamed, postForFile, request, type NamedBlob } from './http'

/**
 * `POST /dispatch-periods/:id/progress-import`: a dry run (default) or the commit. A refused
 * commit (an error in some row) is a 422 ApiError carrying the report (see refusedProgressReport).
 */
export function importProgress(
  periodId: string,
  body: ProgressImportBody,
): Promise<ProgressImportReport> {
  return request<ProgressImportReport>(
    `/dispatch-periods/${encodeURIComponent(periodId)}/progress-import`,
    { method: 'POST', body },
  )
}

/** The report inside a refused commit (422), or null for any other failure. */
export function refusedProgressReport(error: unknown): ProgressImportReport | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null
  return (error.problem as ProblemDetails & { report?: ProgressImportReport }).report ?? null
}

/** `GET /reports/import-template`: the progress-table template with examples. */
export function downloadProgressTemplate(): Promise<NamedBlob> {
  return downloadNamed('/reports/import-template')
}

/**
 * `POST /dispatch-periods/:id/progress-import/errors`: the uploaded table with the dry run's
 * errors and warnings marked in their cells (fill and 批注), as .xlsx.
 */
export function downloadProgressImportErrors(
  periodId: string,
  body: ProgressImportBody,
): Promise<NamedBlob> {
  return postForFile(
    `/dispatch-periods/${encodeURIComponent(periodId)}/progress-import/errors`,
    body,
  )
}
