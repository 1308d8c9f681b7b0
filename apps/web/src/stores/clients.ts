/** API clients of connected government systems, managed by the administrator. */
import type {
  ApiClient,
  ApiClientWithSecret,
  CreateApiClientBody,
  UpdateApiClientBody,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import * as clientsApi from '@/api/clients'
import { useCursorList } from '@/composables/useCursorList'

export const useClientsStore = defineStore('clients', () => {
  const list = useCursorList<ApiClient>((cursor) => clientsApi.listClients({ limit: 100, cursor }))

  function get(id: string): Promise<ApiClient> {
    return clientsApi.getClient(id)
  }

  /** Creates a client; the answer carries its secret, which is never shown again. */
  async function create(body: CreateApiClientBody): Promise<ApiClientWithSecret> {
    const created = await clientsApi.createClient(body)
    void list.reload()
    return created
  }

  async function update(
    client: Pick<ApiClient, 'id' | 'version'>,
    body: UpdateApiClientBody,
  ): Promise<ApiClient> {
    const next = await clientsApi.updateClient(client.id, client.version, body)
    list.replace((row) => row.id === next.id, next)
    return next
  }

  /** Issues a new secret; the old one stops working at once. */
  async function rotateSecret(id: string): Promise<ApiClientWithSecret> {
    const rotated = await clientsApi.rotateClientSecret(id)
    list.replace((row) => row.id === id, rotated.client)
    return rotated
  }

  return {
    items: list.items,
    total: list.total,
    hasMore: list.hasMore,
    loading: list.loading,
    error: list.error,
    reload: list.reload,
    loadMore: list.loadMore,
    get,
    create,
    update,
    rotateSecret,
  }
})
