import { and, eq, isNull, type SQL } from 'drizzle-orm'
import type {
  CreateWebhookBody,
  ListWebhookDeliveriesQuery,
  ListWebhooksQuery,
  UpdateWebhookBody,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEventType,
  WebhookFormat,
  WebhookPage,
  WebhookSubscription,
  WebhookTestResult,
  WebhookWithSecret,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { webhookSubscriptions } from '../../db/schema/index.js'
import { AppError, notFound, type FieldError } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { decodeCursor, encodeCursor } from '../../lib/http.js'
import { randomToken, uuidv7 } from '../../lib/ids.js'
import { changedFields, recordAudit } from '../audit/index.js'
import {
  webhooksRepository as repo,
  type AttemptRow,
  type DeliveryRow,
  type SubscriptionRow,
} from './webhooks.repository.js'
import { eventTypesOutOfScope, ownerOf } from './webhooks.owner.js'
import { checkTarget } from './webhooks.target.js'

/** A subscription as read: never its secret, only whether it has one. */
export function toSubscription(r: SubscriptionRow): WebhookSubscription {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    eventTypes: r.eventTypes as WebhookEventType[],
    format: r.format as WebhookFormat,
    hasSecret: Boolean(r.secret),
    active: r.active,
    pausedAt: r.pausedAt?.toISOString() ?? null,
    consecutiveFailures: r.consecutiveFailures,
    clientId: r.clientId,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  }
}

function toAttempt(a: AttemptRow): WebhookAttempt {
  return {
    attempt: a.attempt,
    at: a.at.toISOString(),
    succeeded: a.succeeded,
    statusCode: a.statusCode,
    latencyMs: a.latencyMs,
    error: a.error,
  }
}

function toDelivery(r: DeliveryRow, attempts: AttemptRow[]): WebhookDelivery {
  return {
    id: r.id,
    subscriptionId: r.subscriptionId,
    eventId: r.eventId,
    eventType: r.eventType,
    status: r.status as WebhookDelivery['status'],
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    lastStatusCode: r.lastStatusCode,
    lastLatencyMs: r.lastLatencyMs,
    lastError: r.lastError,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    attemptLog: attempts.map(toAttempt),
  }
}

const unprocessable = (errors: FieldError[]) =>
  new AppError('unprocessable', errors.map((e) => `${e.path.slice(1)} ${e.message}`).join('; '), {
    errors,
  })

/**
 * What the caller sees: never a deleted subscription; an API client (`webhooks:manage`) only its
 * own — another client's or the admin's answer 404, like anything out of scope.
 */
function visible(ctx: Ctx): SQL | undefined {
  const { actor } = ctx
  return and(
    isNull(webhookSubscriptions.deletedAt),
    actor.type === 'client' ? eq(webhookSubscriptions.clientId, actor.id!) : undefined,
  )
}

/**
 * Webhook subscriptions (admin, and API clients for their own; auditors read) and their
 * delivery log. The generic JSON
 * format's signing secret is generated here (256 bits) and shown once, on creation or
 * rotation; a DingTalk robot's secret is the admin's to give. Neither is ever returned again.
 */
export class WebhooksService {
  constructor(
    private readonly db: Db,
    private readonly allowedHosts: ReadonlySet<string>,
  ) {}

