/** i18n keys and tag colours of webhook values (event types carry dots, which vue-i18n reads as paths). */
import type { WebhookDeliveryStatus, WebhookSubscription } from '@rectify/schemas'

/** The message key naming an event type (`problem.status_changed` → `…events.problem_status_changed`). */
export function eventKey(type: string): string {
  return `webhooks.events.${type.replace(/\./g, '_')}`
}

/** Element Plus tag type of a delivery status. */
export function deliveryTagType(
  status: WebhookDeliveryStatus,
): 'success' | 'info' | 'warning' | 'danger' {
  if (status === 'succeeded') return 'success'
  if (status === 'pending') return 'info'
  return status === 'dead' ? 'danger' : 'warning'
}

/** A subscription's state: paused overrides active. */
export function subscriptionState(s: WebhookSubscription): 'paused' | 'active' | 'inactive' {
  if (s.pausedAt) return 'paused'
  return s.active ? 'active' : 'inactive'
}

/**
 * Who registered a subscription, as a message key and its values: the administrator, or an API
 * client (`webhooks:manage`) by its name — its id while the names are not loaded.
 */
export function ownerMessage(
  s: Pick<WebhookSubscription, 'clientId'>,
  clientNames: ReadonlyMap<string, string>,
): { key: string; values: Record<string, string> } {
  if (!s.clientId) return { key: 'webhooks.ownerAdmin', values: {} }
  return {
    key: 'webhooks.ownerClient',
    values: { name: clientNames.get(s.clientId) ?? s.clientId },
  }
}
