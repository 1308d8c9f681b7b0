import type { WebhookEventData, WebhookEventType } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { events } from '../../db/schema/index.js'
import { insertJsonStatements } from '../../lib/bulk-insert.js'
import { send } from '../../lib/commit-hooks.js'
import { uuidv7 } from '../../lib/ids.js'

/**
 * An event type other systems can subscribe to: one of the contract's one list,
 * WEBHOOK_EVENT_TYPES in @rectify/schemas (the webhook schemas and OpenAPI read it too).
 */
export type EventType = WebhookEventType

interface EventOf<T extends EventType> {
  type: T
  entityType: string
  entityId?: string | null
  /** The unit the event concerns: unit-scoped subscribers only get their subtree's events. */
  unitId?: string | null
  /** Set when the event is about what one API client sent: only its subscriptions get it. */
  clientId?: string | null
  /**
   * What subscribers receive, exactly as the contract describes it (WEBHOOK_EVENT_DATA in
   * @rectify/schemas, the OpenAPI `webhooks` section); never secrets, never persons' contacts.
   */
  data: WebhookEventData<T>
}

/** An event of any type, its data typed by its type. */
export type DomainEvent = { [T in EventType]: EventOf<T> }[EventType]

/**
 * Records domain events in the outbox, in the caller's transaction: they exist exactly when the
 * change they describe was committed. The webhook dispatcher (modules/webhooks) fans them out.
 */
export async function emitEvent(tx: DbOrTx, ...list: DomainEvent[]): Promise<void> {
  if (!list.length) return
  // As JSON in chunks (lib/bulk-insert.ts): an import may emit an event for thousands of rows.
  const statements = insertJsonStatements(
    events,
    list.map((e) => ({
      id: uuidv7(),
      type: e.type,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      unitId: e.unitId ?? null,
      clientId: e.clientId ?? null,
      data: e.data,
    })),
  )
  // Nobody reads the outbox in the writing transaction: each insert is sent, and its answer
  // awaited with COMMIT's (lib/commit-hooks.ts send).
  for (const statement of statements) await send(tx, tx.execute(statement))
}
