/**
 * Accountability records (问责): the list, one record, recording and correcting (office,
 * If-Match), and counts by form for a period.
 */
import type {
  AccountabilityCountsQuery,
  CreateAccountabilityBody,
  ListAccountabilityQuery,
  UpdateAccountabilityBody,
} from '@rectify/schemas'
import { api, ifMatch, ok } from './http'

/** `GET /accountability`: latest decision first; a unit gets its own subtree's records only. */
export async function listAccountability(query: ListAccountabilityQuery = {}) {
  return ok(await api.GET('/api/v1/accountability', { params: { query } }))
}

/** `GET /accountability/:id`. */
export async function getAccountability(id: string) {
  return ok(await api.GET('/api/v1/accountability/{id}', { params: { path: { id } } }))
}

/** `POST /accountability` (office). */
export async function createAccountability(body: CreateAccountabilityBody) {
  return ok(await api.POST('/api/v1/accountability', { body }))
}

/** `PATCH /accountability/:id` with `If-Match` (office). */
export async function updateAccountability(
  id: string,
  version: number,
  body: UpdateAccountabilityBody,
) {
  return ok(
    await api.PATCH('/api/v1/accountability/{id}', {
      params: { path: { id }, header: ifMatch(version) },
      body,
    }),
  )
}

/** `GET /accountability/counts`: records by form and subject kind decided from..to. */
export async function countAccountability(query: AccountabilityCountsQuery = {}) {
  return ok(await api.GET('/api/v1/accountability/counts', { params: { query } }))
}
