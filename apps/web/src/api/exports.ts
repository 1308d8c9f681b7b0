/**
 * Streamed .xlsx exports and the dispatch bulletin (调度通报): one typed function per endpoint.
 * Every export is scoped and audited by the server like the list it mirrors.
 */
import type {
  Bulletin,
  ExportAccountabilityQuery,
  ExportMeasuresQuery,
  ExportPetitionsQuery,
  ExportReportsQuery,
  UpdateBulletinBody,
} from '@rectify/schemas'
import { downloadNamed, request, toSearch, type NamedBlob } from './http'

/** What each export endpoint takes as its query. */
export interface ExportQueries {
  measures: ExportMeasuresQuery
  reports: ExportReportsQuery
  petitions: ExportPetitionsQuery
  accountability: ExportAccountabilityQuery
}
export type ExportName = keyof ExportQueries

/** `GET /exports/{name}`: the .xlsx with the name the server gave it (整改措施台账-….xlsx). */
export function downloadExport<N extends ExportName>(
  name: N,
  query: ExportQueries[N],
  signal?: AbortSignal,
): Promise<NamedBlob> {
  return downloadNamed(`/exports/${name}${toSearch({ ...query })}`, signal)
}

const bulletinPath = (periodId: string) =>
  `/dispatch-periods/${encodeURIComponent(periodId)}/bulletin`

/** `GET /dispatch-periods/:id/bulletin`: the requirements and the summary sentence. */
export function getBulletin(periodId: string): Promise<Bulletin> {
  return request<Bulletin>(bulletinPath(periodId))
}

/** `PATCH /dispatch-periods/:id/bulletin` with `If-Match` (the office). */
export function updateBulletin(
  periodId: string,
  version: number,
  body: UpdateBulletinBody,
): Promise<Bulletin> {
  return request<Bulletin>(bulletinPath(periodId), { method: 'PATCH', body, version })
}

/** `GET /dispatch-periods/:id/bulletin/document`: the bulletin as a Word document. */
export function downloadBulletin(periodId: string, signal?: AbortSignal): Promise<NamedBlob> {
  return downloadNamed(`${bulletinPath(periodId)}/document`, signal)
}
