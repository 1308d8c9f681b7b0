/** API clients (`/clients`): other government systems calling Rectify with client credentials. */
import type {
  ApiClient,
  ApiClientPage,
  ApiClientWithSecret,
  CreateApiClientBody,
  ListApiClientsQuery,
  UpdateApiClientBody,
} from '@rectify/schemas'
import { request } from './http'

/** `GET /clients`. */
export function listClients(query: ListApiClientsQuery = {}): Promise<ApiClientPage> {
  return request<ApiClientPage>('/clients', { query })
}

/** `POST /clients`: the answer carries the secret, shown this once only. */
export function createClient(body: CreateApiClientBody): Promise<ApiClientWithSecret> {
  return request<ApiClientWithSecret>('/clients', { method: 'POST', body })
}

/** `GET /clients/:id`. */
export function getClient(id: string): Promise<ApiClient> {
  return request<ApiClient>(`/clients/${encodeURIComponent(id)}`)
}

/** `PATCH /clients/:id` with `If-Match: version`: name, scopes or active. */
export function updateClient(
  id: string,
  version: number,
  body: UpdateApiClientBody,
): Promise<ApiClient> {
  return request<ApiClient>(`/clients/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
    version,
  })
}

/** `POST /clients/:id/secret`: issues a new secret; the old one stops working at once. */
export function rotateClientSecret(id: string): Promise<ApiClientWithSecret> {
  return request<ApiClientWithSecret>(`/clients/${encodeURIComponent(id)}/secret`, {
    method: 'POST',
  })
}