  async list(ctx: Ctx, q: ListWebhooksQuery): Promise<WebhookPage> {
    const limit = q.limit ?? 50
    const before = decodeCursor(q.cursor, 1)
    const filter = and(
      visible(ctx),
      q.active === undefined ? undefined : eq(webhookSubscriptions.active, q.active),
    )
    const [rows, total] = await Promise.all([
      repo.list(this.db, filter, before?.[0] ?? null, limit + 1),
      repo.count(this.db, filter),
    ])
    const page = rows.slice(0, limit)
    return {
      items: page.map(toSubscription),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.id]) : null,
      total,
    }
  }

  async get(ctx: Ctx, id: string): Promise<WebhookSubscription> {
    const row = await repo.find(this.db, id, visible(ctx))
    if (!row) throw notFound('Webhook subscription')
    return toSubscription(row)
  }

  async create(ctx: Ctx, body: CreateWebhookBody): Promise<WebhookWithSecret> {
    const errors = this.checkUrl(body.url)
    if (body.format === 'dingtalk' && !body.secret)
      errors.push({ path: '/secret', message: "is required: the DingTalk robot's signing secret" })
    if (body.format !== 'dingtalk' && body.secret)
      errors.push({ path: '/secret', message: 'is given only for DingTalk robots' })
    errors.push(...this.checkEventTypes(ctx, body.eventTypes))
    if (errors.length) throw unprocessable(errors)
    const generated = body.format === 'json' ? randomToken(32) : null
    return this.db.transaction(async (tx) => {
      const row = await repo.insert(tx, {
        id: uuidv7(),
        name: body.name.trim(),
        url: body.url,
        eventTypes: body.eventTypes,
        format: body.format,
        secret: generated ?? body.secret ?? null,
        active: body.active ?? true,
        clientId: ownerOf(ctx.actor),
      })
      const subscription = toSubscription(row)
      await recordAudit(tx, ctx, {
        action: 'webhook.created',
        entityType: 'webhook_subscription',
        entityId: row.id,
        after: subscription,
      })
      return { subscription, secret: generated }
    })
  }

  async update(
    ctx: Ctx,
    id: string,
    version: number,
    body: UpdateWebhookBody,
  ): Promise<WebhookSubscription> {
    return this.db.transaction(async (tx) => {
      const current = await repo.find(tx, id, visible(ctx), true)
      if (!current) throw notFound('Webhook subscription')
      if (current.version !== version) throw new AppError('precondition_failed')
      const errors = body.url === undefined ? [] : this.checkUrl(body.url)
      if (body.eventTypes) errors.push(...this.checkEventTypes(ctx, body.eventTypes))
      if (body.secret !== undefined && current.format !== 'dingtalk')
        errors.push({
          path: '/secret',
          message: 'is set only for DingTalk robots (rotate a JSON secret instead)',
        })
      if (errors.length) throw unprocessable(errors)
      const row = await repo.update(tx, id, {
        ...(body.name === undefined ? {} : { name: body.name.trim() }),
        ...(body.url === undefined ? {} : { url: body.url }),
        ...(body.eventTypes === undefined ? {} : { eventTypes: body.eventTypes }),
        ...(body.active === undefined ? {} : { active: body.active }),
        ...(body.secret === undefined ? {} : { secret: body.secret }),
      })
      const after = toSubscription(row)
      const diff = changedFields(toSubscription(current), after)
      await recordAudit(tx, ctx, {
        action: 'webhook.updated',
        entityType: 'webhook_subscription',
        entityId: id,
        ...diff,
        ...(body.secret === undefined ? {} : { after: { ...diff.after, secretChanged: true } }),
      })
      return after
    })
  }

  /** A new signing secret for a generic JSON subscription; the old one stops at once. */
  async rotateSecret(ctx: Ctx, id: string): Promise<WebhookWithSecret> {
    return this.db.transaction(async (tx) => {
      const current = await repo.find(tx, id, visible(ctx), true)
      if (!current) throw notFound('Webhook subscription')
      if (current.format !== 'json')
        throw new AppError(
          'unprocessable',
          'Only generic JSON subscriptions have a generated secret',
        )
      const secret = randomToken(32)
      const subscription = toSubscription(await repo.update(tx, id, { secret }))
      await recordAudit(tx, ctx, {
        action: 'webhook.secret_rotated',
        entityType: 'webhook_subscription',
        entityId: id,
      })
      return { subscription, secret }
    })
  }

  /** Lifts a pause: the failure streak starts again and pending deliveries go out. */
  async resume(ctx: Ctx, id: string, version: number): Promise<WebhookSubscription> {
    return this.db.transaction(async (tx) => {
      const current = await repo.find(tx, id, visible(ctx), true)
      if (!current) throw notFound('Webhook subscription')
      if (current.version !== version) throw new AppError('precondition_failed')
      if (!current.pausedAt) throw new AppError('conflict', 'The subscription is not paused')
      const row = await repo.update(tx, id, { pausedAt: null, consecutiveFailures: 0 })
      await recordAudit(tx, ctx, {
        action: 'webhook.resumed',
        entityType: 'webhook_subscription',
        entityId: id,
        before: {
          pausedAt: current.pausedAt.toISOString(),
          consecutiveFailures: current.consecutiveFailures,
        },
        after: { pausedAt: null, consecutiveFailures: 0 },
      })
      return toSubscription(row)
    })
  }

  /** Queues a `webhook.test` delivery, due now (even for an inactive or paused subscription). */
  async test(ctx: Ctx, id: string): Promise<WebhookTestResult> {
    return this.db.transaction(async (tx) => {
      const current = await repo.find(tx, id, visible(ctx))
      if (!current) throw notFound('Webhook subscription')
      const now = new Date()
      const deliveryId = await repo.queueTest(
        tx,
        id,
        { subscription: current.name, message: '这是一条来自整改台账系统的测试消息' },
        now,
      )
      await recordAudit(tx, ctx, {
        action: 'webhook.tested',
        entityType: 'webhook_subscription',
        entityId: id,
        after: { deliveryId },
      })
      return { deliveryId }
    })
  }

  async deliveries(
    ctx: Ctx,
    id: string,
    q: ListWebhookDeliveriesQuery,
  ): Promise<WebhookDeliveryPage> {
    if (!(await repo.find(this.db, id, visible(ctx)))) throw notFound('Webhook subscription')
    const limit = q.limit ?? 50
    const before = decodeCursor(q.cursor, 1)
    const [rows, total] = await Promise.all([
      repo.deliveries(this.db, id, q.status, before?.[0] ?? null, limit + 1),
      repo.countDeliveries(this.db, id, q.status),
    ])
    const page = rows.slice(0, limit)
    const attempts = await repo.attempts(
      this.db,
      page.map((d) => d.id),
    )
    const byDelivery = new Map<string, AttemptRow[]>()
    for (const a of attempts)
      byDelivery.set(a.deliveryId, [...(byDelivery.get(a.deliveryId) ?? []), a])
    return {
      items: page.map((d) => toDelivery(d, byDelivery.get(d.id) ?? [])),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.id]) : null,
      total,
    }
  }

  /**
   * Deletes a subscription (If-Match): it leaves every read and the fan-out at once and its
   * pending deliveries are not sent; the row and its delivery log stay for the audit trail.
   */
  async remove(ctx: Ctx, id: string, version: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await repo.find(tx, id, visible(ctx), true)
      if (!current) throw notFound('Webhook subscription')
      if (current.version !== version) throw new AppError('precondition_failed')
      await repo.update(tx, id, { deletedAt: new Date(), active: false })
      await recordAudit(tx, ctx, {
        action: 'webhook.deleted',
        entityType: 'webhook_subscription',
        entityId: id,
        before: toSubscription(current),
      })
    })
  }

  private checkEventTypes(ctx: Ctx, types: readonly WebhookEventType[]): FieldError[] {
    const outside = eventTypesOutOfScope(ctx.actor, types)
    return outside.length
      ? [
          {
            path: '/eventTypes',
            message: `not covered by the client's scopes: ${outside.join(', ')}`,
          },
        ]
      : []
  }

  private checkUrl(url: string): FieldError[] {
    const checked = checkTarget(url, this.allowedHosts)
    return 'error' in checked ? [{ path: '/url', message: checked.error }] : []
  }
}
