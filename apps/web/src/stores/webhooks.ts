/** Webhook subscriptions, managed by the administrator (auditors read). */
import type {
  CreateWebhookBody,
  UpdateWebhookBody,
  WebhookSubscription,
  WebhookWithSecret,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { listClients } from '@/api/clients'
import * as webhooksApi from '@/api/webhooks'
import { useCursorList } from '@/composables/useCursorList'

export const useWebhooksStore = defineStore('webhooks', () => {
  const list = useCursorList<WebhookSubscription>((cursor) =>
    webhooksApi.listWebhooks({ limit: 100, cursor }),
  )

  function get(id: string): Promise<WebhookSubscription> {
    return webhooksApi.getWebhook(id)
  }

  /** Creates a subscription; a generic JSON one's secret comes back this once only. */
  async function create(body: CreateWebhookBody): Promise<WebhookWithSecret> {
    const created = await webhooksApi.createWebhook(body)
    void list.reload()
    return created
  }

  async function update(
    sub: Pick<WebhookSubscription, 'id' | 'version'>,
    body: UpdateWebhookBody,
  ): Promise<WebhookSubscription> {
    const next = await webhooksApi.updateWebhook(sub.id, sub.version, body)
    list.replace((row) => row.id === next.id, next)
    return next
  }

  async function rotateSecret(id: string): Promise<WebhookWithSecret> {
    const rotated = await webhooksApi.rotateWebhookSecret(id)
    list.replace((row) => row.id === id, rotated.subscription)
    return rotated
  }

  async function resume(sub: Pick<WebhookSubscription, 'id' | 'version'>) {
    const next = await webhooksApi.resumeWebhook(sub.id, sub.version)
    list.replace((row) => row.id === next.id, next)
    return next
  }

  function test(id: string) {
    return webhooksApi.testWebhook(id)
  }

  /** Deletes a subscription (If-Match its version) and drops it from the list. */
  async function remove(sub: Pick<WebhookSubscription, 'id' | 'version'>): Promise<void> {
    await webhooksApi.deleteWebhook(sub.id, sub.version)
    void list.reload()
  }

  /**
   * The names of the API clients, to say who registered a subscription (`clientId`). The
   * administrator and auditors, the only ones who see this page, may read the clients; a city
   * has a handful, so every page is read once.
   */
  const clientNames = shallowRef<ReadonlyMap<string, string>>(new Map())
  async function loadClientNames(): Promise<void> {
    const names = new Map<string, string>()
    let cursor: string | undefined
    do {
      const page = await listClients({ limit: 100, cursor })
      for (const c of page.items) names.set(c.id, c.name)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    clientNames.value = names
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
    resume,
    test,
    remove,
    clientNames,
    loadClientNames,
  }
})
