/** The problem list in and out of Excel: import into a round, its template, the ledger export. */
import type { ExportProblemsQuery, ProblemImportBody, ProblemImportReport } from '@rectify/schemas'
import { downloadNamed, postForFile, request, toSearch, type NamedBlob, type Query } from './http'

/**
 * `POST /rounds/:id/problem-import`: a dry run (default) or the commit. A refused commit (an
 * error in some cell) is a 422 ApiError; the dry run shows the same errors first.
 */
export function importProblems(
  roundId: string,
  body: ProblemImportBody,
): Promise<ProblemImportReport> {
  return request<ProblemImportReport>(`/rounds/${encodeURIComponent(roundId)}/problem-import`, {
    method: 'POST',
    body,
  })
}

/** `GET /problems/import-template`: the task-table template with examples. */
export function downloadProblemTemplate(): Promise<NamedBlob> {
  return downloadNamed('/problems/import-template')
}

/** `GET /exports/problems`: the ledger (台账) with the list's filters, scoped like the list. */
export function downloadLedger(query: ExportProblemsQuery): Promise<NamedBlob> {
  return downloadNamed(`/exports/problems${toSearch(query as Query)}`)
}

/**
 * `POST /rounds/:id/problem-import/errors`: the uploaded table with the dry run's errors and
 * warnings marked in their cells (fill and 批注), as .xlsx (原文件名-错误标注.xlsx).
 */
export function downloadProblemImportErrors(
  roundId: string,
  body: ProblemImportBody,
): Promise<NamedBlob> {
  return postForFile(`/rounds/${encodeURIComponent(roundId)}/problem-import/errors`, body)
}
