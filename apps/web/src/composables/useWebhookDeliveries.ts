/** The delivery log of one webhook subscription, newest first, filtered by status. */
import type { WebhookDelivery, WebhookDeliveryStatus } from '@rectify/schemas'
import { listWebhookDeliveries } from '@/api/webhooks'
import { useCursorList } from './useCursorList'

export function useWebhookDeliveries(
  id: () => string,
  status: () => WebhookDeliveryStatus | undefined,
) {
  return useCursorList<WebhookDelivery>((cursor) =>
    listWebhookDeliveries(id(), { limit: 50, cursor, status: status() }),
  )
}
