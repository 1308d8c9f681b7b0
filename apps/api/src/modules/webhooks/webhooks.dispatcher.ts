import type { WebhookFormat } from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { Backoff } from '../../lib/backoff.js'
import { isDatabaseUnavailable } from '../../lib/db-unavailable.js'
import type { JobDefinition, RefresherLog } from '../../lib/jobs.js'
import { buildRequest } from './webhooks.formats.js'
import { webhooksRepository as repo, type DueDelivery } from './webhooks.repository.js'
import { sendWebhook, type Resolver, type SendResult } from './webhooks.send.js'

export interface DispatcherOptions {
  /** Consecutive failures after which a subscription is paused. */
  maxFailures: number
  /** Hosts allowed plain http and exempt from the address check (parseAllowedHosts). */
  allowedHosts: ReadonlySet<string>
  /** Attempts before a delivery is given up as dead (default 8). */
  maxAttempts?: number
  /** Events fanned out and deliveries sent per pass (default 100). */
  batch?: number
  /** Deliveries in flight at once (default 10). */
  concurrency?: number
  /** The clock (tests inject one). */
  now?: () => Date
  /** The resolver used at connect time (tests inject one; default dns.lookup). */
  resolve?: Resolver
}

/** Seconds before retry number `attempts` (1-based): 10 s × 2^(attempts-1), capped at 1 h, ±50 % jitter. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(3600, 10 * 2 ** Math.max(0, attempts - 1)) * 1000
  return Math.round(base / 2 + (random() * base) / 2)
}

/** How long a claimed delivery stays invisible to other dispatchers: well past the 10 s send limit. */
const LEASE_MS = 60_000

/**
 * Delivers the outbox to webhook subscribers, inside the API process. A pass (1) fans new
 * events out into deliveries, exactly once per (subscription, event) and (2) sends the due
 * deliveries, recording each attempt: success, or a retry later with exponential backoff, dead
 * after `maxAttempts`, and the subscription paused after `maxFailures` failures in a row. Rows
 * are taken with FOR UPDATE SKIP LOCKED, so any number of API instances can run it on one
 * PostgreSQL (and it runs alike on PGlite). The app runs it as a scheduled job (`job()`, driven
 * by the job engine, which retries a failed pass); tests and the bench call tick(), whose passes
 * never overlap and whose errors are logged, never thrown.
 */
export class WebhookDispatcher {
  private running: Promise<{ queued: number; sent: number }> | null = null
  private stopped = false
  private readonly now: () => Date
  /** While the database is unreachable, passes are skipped for 2 s, 4 s, … up to a minute. */
  private readonly backoff = new Backoff(2000, 60_000)

  constructor(
    private readonly db: Db,
    private readonly log: RefresherLog,
    private readonly opts: DispatcherOptions,
  ) {
    this.now = opts.now ?? (() => new Date())
  }

  /**
   * The pass as a job run every `everyMs` (lib/jobs.ts): a failure (the database down) is thrown
   * for the engine to retry with its backoff; an aborted signal ends the sends between two.
   */
  job(everyMs: number): JobDefinition {
    return {
      name: 'webhook-dispatch',
      everyMs,
      run: async (signal) => {
        const r = await this.pass(signal)
        return r.queued || r.sent ? `${r.queued} queued, ${r.sent} attempted` : null
      },
    }
  }

  /** One pass (or the pass in progress); resolves with the deliveries queued and attempted. */
  tick(): Promise<{ queued: number; sent: number }> {
    if (this.running) return this.running
    if (this.stopped || !this.backoff.ready()) return Promise.resolve({ queued: 0, sent: 0 })
    this.running = this.pass()
      .then((r) => {
        this.backoff.succeeded()
        return r
      })
      .catch((err: unknown) => {
        const retryInMs = this.backoff.failed()
        if (isDatabaseUnavailable(err))
          this.log.error(
            { retryInMs },
            'webhook dispatch: the database is unavailable; backing off',
          )
        else this.log.error({ err, retryInMs }, 'webhook dispatch failed; backing off')
        return { queued: 0, sent: 0 }
      })
      .finally(() => {
        this.running = null
      })
    return this.running
  }

  /** Stops sending and waits for a tick() in progress. */
  async stop(): Promise<void> {
    this.stopped = true
    await this.running
  }

  private async pass(signal?: AbortSignal) {
    const batch = this.opts.batch ?? 100
    const queued = await this.db.transaction((tx) => repo.fanOut(tx, batch, this.now()))
    const due = await repo.claimDue(this.db, this.now(), batch, LEASE_MS)
    const limit = this.opts.concurrency ?? 10
    let next = 0
    const worker = async () => {
      while (next < due.length && !this.stopped && !signal?.aborted)
        await this.deliver(due[next++]!)
    }
    await Promise.all(Array.from({ length: Math.min(limit, due.length) }, worker))
    return { queued, sent: due.length }
  }

  private async deliver(d: DueDelivery): Promise<void> {
    const event = { id: d.eventId, type: d.eventType, at: d.eventAt, data: d.data }
    const request = buildRequest(
      d.format as WebhookFormat,
      { url: d.url, secret: d.secret },
      d.id,
      event,
      this.now(),
    )
    let r: SendResult
    try {
      r = await sendWebhook(request, {
        allowedHosts: this.opts.allowedHosts,
        ...(this.opts.resolve ? { resolve: this.opts.resolve } : {}),
      })
    } catch (err) {
      r = { ok: false, statusCode: null, latencyMs: 0, error: String(err), refused: false }
    }
    const now = this.now()
    if (r.ok) {
      await repo.succeeded(this.db, d, r.statusCode!, r.latencyMs, now)
      return
    }
    const attempts = d.attempts + 1
    // A refused target is refused again on retry: the delivery fails for good at once.
    const status = r.refused
      ? 'failed'
      : attempts >= (this.opts.maxAttempts ?? 8)
        ? 'dead'
        : 'pending'
    await repo.failed(
      this.db,
      d,
      {
        status,
        code: r.statusCode,
        latencyMs: r.latencyMs,
        error: r.error ?? 'failed',
        next: new Date(now.getTime() + (status === 'pending' ? backoffMs(attempts) : 0)),
      },
      this.opts.maxFailures,
      now,
    )
    if (status !== 'pending')
      this.log.info({ delivery: d.id, status, error: r.error }, 'webhook delivery given up')
  }
}
