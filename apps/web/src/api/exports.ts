/**
 * Streamed .xlsx exports and the dispatch bulletin (调度通报): one function per endpoint.
 * Every export is scoped and audited by the server like the list it mirrors.
 */
import type {
  ExportAccountabilityQuery,
  ExportMeasuresQuery,
  ExportPetitionsQuery,
  ExportReportsQuery,
  UpdateBulletinBody,
} from '@rectify/schemas'
import { api, ifMatch, named, ok, type NamedBlob } from './http'

/** What each export endpoint takes as its query. */
export interface ExportQueries {
  measures: ExportMeasuresQuery
  reports: ExportReportsQuery
  petitions: ExportPetitionsQuery
  accountability: ExportAccountabilityQuery
}
export type ExportName = keyof ExportQueries

type Exporter<N extends ExportName> = (
  query: ExportQueries[N],
  signal?: AbortSignal,
) => Promise<NamedBlob>

const exporters: { [N in ExportName]: Exporter<N> } = {
  measures: async (query, signal) =>
    named(
      await api.GET('/api/v1/exports/measures', { params: { query }, parseAs: 'blob', signal }),
    ),
  reports: async (query, signal) =>
    named(await api.GET('/api/v1/exports/reports', { params: { query }, parseAs: 'blob', signal })),
  petitions: async (query, signal) =>
    named(
      await api.GET('/api/v1/exports/petitions', { params: { query }, parseAs: 'blob', signal }),
    ),
  accountability: async (query, signal) =>
    named(
      await api.GET('/api/v1/exports/accountability', {
        params: { query },
        parseAs: 'blob',
        signal,
      }),
    ),
}

/** `GET /exports/{name}`: the .xlsx with the name the server gave it (整改措施台账-….xlsx). */
export function downloadExport<N extends ExportName>(
  name: N,
  query: ExportQueries[N],
  signal?: AbortSignal,
): Promise<NamedBlob> {
  const exporter: Exporter<N> = exporters[name]
  return exporter(query, signal)
}

const byPeriod = (id: string) => ({ path: { id } })

/** `GET /dispatch-periods/:id/bulletin`: the requirements and the summary sentence. */
export async function getBulletin(periodId: string) {
  return ok(await api.GET('/api/v1/dispatch-periods/{id}/bulletin', { params: byPeriod(periodId) }))
}

/** `PATCH /dispatch-periods/:id/bulletin` with `If-Match` (the office). */
export async function updateBulletin(periodId: string, version: number, body: UpdateBulletinBody) {
  return ok(
    await api.PATCH('/api/v1/dispatch-periods/{id}/bulletin', {
      params: { ...byPeriod(periodId), header: ifMatch(version) },
      body,
    }),
  )
}

/** `GET /dispatch-periods/:id/bulletin/document`: the bulletin as a Word document. */
export async function downloadBulletin(periodId: string, signal?: AbortSignal): Promise<NamedBlob> {
  return named(
    await api.GET('/api/v1/dispatch-periods/{id}/bulletin/document', {
      params: byPeriod(periodId),
      parseAs: 'blob',
      signal,
    }),
  )
}
