/**
 * Accountability records (问责): the list, one record, recording and correcting (office,
 * If-Match), and counts by form for a period.
 */
import type {
  AccountabilityCounts,
  AccountabilityCountsQuery,
  AccountabilityPage,
  AccountabilityRecord,
  CreateAccountabilityBody,
  ListAccountabilityQuery,
  UpdateAccountabilityBody,
} from '@rectify/schemas'
import { request } from './http'

const path = (id: string) => `/accountability/${encodeURIComponent(id)}`

/** `GET /accountability`: latest decision first; a unit gets its own subtree's records only. */
export function listAccountability(
  query: ListAccountabilityQuery = {},
): Promise<AccountabilityPage> {
  return request<AccountabilityPage>('/accountability', { query })
}

/** `GET /accountability/:id`. */
export function getAccountability(id: string): Promise<AccountabilityRecord> {
  return request<AccountabilityRecord>(path(id))
}

/** `POST /accountability` (office). */
export function createAccountability(
  body: CreateAccountabilityBody,
): Promise<AccountabilityRecord> {
  return request<AccountabilityRecord>('/accountability', { method: 'POST', body })
}

/** `PATCH /accountability/:id` with `If-Match` (office). */
export function updateAccountability(
  id: string,
  version: number,
  body: UpdateAccountabilityBody,
): Promise<AccountabilityRecord> {
  return request<AccountabilityRecord>(path(id), { method: 'PATCH', body, version })
}

/** `GET /accountability/counts`: records by form and subject kind decided from..to. */
export function countAccountability(
  query: AccountabilityCountsQuery = {},
): Promise<AccountabilityCounts> {
  return request<AccountabilityCounts>('/accountability/counts', { query })
}
