import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { webhookDeliveries } from '../src/db/schema/index.js'
import { type DomainEvent, emitEvent } from '../src/modules/events/events.writer.js'
import { sendWebhook } from '../src/modules/webhooks/webhooks.send.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { insertSubscription, makeDispatcher, startReceiver } from './webhooks-helpers.js'

let t: TestApp
let admin: Awaited<ReturnType<typeof as>>

beforeAll(async () => {
  // No host is allowed plain http here: every target below meets the full rules.
  t = await createTestApp({ WEBHOOK_INTERVAL_MS: 0 })
  const world = await makeWorld(t.database.db)
  admin = await as(t.app, world.users.admin)
})
afterAll(() => t.close())

const HOSTILE = [
  ['plain http', 'http://example.com/hook'],
  ['a non-http scheme', 'ftp://example.com/hook'],
  ['loopback', 'https://127.0.0.1/hook'],
  ['loopback elsewhere in 127/8', 'https://127.8.9.10/hook'],
  ['loopback as a decimal number', 'https://2130706433/hook'],
  ['loopback in octal', 'https://0177.0.0.1/hook'],
  ['loopback in hex', 'https://0x7f.0.0.1/hook'],
  ['loopback in short form', 'https://127.1/hook'],
  ['IPv6 loopback', 'https://[::1]/hook'],
  ['IPv4-mapped loopback, dotted', 'https://[::ffff:127.0.0.1]/hook'],
  ['IPv4-mapped loopback, hex', 'https://[::ffff:7f00:1]/hook'],
  ['IPv4-compatible loopback', 'https://[::7f00:1]/hook'],
  ['NAT64 of a private address', 'https://[64:ff9b::a00:1]/hook'],
  ['6to4 of a private address', 'https://[2002:c0a8:101::1]/hook'],
  ['10/8', 'https://10.1.2.3/hook'],
  ['172.16/12', 'https://172.31.255.1/hook'],
  ['192.168/16', 'https://192.168.1.1/hook'],
  ['CGNAT 100.64/10', 'https://100.100.100.200/hook'],
  ['0.0.0.0', 'https://0.0.0.0/hook'],
  ['link-local / cloud metadata', 'https://169.254.169.254/latest/meta-data'],
  ['mapped metadata', 'https://[::ffff:a9fe:a9fe]/'],
  ['AWS IPv6 metadata', 'https://[fd00:ec2::254]/'],
  ['IPv6 link-local', 'https://[fe80::1]/'],
  ['IPv6 unique-local', 'https://[fc00::1]/'],
  ['multicast', 'https://224.0.0.1/'],
  ['reserved 240/4', 'https://250.1.1.1/'],
  ['IPv6 multicast', 'https://[ff02::1]/'],
  ['GCP metadata host', 'https://metadata.google.internal/computeMetadata/v1/'],
  ['localhost', 'https://localhost/hook'],
  ['localhost with a trailing dot', 'https://localhost./hook'],
  ['a .localhost name', 'https://api.localhost/hook'],
  ['credentials in the URL', 'https://user:pass@example.com/hook'],
  ['not a URL', 'https//example.com'],
] as const

describe('webhook targets refused when a subscription is saved', () => {
  it.each(HOSTILE)('refuses %s with 422 naming the URL', async (_what, url) => {
    const res = await admin.post('/api/v1/webhooks', {
      name: '恶意目标',
      url,
      eventTypes: ['problem.status_changed'],
      format: 'json',
    })
    expect(res.statusCode, url).toBe(422)
    expect(res.json().errors).toEqual([expect.objectContaining({ path: '/url' })])
  })

  it('accepts a public https target', async () => {
    const res = await admin.post('/api/v1/webhooks', {
      name: '外部系统',
      url: 'https://hooks.example.com/rectify',
      eventTypes: ['problem.status_changed'],
      format: 'json',
    })
    expect(res.statusCode).toBe(201)
  })

  it('refuses a hostile URL on update as well', async () => {
    const created = await admin.post('/api/v1/webhooks', {
      name: '外部系统',
      url: 'https://hooks.example.com/a',
      eventTypes: ['report.submitted'],
      format: 'wecom',
    })
    const res = await admin.patch(
      `/api/v1/webhooks/${created.json().subscription.id}`,
      { url: 'https://[::ffff:169.254.169.254]/' },
      { 'if-match': '"1"' },
    )
    expect(res.statusCode).toBe(422)
  })
})

