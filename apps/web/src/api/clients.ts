/** API clients (`/clients`): other government systems calling Rectify with client credentials. */
import type {
  CreateApiClientBody,
  ListApiClientsQuery,
  UpdateApiClientBody,
} from '@rectify/schemas'
import { api, ifMatch, ok } from './http'

const byId = (id: string) => ({ path: { id } })

/** `GET /clients`. */
export async function listClients(query: ListApiClientsQuery = {}) {
  return ok(await api.GET('/api/v1/clients', { params: { query } }))
}

/** `POST /clients`: the answer carries the secret, shown this once only. */
export async function createClient(body: CreateApiClientBody) {
  return ok(await api.POST('/api/v1/clients', { body }))
}

/** `GET /clients/:id`. */
export async function getClient(id: string) {
  return ok(await api.GET('/api/v1/clients/{id}', { params: byId(id) }))
}

/** `PATCH /clients/:id` with `If-Match: version`: name, scopes or active. */
export async function updateClient(id: string, version: number, body: UpdateApiClientBody) {
  return ok(
    await api.PATCH('/api/v1/clients/{id}', {
      params: { ...byId(id), header: ifMatch(version) },
      body,
    }),
  )
}

/** `POST /clients/:id/secret`: issues a new secret; the old one stops working at once. */
export async function rotateClientSecret(id: string) {
  return ok(await api.POST('/api/v1/clients/{id}/secret', { params: byId(id) }))
}
