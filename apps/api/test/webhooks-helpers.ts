import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Db } from '../src/db/client.js'
import { webhookSubscriptions } from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'
import {
  WebhookDispatcher,
  type DispatcherOptions,
} from '../src/modules/webhooks/webhooks.dispatcher.js'

export interface Received {
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/**
 * A receiver on 127.0.0.1 that records every request and answers with the next scripted
 * status (the last one repeats); `redirect` answers 302 to that location.
 */
export async function startReceiver(script: (number | { redirect: string })[] = [200]) {
  const received: Received[] = []
  let i = 0
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      })
      const step = script[Math.min(i++, script.length - 1)]!
      if (typeof step === 'number') res.writeHead(step).end('ok')
      else res.writeHead(302, { location: step.redirect }).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    received,
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

/** A subscription row written straight to the table (bypassing the API's URL check on purpose). */
export async function insertSubscription(
  db: Db,
  o: {
    url: string
    eventTypes?: string[]
    format?: string
    secret?: string | null
    active?: boolean
  },
) {
  const [row] = await db
    .insert(webhookSubscriptions)
    .values({
      id: uuidv7(),
      name: '测试订阅',
      url: o.url,
      eventTypes: o.eventTypes ?? ['problem.status_changed'],
      format: o.format ?? 'json',
      secret: o.secret === undefined ? 'test-secret' : o.secret,
      active: o.active ?? true,
    })
    .returning()
  return row!
}

const quiet = { info() {}, error() {} }

/** A dispatcher with a movable clock; the timer never runs (tests call tick()). */
export function makeDispatcher(db: Db, o: Partial<DispatcherOptions> = {}) {
  let now = Date.now()
  const dispatcher = new WebhookDispatcher(db, quiet, {
    maxFailures: 10,
    allowedHosts: new Set(['127.0.0.1']),
    now: () => new Date(now),
    // Names never reach the real DNS in tests: they resolve to a documentation address, refused.
    resolve: async () => [{ address: '192.0.2.1', family: 4 }],
    ...o,
  })
  return {
    dispatcher,
    tick: () => dispatcher.tick(),
    advance: (ms: number) => {
      now += ms
    },
  }
}
