/**
 * The .xlsx import of a batch's petition cases (交办信访件) and its template. The sheet is
 * uploaded first through api/files.ts (with progress), then checked (dry run) and committed here.
 */
import type { PetitionImportBody, PetitionImportReport, ProblemDetails } from '@rectify/schemas'
import { ApiError, downloadNamed, postForFile, request, type NamedBlob } from './http'

/**
 * `POST /petition-batches/:id/import`: the dry run (default) answers the report and writes
 * nothing; with `dryRun: false` every row is written in one transaction, or none.
 */
export function importPetitions(
  batchId: string,
  body: PetitionImportBody,
): Promise<PetitionImportReport> {
  return request<PetitionImportReport>(`/petition-batches/${encodeURIComponent(batchId)}/import`, {
    method: 'POST',
    body,
  })
}

/** The report a refused commit (422 problem+json) carries, or null for any other failure. */
export function refusedReport(error: unknown): PetitionImportReport | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null
  const report = (error.problem as ProblemDetails & { report?: PetitionImportReport }).report
  return report ?? null
}

/** `GET /petitions/import-template`: the .xlsx to fill in, under the name the server gives it. */
export function downloadImportTemplate(): Promise<NamedBlob> {
  return downloadNamed('/petitions/import-template')
}

/**
 * `POST /petition-batches/:id/import/errors`: the uploaded table with the dry run's errors
 * marked in their cells (fill and 批注), as .xlsx.
 */
export function downloadImportErrors(
  batchId: string,
  body: PetitionImportBody,
): Promise<NamedBlob> {
  return postForFile(`/petition-batches/${encodeURIComponent(batchId)}/import/errors`, body)
}