/** Delivers one event to a subscription written straight to the table, as if its URL had passed. */
async function deliverTo(url: string, o: Parameters<typeof makeDispatcher>[1] = {}) {
  const db = t.database.db
  const sub = await insertSubscription(db, { url })
  await emitEvent(db, {
    type: 'problem.status_changed',
    entityType: 'problem',
    data: { code: 'X' },
  } as DomainEvent)
  await makeDispatcher(db, o).tick()
  const [d] = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.subscriptionId, sub.id))
  return d!
}

describe('webhook targets refused when a delivery is sent', () => {
  it('refuses a name that resolves to 127.0.0.1, at connect time', async () => {
    const d = await deliverTo('https://rebind.example.com/hook', {
      allowedHosts: new Set(),
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    })
    expect(d.status).toBe('failed')
    expect(d.lastError).toMatch(/refused: rebind\.example\.com resolves to 127\.0\.0\.1/)
  })

  it('refuses a name when any of its addresses is private (mapped IPv6 included)', async () => {
    const d = await deliverTo('https://mixed.example.com/hook', {
      allowedHosts: new Set(),
      resolve: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '::ffff:169.254.169.254', family: 6 },
      ],
    })
    expect(d.status).toBe('failed')
    expect(d.lastError).toMatch(/169\.254\.169\.254/)
  })

  it('refuses localhost through the real resolver', async () => {
    const r = await sendWebhook(
      { url: 'https://localhost/x', headers: {}, body: '{}' },
      { allowedHosts: new Set() },
    )
    expect(r).toMatchObject({ ok: false, refused: true })
  })

  it('refuses an IP literal that bypasses DNS at send time', async () => {
    const d = await deliverTo('https://0x7f.1/hook', { allowedHosts: new Set() })
    expect(d.status).toBe('failed')
    expect(d.lastError).toMatch(/non-public/)
  })

  it('does not follow a redirect to the metadata address from an allowed receiver', async () => {
    const receiver = await startReceiver([{ redirect: 'http://169.254.169.254/latest/meta-data/' }])
    const d = await deliverTo(receiver.url())
    await receiver.close()
    expect(receiver.received).toHaveLength(1)
    expect(d).toMatchObject({ status: 'pending', lastStatusCode: 302, attempts: 1 })
    expect(d.lastError).toMatch(/redirect not followed/)
  })

  it('gives up on a receiver that never answers, and reads at most 64 KB of an answer', async () => {
    const silent = createServer(() => {})
    const huge = createServer((_req, res) => {
      res.writeHead(200)
      const chunk = Buffer.alloc(16 * 1024, 120)
      const write = () => {
        while (res.write(chunk)) {
          /* keep writing until the client stops reading */
        }
        res.once('drain', write)
      }
      write()
    })
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
    await new Promise<void>((r) => huge.listen(0, '127.0.0.1', r))
    const port = (s: typeof silent) => (s.address() as AddressInfo).port
    const allowed = new Set(['127.0.0.1'])
    const limits = { connectMs: 1000, totalMs: 300, maxBodyBytes: 64 * 1024 }
    const slow = await sendWebhook(
      { url: `http://127.0.0.1:${port(silent)}/`, headers: {}, body: '{}' },
      { allowedHosts: allowed, limits },
    )
    const big = await sendWebhook(
      { url: `http://127.0.0.1:${port(huge)}/`, headers: {}, body: '{}' },
      { allowedHosts: allowed, limits: { ...limits, totalMs: 5000 } },
    )
    silent.closeAllConnections()
    huge.closeAllConnections()
    silent.close()
    huge.close()
    expect(slow).toMatchObject({ ok: false, error: 'timed out after 300 ms' })
    expect(big).toMatchObject({ ok: true, statusCode: 200 })
  })
})
