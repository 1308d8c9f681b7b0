/** Webhook subscriptions (`/webhooks`) and their delivery log: the admin's; auditors read. */
import type {
  CreateWebhookBody,
  ListWebhookDeliveriesQuery,
  ListWebhooksQuery,
  UpdateWebhookBody,
} from '@rectify/schemas'
import { api, ifMatch, ok } from './http'

const byId = (id: string) => ({ path: { id } })
const versioned = (id: string, version: number) => ({ path: { id }, header: ifMatch(version) })

/** `GET /webhooks`. */
export async function listWebhooks(query: ListWebhooksQuery = {}) {
  return ok(await api.GET('/api/v1/webhooks', { params: { query } }))
}

/** `POST /webhooks`: a generic JSON subscription's answer carries its secret, shown once only. */
export async function createWebhook(body: CreateWebhookBody) {
  return ok(await api.POST('/api/v1/webhooks', { body }))
}

/** `GET /webhooks/:id`. */
export async function getWebhook(id: string) {
  return ok(await api.GET('/api/v1/webhooks/{id}', { params: byId(id) }))
}

/** `PATCH /webhooks/:id` with `If-Match: version`. */
export async function updateWebhook(id: string, version: number, body: UpdateWebhookBody) {
  return ok(await api.PATCH('/api/v1/webhooks/{id}', { params: versioned(id, version), body }))
}

/** `DELETE /webhooks/:id` with `If-Match: version`: deliveries stop; the record stays for the audit. */
export async function deleteWebhook(id: string, version: number): Promise<void> {
  await api.DELETE('/api/v1/webhooks/{id}', { params: versioned(id, version) })
}

/** `POST /webhooks/:id/secret`: a new signing secret (generic JSON); the old one stops at once. */
export async function rotateWebhookSecret(id: string) {
  return ok(await api.POST('/api/v1/webhooks/{id}/secret', { params: byId(id) }))
}

/** `POST /webhooks/:id/resume` with `If-Match: version`: lifts a pause. */
export async function resumeWebhook(id: string, version: number) {
  return ok(await api.POST('/api/v1/webhooks/{id}/resume', { params: versioned(id, version) }))
}

/** `POST /webhooks/:id/test`: queues a `webhook.test` delivery now. */
export async function testWebhook(id: string) {
  return ok(await api.POST('/api/v1/webhooks/{id}/test', { params: byId(id) }))
}

/** `GET /webhooks/:id/deliveries`: the delivery log, newest first. */
export async function listWebhookDeliveries(id: string, query: ListWebhookDeliveriesQuery = {}) {
  return ok(await api.GET('/api/v1/webhooks/{id}/deliveries', { params: { ...byId(id), query } }))
}
