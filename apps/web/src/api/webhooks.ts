/** Webhook subscriptions (`/webhooks`) and their delivery log: the admin's; auditors read. */
import type {
  CreateWebhookBody,
  ListWebhookDeliveriesQuery,
  ListWebhooksQuery,
  UpdateWebhookBody,
  WebhookDeliveryPage,
  WebhookPage,
  WebhookSubscription,
  WebhookTestResult,
  WebhookWithSecret,
} from '@rectify/schemas'
import { request } from './http'

const path = (id: string) => `/webhooks/${encodeURIComponent(id)}`

/** `GET /webhooks`. */
export function listWebhooks(query: ListWebhooksQuery = {}): Promise<WebhookPage> {
  return request<WebhookPage>('/webhooks', { query })
}

/** `POST /webhooks`: a generic JSON subscription's answer carries its secret, shown once only. */
export function createWebhook(body: CreateWebhookBody): Promise<WebhookWithSecret> {
  return request<WebhookWithSecret>('/webhooks', { method: 'POST', body })
}

/** `GET /webhooks/:id`. */
export function getWebhook(id: string): Promise<WebhookSubscription> {
  return request<WebhookSubscription>(path(id))
}

/** `PATCH /webhooks/:id` with `If-Match: version`. */
export function updateWebhook(
  id: string,
  version: number,
  body: UpdateWebhookBody,
): Promise<WebhookSubscription> {
  return request<WebhookSubscription>(path(id), { method: 'PATCH', body, version })
}

/** `DELETE /webhooks/:id` with `If-Match: version`: deliveries stop; the record stays for the audit. */
export function deleteWebhook(id: string, version: number): Promise<void> {
  return request<void>(path(id), { method: 'DELETE', version })
}

/** `POST /webhooks/:id/secret`: a new signing secret (generic JSON); the old one stops at once. */
export function rotateWebhookSecret(id: string): Promise<WebhookWithSecret> {
  return request<WebhookWithSecret>(`${path(id)}/secret`, { method: 'POST' })
}

/** `POST /webhooks/:id/resume` with `If-Match: version`: lifts a pause. */
export function resumeWebhook(id: string, version: number): Promise<WebhookSubscription> {
  return request<WebhookSubscription>(`${path(id)}/resume`, { method: 'POST', version })
}

/** `POST /webhooks/:id/test`: queues a `webhook.test` delivery now. */
export function testWebhook(id: string): Promise<WebhookTestResult> {
  return request<WebhookTestResult>(`${path(id)}/test`, { method: 'POST' })
}

/** `GET /webhooks/:id/deliveries`: the delivery log, newest first. */
export function listWebhookDeliveries(
  id: string,
  query: ListWebhookDeliveriesQuery = {},
): Promise<WebhookDeliveryPage> {
  return request<WebhookDeliveryPage>(`${path(id)}/deliveries`, { query })
}
