/**
 * The webhook dispatcher in `pnpm bench`: N events fanned out to one generic JSON subscription
 * and delivered to a receiver on 127.0.0.1, in deliveries per second, next to the baseline of
 * the same number of raw HTTP posts to the same receiver at the same concurrency (10, no
 * keep-alive, as the dispatcher sends) in the same run. The ratio is what the outbox, the
 * signing and the delivery log cost. Environment: BENCH_WEBHOOK_EVENTS (default 500).
 */
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { and, count, eq } from 'drizzle-orm'
import type { Database } from '../src/db/client.js'
import { events, webhookDeliveries, webhookSubscriptions } from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'
import { WebhookDispatcher } from '../src/modules/webhooks/webhooks.dispatcher.js'

const CONCURRENCY = 10
const quiet = { info() {}, error() {} }

function post(url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume()
        res.on('end', () =>
          res.statusCode === 200
            ? resolve()
            : reject(new Error(`receiver answered ${res.statusCode}`)),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Runs the case; returns the printed lines. */
export async function benchWebhooks(database: Database, n: number): Promise<string> {
  const { db } = database
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => res.writeHead(200).end('ok'))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  const dispatcher = new WebhookDispatcher(db, quiet, {
    maxFailures: 1_000_000,
    allowedHosts: new Set(['127.0.0.1']),
    concurrency: CONCURRENCY,
  })
  const subId = uuidv7()
  try {
    // Whatever the seed left undispatched is fanned out first (to no active subscription).
    while ((await dispatcher.tick()).queued > 0 || (await undispatched(database)) > 0) {
      /* drain */
    }
    const body = JSON.stringify({
      id: uuidv7(),
      type: 'reminder.due',
      at: new Date().toISOString(),
      data: { code: 'BENCH-1', title: '基准测试' },
    })
    let t0 = performance.now()
    let next = 0
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < n) await post(url, body)
      }),
    )
    const rawMs = performance.now() - t0

    await db.insert(webhookSubscriptions).values({
      id: subId,
      name: 'bench',
      url,
      eventTypes: ['reminder.due'],
      format: 'json',
      secret: 'bench-secret',
    })
    t0 = performance.now()
    await db.insert(events).values(
      Array.from({ length: n }, (_, i) => ({
        id: uuidv7(),
        type: 'reminder.due',
        entityType: 'bench',
        data: { code: `BENCH-${i}`, title: '基准测试' },
      })),
    )
    let done = 0
    while (done < n) {
      await dispatcher.tick()
      const [row] = await db
        .select({ n: count() })
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.subscriptionId, subId),
            eq(webhookDeliveries.status, 'succeeded'),
          ),
        )
      done = row?.n ?? 0
    }
    const dispatchMs = performance.now() - t0
    const raw = (n * 1000) / rawMs
    const delivered = (n * 1000) / dispatchMs
    return [
      `webhook dispatcher: ${n} events to a receiver on 127.0.0.1, ${CONCURRENCY} in flight`,
      `  raw HTTP posts     ${raw.toFixed(0).padStart(7)} /s`,
      `  dispatcher         ${delivered.toFixed(0).padStart(7)} deliveries/s  (${(delivered / raw).toFixed(2)}× raw)`,
    ].join('\n')
  } finally {
    await dispatcher.stop()
    await db
      .update(webhookSubscriptions)
      .set({ active: false })
      .where(eq(webhookSubscriptions.id, subId))
    server.close()
  }
}

async function undispatched(database: Database): Promise<number> {
  const [row] = await database.query<{ n: string }>(
    'select count(*) as n from events where dispatched_at is null',
  )
  return Number(row?.n ?? 0)
}
