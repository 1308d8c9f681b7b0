/** Monthly progress tables (整改进展情况表) into a dispatch period, and their template. */
import type { ProblemDetails, ProgressImportBody, ProgressImportReport } from '@rectify/schemas'
import { ApiError, api, named, ok, withoutIdempotencyKey, type NamedBlob } from './http'

const byPeriod = (id: string) => ({ path: { id } })

/**
 * `POST /dispatch-periods/:id/progress-import`: a dry run (default) or the commit. A refused
 * commit (an error in some row) is a 422 ApiError carrying the report (see refusedProgressReport).
 */
export async function importProgress(periodId: string, body: ProgressImportBody) {
  return ok(
    await api.POST('/api/v1/dispatch-periods/{id}/progress-import', {
      params: byPeriod(periodId),
      body,
    }),
  )
}

/** The report inside a refused commit (422), or null for any other failure. */
export function refusedProgressReport(error: unknown): ProgressImportReport | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null
  return (error.problem as ProblemDetails & { report?: ProgressImportReport }).report ?? null
}

/** `GET /reports/import-template`: the progress-table template with examples. */
export async function downloadProgressTemplate(): Promise<NamedBlob> {
  return named(await api.GET('/api/v1/reports/import-template', { parseAs: 'blob' }))
}

/**
 * `POST /dispatch-periods/:id/progress-import/errors`: the uploaded table with the dry run's
 * errors and warnings marked in their cells (fill and 批注), as .xlsx. It writes nothing: no
 * Idempotency-Key.
 */
export async function downloadProgressImportErrors(
  periodId: string,
  body: ProgressImportBody,
): Promise<NamedBlob> {
  return named(
    await api.POST('/api/v1/dispatch-periods/{id}/progress-import/errors', {
      params: byPeriod(periodId),
      body,
      parseAs: 'blob',
      ...withoutIdempotencyKey,
    }),
  )
}
