import type { Scope, WebhookEventType } from '@rectify/schemas'
import type { Actor } from '../../lib/context.js'

/**
 * Who owns a subscription and what it may receive. An admin's subscriptions (no client) receive
 * every event of their types. A client's (registered with `webhooks:manage`) receive only what
 * the client could read through the API: event types its scopes cover (checked when it
 * subscribes and again at every fan-out, so a scope taken away stops the deliveries), events of
 * units in its subtree when it is unit-scoped, and — for events about what one client sent, its
 * hotline tickets — only its own.
 */

/** The scope a client needs to subscribe to an event type: the scope that reads the record. */
export function eventScope(type: string): Scope {
  if (type.startsWith('petition.')) return 'petitions:read'
  if (type.startsWith('public_report.')) return 'reports:intake'
  return 'problems:read'
}

/** Event types the client's scopes do not cover (empty: it may subscribe to all of them). */
export function eventTypesOutOfScope(actor: Actor, types: readonly WebhookEventType[]): string[] {
  if (actor.type !== 'client') return []
  return types.filter((t) => !actor.scopes.includes(eventScope(t)))
}

/** The owner a subscription gets when the actor creates it; null: the admin's. */
export const ownerOf = (actor: Actor): string | null => (actor.type === 'client' ? actor.id : null)

/** An event as the fan-out sees it. */
export interface FanOutEvent {
  type: string
  clientId: string | null
  /** Materialised path of the event's unit; null when it concerns no unit. */
  unitPath: string | null
}

/** A subscription as the fan-out sees it, with its owning client (if any). */
export interface FanOutSubscription {
  eventTypes: string[]
  clientId: string | null
  client: { active: boolean; scopes: string[]; unitPath: string | null } | null
}

/** Whether an event goes to a subscription. */
export function receives(s: FanOutSubscription, e: FanOutEvent): boolean {
  if (!s.eventTypes.includes(e.type)) return false
  if (e.clientId && s.clientId && s.clientId !== e.clientId) return false
  if (!s.clientId) return true
  const c = s.client
  if (!c || !c.active || !c.scopes.includes(eventScope(e.type))) return false
  if (e.clientId === s.clientId) return true // about what this client itself sent
  if (c.unitPath && !(e.unitPath && e.unitPath.startsWith(c.unitPath))) return false
  return true
}
