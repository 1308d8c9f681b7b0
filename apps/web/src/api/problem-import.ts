/** The problem list in and out of Excel: import into a round, its template, the ledger export. */
import type { ExportProblemsQuery, ProblemImportBody } from '@rectify/schemas'
import { api, named, ok, withoutIdempotencyKey, type NamedBlob } from './http'

const byRound = (id: string) => ({ path: { id } })

/**
 * `POST /rounds/:id/problem-import`: a dry run (default) or the commit. A refused commit (an
 * error in some cell) is a 422 ApiError; the dry run shows the same errors first.
 */
export async function importProblems(roundId: string, body: ProblemImportBody) {
  return ok(
    await api.POST('/api/v1/rounds/{id}/problem-import', { params: byRound(roundId), body }),
  )
}

/** `GET /problems/import-template`: the task-table template with examples. */
export async function downloadProblemTemplate(): Promise<NamedBlob> {
  return named(await api.GET('/api/v1/problems/import-template', { parseAs: 'blob' }))
}

/** `GET /exports/problems`: the ledger (台账) with the list's filters, scoped like the list. */
export async function downloadLedger(query: ExportProblemsQuery): Promise<NamedBlob> {
  return named(await api.GET('/api/v1/exports/problems', { params: { query }, parseAs: 'blob' }))
}

/**
 * `POST /rounds/:id/problem-import/errors`: the uploaded table with the dry run's errors and
 * warnings marked in their cells (fill and 批注), as .xlsx (原文件名-错误标注.xlsx). It writes
 * nothing, so it carries no Idempotency-Key.
 */
export async function downloadProblemImportErrors(
  roundId: string,
  body: ProblemImportBody,
): Promise<NamedBlob> {
  return named(
    await api.POST('/api/v1/rounds/{id}/problem-import/errors', {
      params: byRound(roundId),
      body,
      parseAs: 'blob',
      ...withoutIdempotencyKey,
    }),
  )
}
