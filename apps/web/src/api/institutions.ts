/**
 * Institutions (建章立制): the registry list, one institution, recording and correcting (the
 * office, or a lead unit for its own subtree; If-Match), and the public board's list.
 */
import type {
  CreateInstitutionBody,
  Institution,
  InstitutionPage,
  ListInstitutionsQuery,
  PublicInstitution,
  UpdateInstitutionBody,
} from '@rectify/schemas'
import { request } from './http'

const path = (id: string) => `/institutions/${encodeURIComponent(id)}`

/** `GET /institutions`: newest issued first; a unit sees its own, public and linked ones. */
export function listInstitutions(query: ListInstitutionsQuery = {}): Promise<InstitutionPage> {
  return request<InstitutionPage>('/institutions', { query })
}

/** `GET /institutions/:id`. */
export function getInstitution(id: string): Promise<Institution> {
  return request<Institution>(path(id))
}

/** `POST /institutions`. */
export function createInstitution(body: CreateInstitutionBody): Promise<Institution> {
  return request<Institution>('/institutions', { method: 'POST', body })
}

/** `PATCH /institutions/:id` with `If-Match`; `problemIds` replaces the links, `fileIds` adds. */
export function updateInstitution(
  id: string,
  version: number,
  body: UpdateInstitutionBody,
): Promise<Institution> {
  return request<Institution>(path(id), { method: 'PATCH', body, version })
}

/** `GET /public/institutions` (no login, no bearer token): those marked public. */
export function listPublicInstitutions(): Promise<{ items: PublicInstitution[] }> {
  return request('/public/institutions', { auth: false, idempotent: false })
}
