/**
 * The .xlsx import of a batch's petition cases (交办信访件) and its template. The sheet is
 * uploaded first through api/files.ts (with progress), then checked (dry run) and committed here.
 */
import type { PetitionImportBody, PetitionImportReport, ProblemDetails } from '@rectify/schemas'
import { ApiError, api, named, ok, withoutIdempotencyKey, type NamedBlob } from './http'

const byBatch = (id: string) => ({ path: { id } })

/**
 * `POST /petition-batches/:id/import`: the dry run (default) answers the report and writes
 * nothing; with `dryRun: false` every row is written in one transaction, or none.
 */
export async function importPetitions(batchId: string, body: PetitionImportBody) {
  return ok(
    await api.POST('/api/v1/petition-batches/{id}/import', { params: byBatch(batchId), body }),
  )
}

/** The report a refused commit (422 problem+json) carries, or null for any other failure. */
export function refusedReport(error: unknown): PetitionImportReport | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null
  const report = (error.problem as ProblemDetails & { report?: PetitionImportReport }).report
  return report ?? null
}

/** `GET /petitions/import-template`: the .xlsx to fill in, under the name the server gives it. */
export async function downloadImportTemplate(): Promise<NamedBlob> {
  return named(await api.GET('/api/v1/petitions/import-template', { parseAs: 'blob' }))
}

/**
 * `POST /petition-batches/:id/import/errors`: the uploaded table with the dry run's errors
 * marked in their cells (fill and 批注), as .xlsx. It writes nothing: no Idempotency-Key.
 */
export async function downloadImportErrors(
  batchId: string,
  body: PetitionImportBody,
): Promise<NamedBlob> {
  return named(
    await api.POST('/api/v1/petition-batches/{id}/import/errors', {
      params: byBatch(batchId),
      body,
      parseAs: 'blob',
      ...withoutIdempotencyKey,
    }),
  )
}
