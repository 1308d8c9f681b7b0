/**
 * Institutions (建章立制): the registry list, one institution, recording and correcting (the
 * office, or a lead unit for its own subtree; If-Match), and the public board's list.
 */
import type {
  CreateInstitutionBody,
  ListInstitutionsQuery,
  UpdateInstitutionBody,
} from '@rectify/schemas'
import { anonymous, api, ifMatch, ok } from './http'

/** `GET /institutions`: newest issued first; a unit sees its own, public and linked ones. */
export async function listInstitutions(query: ListInstitutionsQuery = {}) {
  return ok(await api.GET('/api/v1/institutions', { params: { query } }))
}

/** `GET /institutions/:id`. */
export async function getInstitution(id: string) {
  return ok(await api.GET('/api/v1/institutions/{id}', { params: { path: { id } } }))
}

/** `POST /institutions`. */
export async function createInstitution(body: CreateInstitutionBody) {
  return ok(await api.POST('/api/v1/institutions', { body }))
}

/** `PATCH /institutions/:id` with `If-Match`; `problemIds` replaces the links, `fileIds` adds. */
export async function updateInstitution(id: string, version: number, body: UpdateInstitutionBody) {
  return ok(
    await api.PATCH('/api/v1/institutions/{id}', {
      params: { path: { id }, header: ifMatch(version) },
      body,
    }),
  )
}

/** `GET /public/institutions` (no login, no bearer token): those marked public. */
export async function listPublicInstitutions() {
  return ok(await anonymous.GET('/api/v1/public/institutions'))
}
