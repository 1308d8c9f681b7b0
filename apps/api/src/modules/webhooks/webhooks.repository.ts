import { and, asc, count, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../db/client.js'
import {
  apiClients,
  events,
  units,
  webhookAttempts,
  webhookDeliveries,
  webhookSubscriptions,
} from '../../db/schema/index.js'
import { uuidv7 } from '../../lib/ids.js'
import { receives } from './webhooks.owner.js'

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect
export type DeliveryRow = typeof webhookDeliveries.$inferSelect
export type AttemptRow = typeof webhookAttempts.$inferSelect

/** What one attempt came to, as the dispatcher saw it. */
export interface AttemptOutcome {
  succeeded: boolean
  statusCode: number | null
  latencyMs: number
  error: string | null
}

/** Appends attempt number `d.attempts + 1` to the delivery's log (once: a lease lost mid-send logs nothing twice). */
function logAttempt(tx: DbOrTx, d: DueDelivery, o: AttemptOutcome, now: Date) {
  return tx
    .insert(webhookAttempts)
    .values({
      id: uuidv7(),
      deliveryId: d.id,
      attempt: d.attempts + 1,
      at: now,
      succeeded: o.succeeded,
      statusCode: o.statusCode,
      latencyMs: o.latencyMs,
      error: o.error?.slice(0, 1000) ?? null,
    })
    .onConflictDoNothing()
}

/** A claimed delivery with what sending it needs: its event and its subscription's target. */
export interface DueDelivery {
  id: string
  subscriptionId: string
  attempts: number
  format: string
  url: string
  secret: string | null
  eventId: string
  eventType: string
  eventAt: Date
  data: Record<string, unknown>
}

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows

/** SQL of webhook subscriptions, deliveries and the outbox's fan-out. No rules here. */
export const webhooksRepository = {
  /** One subscription within `scope` (the caller's: see WebhooksService). */
  find(db: DbOrTx, id: string, scope: SQL | undefined, lock = false) {
    const q = db
      .select()
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.id, id), scope))
    return (lock ? q.for('update') : q).then((r) => r[0])
  },

  list(db: DbOrTx, filter: SQL | undefined, beforeId: string | null, limit: number) {
    return db
      .select()
      .from(webhookSubscriptions)
      .where(and(filter, beforeId ? lt(webhookSubscriptions.id, beforeId) : undefined))
      .orderBy(desc(webhookSubscriptions.id))
      .limit(limit)
  },

  count(db: DbOrTx, filter: SQL | undefined) {
    return db
      .select({ n: count() })
      .from(webhookSubscriptions)
      .where(filter)
      .then((r) => r[0]?.n ?? 0)
  },

  insert(db: DbOrTx, values: typeof webhookSubscriptions.$inferInsert) {
    return db
      .insert(webhookSubscriptions)
      .values(values)
      .returning()
      .then((r) => r[0]!)
  },

  /** Updates the subscription and bumps its version. */
  update(db: DbOrTx, id: string, set: Partial<typeof webhookSubscriptions.$inferInsert>) {
    return db
      .update(webhookSubscriptions)
      .set({ ...set, version: sql`${webhookSubscriptions.version} + 1` })
      .where(eq(webhookSubscriptions.id, id))
      .returning()
      .then((r) => r[0]!)
  },

  deliveries(
    db: DbOrTx,
    subscriptionId: string,
    status: string | undefined,
    beforeId: string | null,
    limit: number,
  ) {
    return db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.subscriptionId, subscriptionId),
          status ? eq(webhookDeliveries.status, status) : undefined,
          beforeId ? lt(webhookDeliveries.id, beforeId) : undefined,
        ),
      )
      .orderBy(desc(webhookDeliveries.id))
      .limit(limit)
  },

  /** The attempts of these deliveries, oldest first. */
  attempts(db: DbOrTx, deliveryIds: string[]): Promise<AttemptRow[]> {
    if (!deliveryIds.length) return Promise.resolve([])
    return db
      .select()
      .from(webhookAttempts)
      .where(inArray(webhookAttempts.deliveryId, deliveryIds))
      .orderBy(asc(webhookAttempts.deliveryId), asc(webhookAttempts.attempt))
  },

  countDeliveries(db: DbOrTx, subscriptionId: string, status: string | undefined) {
    return db
      .select({ n: count() })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.subscriptionId, subscriptionId),
          status ? eq(webhookDeliveries.status, status) : undefined,
        ),
      )
      .then((r) => r[0]?.n ?? 0)
  },

  /**
   * A `webhook.test` event for one subscription only: written already dispatched (the fan-out
   * never sees it) with its single delivery, due now.
   */
  async queueTest(tx: DbOrTx, subscriptionId: string, data: Record<string, unknown>, now: Date) {
    const eventId = uuidv7()
    await tx.insert(events).values({
      id: eventId,
      type: 'webhook.test',
      entityType: 'webhook_subscription',
      entityId: subscriptionId,
      data,
      at: now,
      dispatchedAt: now,
    })
    const id = uuidv7()
    await tx.insert(webhookDeliveries).values({
      id,
      subscriptionId,
      eventId,
      eventType: 'webhook.test',
      nextAttemptAt: now,
    })
    return id
  },

  /**
   * Fans out a batch of undispatched events (seq order; rows another dispatcher holds are
   * skipped) to the active subscriptions of their type, one delivery per pair — the unique
   * (subscription, event) key makes that exactly once — and marks them dispatched.
   */
  async fanOut(tx: DbOrTx, batch: number, now: Date): Promise<number> {
    const taken = await tx
      .select({
        seq: events.seq,
        id: events.id,
        type: events.type,
        clientId: events.clientId,
        unitPath: units.path,
      })
      .from(events)
      .leftJoin(units, eq(units.id, events.unitId))
      .where(isNull(events.dispatchedAt))
      .orderBy(asc(events.seq))
      .limit(batch)
      .for('update', { of: events, skipLocked: true })
    if (!taken.length) return 0
    const subs = await tx
      .select({
        id: webhookSubscriptions.id,
        eventTypes: webhookSubscriptions.eventTypes,
        clientId: webhookSubscriptions.clientId,
        clientActive: apiClients.active,
        clientScopes: apiClients.scopes,
        clientUnitPath: units.path,
      })
      .from(webhookSubscriptions)
      .leftJoin(apiClients, eq(apiClients.id, webhookSubscriptions.clientId))
      .leftJoin(units, eq(units.id, apiClients.unitId))
      .where(and(eq(webhookSubscriptions.active, true), isNull(webhookSubscriptions.deletedAt)))
    const targets = subs.map((s) => ({
      id: s.id,
      eventTypes: s.eventTypes,
      clientId: s.clientId,
      client:
        s.clientActive === null
          ? null
          : { active: s.clientActive, scopes: s.clientScopes ?? [], unitPath: s.clientUnitPath },
    }))
    const rows = taken.flatMap((e) =>
      targets
        .filter((s) => receives(s, e))
        .map((s) => ({
          id: uuidv7(),
          subscriptionId: s.id,
          eventId: e.id,
          eventType: e.type,
          nextAttemptAt: now,
        })),
    )
    if (rows.length) await tx.insert(webhookDeliveries).values(rows).onConflictDoNothing()
    await tx
      .update(events)
      .set({ dispatchedAt: now })
      .where(
        inArray(
          events.seq,
          taken.map((e) => e.seq),
        ),
      )
    return rows.length
  },

  /**
   * Claims due deliveries of subscriptions that are active and not paused (tests go out
   * regardless): locks them past other dispatchers (SKIP LOCKED) and moves their next attempt
   * `leaseMs` ahead, so no other dispatcher takes them while this one sends — and a dispatcher
   * that dies mid-send only delays them by the lease.
   */
  async claimDue(db: Db, now: Date, limit: number, leaseMs: number): Promise<DueDelivery[]> {
    const lease = new Date(now.getTime() + leaseMs)
    const res = await db.execute(sql`
      with due as (
        select d.id from ${webhookDeliveries} d
        join ${webhookSubscriptions} s on s.id = d.subscription_id
        where d.status = 'pending' and d.next_attempt_at <= ${now.toISOString()}
          and s.deleted_at is null
          and ((s.active and s.paused_at is null) or d.event_type = 'webhook.test')
        order by d.next_attempt_at
        limit ${limit}
        for update of d skip locked
      )
      update ${webhookDeliveries} w set next_attempt_at = ${lease.toISOString()}
      from due, ${webhookSubscriptions} s, ${events} e
      where w.id = due.id and s.id = w.subscription_id and e.id = w.event_id
      returning w.id, w.subscription_id as "subscriptionId", w.attempts, s.format, s.url, s.secret,
        e.id as "eventId", e.type as "eventType", e.at as "eventAt", e.data`)
    return rowsOf<DueDelivery>(res).map((r) => ({ ...r, eventAt: new Date(r.eventAt) }))
  },

  /** Records a successful attempt (in the delivery and its attempt log) and clears the subscription's failure streak. */
  async succeeded(db: Db, d: DueDelivery, code: number, latencyMs: number, now: Date) {
    await db.transaction(async (tx) => {
      await tx
        .update(webhookDeliveries)
        .set({
          status: 'succeeded',
          attempts: d.attempts + 1,
          lastStatusCode: code,
          lastLatencyMs: latencyMs,
          lastError: null,
          deliveredAt: now,
        })
        .where(eq(webhookDeliveries.id, d.id))
      await logAttempt(tx, d, { succeeded: true, statusCode: code, latencyMs, error: null }, now)
      await tx
        .update(webhookSubscriptions)
        .set({ consecutiveFailures: 0 })
        .where(eq(webhookSubscriptions.id, d.subscriptionId))
    })
  },

  /**
   * Records a failed attempt (in the delivery and its attempt log): `status` pending (retry at `next`), dead or failed; the
   * subscription's streak grows and it pauses (version bumped) once it reaches `maxFailures`.
   */
  async failed(
    db: Db,
    d: DueDelivery,
    r: {
      status: 'pending' | 'dead' | 'failed'
      code: number | null
      latencyMs: number
      error: string
      next: Date
    },
    maxFailures: number,
    now: Date,
  ) {
    await db.transaction(async (tx) => {
      await tx
        .update(webhookDeliveries)
        .set({
          status: r.status,
          attempts: d.attempts + 1,
          nextAttemptAt: r.next,
          lastStatusCode: r.code,
          lastLatencyMs: r.latencyMs,
          lastError: r.error.slice(0, 1000),
        })
        .where(eq(webhookDeliveries.id, d.id))
      await logAttempt(
        tx,
        d,
        { succeeded: false, statusCode: r.code, latencyMs: r.latencyMs, error: r.error },
        now,
      )
      const s = webhookSubscriptions
      await tx
        .update(s)
        .set({
          consecutiveFailures: sql`${s.consecutiveFailures} + 1`,
          pausedAt: sql`case when ${s.pausedAt} is null and ${s.consecutiveFailures} + 1 >= ${maxFailures} then ${now.toISOString()}::timestamptz else ${s.pausedAt} end`,
          version: sql`case when ${s.pausedAt} is null and ${s.consecutiveFailures} + 1 >= ${maxFailures} then ${s.version} + 1 else ${s.version} end`,
        })
        .where(eq(s.id, d.subscriptionId))
    })
  },
}
