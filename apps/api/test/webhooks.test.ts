import { createHmac } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WEBHOOK_EVENT_TYPES, type WebhookDelivery } from '@rectify/schemas'
import { events, webhookDeliveries } from '../src/db/schema/index.js'
import { emitEvent, type DomainEvent } from '../src/modules/events/events.writer.js'
import { backoffMs } from '../src/modules/webhooks/webhooks.dispatcher.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { makeMeasure, makeProblem, makeRound } from './ledger-factories.js'
import { insertSubscription, makeDispatcher, startReceiver } from './webhooks-helpers.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let admin: Awaited<ReturnType<typeof as>>
let auditor: Awaited<ReturnType<typeof as>>
let office: Awaited<ReturnType<typeof as>>

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_INTERVAL_MS: 0, WEBHOOK_ALLOW_HTTP_HOSTS: '127.0.0.1' })
  world = await makeWorld(t.database.db)
  admin = await as(t.app, world.users.admin)
  auditor = await as(t.app, world.users.auditor)
  office = await as(t.app, world.users.office)
})
afterAll(() => t.close())

const create = (body: Record<string, unknown>) =>
  admin.post('/api/v1/webhooks', {
    name: '外部系统',
    eventTypes: ['problem.status_changed'],
    format: 'json',
    ...body,
  })

const deliveriesOf = (subscriptionId: string) =>
  t.database.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId))

const emit = (type: (typeof WEBHOOK_EVENT_TYPES)[number] = 'problem.status_changed', data = {}) =>
  // A fake event: its data is what the tests look for, not the type's full payload.
  emitEvent(t.database.db, {
    type,
    entityType: 'problem',
    data: { code: 'P-1', ...data },
  } as DomainEvent)

describe('webhook subscriptions', () => {
  it('shows a generated JSON secret once, and never again', async () => {
    const created = await create({ url: 'https://hooks.example.com/a' })
    expect(created.statusCode).toBe(201)
    const { subscription, secret } = created.json()
    expect(secret).toMatch(/^[\w-]{40,}$/)
    expect(subscription).toMatchObject({ hasSecret: true, format: 'json' })
    const bodies = [
      (await admin.get(`/api/v1/webhooks/${subscription.id}`)).body,
      (await admin.get('/api/v1/webhooks')).body,
      (await auditor.get(`/api/v1/webhooks/${subscription.id}`)).body,
      (
        await admin.patch(
          `/api/v1/webhooks/${subscription.id}`,
          { name: '改名' },
          { 'if-match': '"1"' },
        )
      ).body,
      (await admin.get(`/api/v1/audit?entity=${subscription.id}`)).body,
    ]
    for (const body of bodies) expect(body).not.toContain(secret)
    const rotated = await admin.post(`/api/v1/webhooks/${subscription.id}/secret`)
    expect(rotated.statusCode).toBe(200)
    expect(rotated.json().secret).not.toBe(secret)
  })

  it('takes a DingTalk secret from the admin and never returns it', async () => {
    const missing = await create({
      url: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      format: 'dingtalk',
    })
    expect(missing.statusCode).toBe(422)
    const res = await create({
      url: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      format: 'dingtalk',
      secret: 'SECdingtalk-signing-secret',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().secret).toBeNull()
    expect(res.body).not.toContain('SECdingtalk')
    expect(res.json().subscription.hasSecret).toBe(true)
  })

  it('refuses a secret for WeCom, and unknown event types', async () => {
    expect(
      (await create({ url: 'https://qyapi.weixin.qq.com/x', format: 'wecom', secret: 'abcdefgh1' }))
        .statusCode,
    ).toBe(422)
    expect(
      (await create({ url: 'https://x.example.com/', eventTypes: ['problem.deleted'] })).statusCode,
    ).toBe(422)
  })

  it('lets auditors read subscriptions and deliveries, and only admins write', async () => {
    const { subscription } = (await create({ url: 'https://hooks.example.com/b' })).json()
    expect((await auditor.get('/api/v1/webhooks')).statusCode).toBe(200)
    expect((await auditor.get(`/api/v1/webhooks/${subscription.id}/deliveries`)).statusCode).toBe(
      200,
    )
    expect((await auditor.post(`/api/v1/webhooks/${subscription.id}/test`)).statusCode).toBe(403)
    expect((await office.get('/api/v1/webhooks')).statusCode).toBe(403)
    expect(
      (
        await office.post('/api/v1/webhooks', {
          name: 'x',
          url: 'https://a.example.com/',
          eventTypes: ['report.submitted'],
          format: 'json',
        })
      ).statusCode,
    ).toBe(403)
  })

  it('needs If-Match to change a subscription and refuses a stale one', async () => {
    const { subscription } = (await create({ url: 'https://hooks.example.com/c' })).json()
    const url = `/api/v1/webhooks/${subscription.id}`
    expect((await admin.patch(url, { active: false })).statusCode).toBe(428)
    expect((await admin.patch(url, { active: false }, { 'if-match': '"1"' })).statusCode).toBe(200)
    expect((await admin.patch(url, { active: true }, { 'if-match': '"1"' })).statusCode).toBe(412)
  })
})

describe('delivery', () => {
  it('signs a JSON delivery so that the documented Node snippet verifies it', async () => {
    const receiver = await startReceiver([200])
    const { subscription, secret } = (await create({ url: receiver.url() })).json()
    await emit('problem.status_changed', { from: 'draft', to: 'plan_review' })
    await makeDispatcher(t.database.db).tick()
    await receiver.close()
    const got = receiver.received.find(
      (r) => r.headers['x-rectify-delivery'] && r.body.includes('plan_review'),
    )!
    expect(got.headers['x-rectify-event']).toBe('problem.status_changed')
    // The snippet exactly as docs/webhooks.md shows it.
    const doc = readFileSync(join(__dirname, '../../../docs/webhooks.md'), 'utf8')
    const snippet = /```js\n([\s\S]*?)```/.exec(doc)![1]!
    const file = join(mkdtempSync(join(tmpdir(), 'rectify-verify-')), 'verify.mjs')
    writeFileSync(file, snippet)
    const { verify } = (await import(pathToFileURL(file).href)) as {
      verify: (s: string, h: object, b: string) => boolean
    }
    expect(verify(secret, got.headers, got.body)).toBe(true)
    expect(verify(secret, got.headers, got.body.replace('plan_review', 'closed'))).toBe(false)
    expect(verify('another-secret', got.headers, got.body)).toBe(false)
    const [d] = await deliveriesOf(subscription.id)
    expect(d).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 200 })
    expect(JSON.parse(got.body)).toMatchObject({
      type: 'problem.status_changed',
      data: { to: 'plan_review' },
    })
  })

  it('signs a DingTalk delivery as DingTalk specifies', async () => {
    const receiver = await startReceiver([200])
    const secret = 'SECabcdef0123456789'
    await insertSubscription(t.database.db, {
      url: receiver.url('/robot/send?access_token=tok'),
      format: 'dingtalk',
      secret,
      eventTypes: ['report.reviewed'],
    })
    await emit('report.reviewed', { decision: 'accept' })
    await makeDispatcher(t.database.db).tick()
    await receiver.close()
    const got = receiver.received[0]!
    const query = new URL(got.url, 'http://x').searchParams
    const ts = query.get('timestamp')!
    const expected = encodeURIComponent(
      createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64'),
    )
    expect(got.url).toContain(`access_token=tok&timestamp=${ts}&sign=${expected}`)
    expect(JSON.parse(got.body)).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: '进展报告已审核' },
    })
    expect(JSON.parse(got.body).markdown.text).toContain('审核结论：通过')
  })

  it('sends WeCom markdown and the SMS gateway JSON', async () => {
    const receiver = await startReceiver([200])
    await insertSubscription(t.database.db, {
      url: receiver.url('/wecom'),
      format: 'wecom',
      secret: null,
      eventTypes: ['problem.light_changed'],
    })
    await insertSubscription(t.database.db, {
      url: receiver.url('/sms'),
      format: 'sms',
      secret: null,
      eventTypes: ['problem.light_changed'],
    })
    await emit('problem.light_changed', { from: 'green', to: 'red' })
    await makeDispatcher(t.database.db).tick()
    await receiver.close()
    const wecom = JSON.parse(receiver.received.find((r) => r.url === '/wecom')!.body)
    expect(wecom.msgtype).toBe('markdown')
    expect(wecom.markdown.content).toContain('问题亮灯变化')
    expect(wecom.markdown.content).toContain('新：红灯')
    const sms = JSON.parse(receiver.received.find((r) => r.url === '/sms')!.body)
    expect(sms).toEqual({
      to: [],
      template: 'problem.light_changed',
      params: { code: 'P-1', from: '绿灯', to: '红灯' },
    })
  })

  it('retries a failed delivery with backoff and succeeds when the receiver recovers', async () => {
    const receiver = await startReceiver([500, 200])
    const sub = await insertSubscription(t.database.db, {
      url: receiver.url(),
      eventTypes: ['notice.issued'],
    })
    const clock = makeDispatcher(t.database.db)
    await emit('notice.issued')
    await clock.tick()
    const [first] = await deliveriesOf(sub.id)
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 })
    await clock.tick() // not due yet: nothing is sent
    expect(receiver.received).toHaveLength(1)
    clock.advance(3_600_000)
    await clock.tick()
    await receiver.close()
    const [second] = await deliveriesOf(sub.id)
    expect(second).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      lastStatusCode: 200,
      lastError: null,
    })
    expect(receiver.received).toHaveLength(2)
    expect(receiver.received[0]!.headers['x-rectify-delivery']).toBe(
      receiver.received[1]!.headers['x-rectify-delivery'],
    )
  })

  it('logs every attempt: a target failing twice then answering shows three', async () => {
    const receiver = await startReceiver([500, 502, 204])
    const sub = await insertSubscription(t.database.db, {
      url: receiver.url(),
      eventTypes: ['notice.replied'],
    })
    const clock = makeDispatcher(t.database.db)
    await emit('notice.replied')
    for (let i = 0; i < 3; i++) {
      await clock.tick()
      clock.advance(3_600_000)
    }
    await receiver.close()
    expect(receiver.received).toHaveLength(3)
    const res = await auditor.get(`/api/v1/webhooks/${sub.id}/deliveries`)
    expect(res.statusCode).toBe(200)
    const [delivery] = res.json<{ items: WebhookDelivery[] }>().items
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 204 })
    const log = delivery!.attemptLog
    expect(log.map((a) => [a.attempt, a.succeeded, a.statusCode])).toEqual([
      [1, false, 500],
      [2, false, 502],
      [3, true, 204],
    ])
    expect(log[0]!.error).toMatch(/500/)
    expect(log[1]!.error).toMatch(/502/)
    expect(log[2]!.error).toBeNull()
    for (const a of log) expect(a.latencyMs).toBeGreaterThanOrEqual(0)
    // One hour apart on the dispatcher's clock: each attempt keeps its own time.
    const times = log.map((a) => Date.parse(a.at))
    expect(times[1]! - times[0]!).toBe(3_600_000)
    expect(times[2]! - times[1]!).toBe(3_600_000)
  })

  it('backs off exponentially with jitter, capped at an hour', () => {
    expect(backoffMs(1, () => 0)).toBe(5_000)
    expect(backoffMs(1, () => 1)).toBe(10_000)
    expect(backoffMs(4, () => 1)).toBe(80_000)
    expect(backoffMs(20, () => 1)).toBe(3_600_000)
  })

  it('gives a delivery up as dead after the last attempt', async () => {
    const receiver = await startReceiver([503])
    const sub = await insertSubscription(t.database.db, {
      url: receiver.url(),
      eventTypes: ['card.issued'],
    })
    const clock = makeDispatcher(t.database.db, { maxAttempts: 3, maxFailures: 100 })
    await emit('card.issued')
    for (let i = 0; i < 4; i++) {
      await clock.tick()
      clock.advance(3_600_000)
    }
    await receiver.close()
    const [d] = await deliveriesOf(sub.id)
    expect(d).toMatchObject({ status: 'dead', attempts: 3 })
    expect(receiver.received).toHaveLength(3)
  })

  it('pauses a subscription after N consecutive failures, and resumes it on request', async () => {
    const receiver = await startReceiver([500, 500, 500, 200])
    const { subscription } = (
      await create({ url: receiver.url(), eventTypes: ['dispatch.closed'] })
    ).json()
    const clock = makeDispatcher(t.database.db, { maxFailures: 3 })
    for (let i = 0; i < 3; i++) await emit('dispatch.closed')
    await clock.tick()
    const paused = (await admin.get(`/api/v1/webhooks/${subscription.id}`)).json()
    expect(paused).toMatchObject({ consecutiveFailures: 3 })
    expect(paused.pausedAt).not.toBeNull()
    clock.advance(3_600_000)
    await emit('dispatch.closed')
    await clock.tick()
    expect(receiver.received).toHaveLength(3) // paused: nothing more goes out
    const log = (
      await auditor.get(`/api/v1/webhooks/${subscription.id}/deliveries?status=pending`)
    ).json()
    expect(log.total).toBe(4)
    const resumed = await admin.post(
      `/api/v1/webhooks/${subscription.id}/resume`,
      {},
      { 'if-match': `"${paused.version}"` },
    )
    expect(resumed.statusCode).toBe(200)
    expect(resumed.json()).toMatchObject({ pausedAt: null, consecutiveFailures: 0 })
    await clock.tick()
    await receiver.close()
    expect(receiver.received.length).toBeGreaterThan(3)
    const again = await admin.post(
      `/api/v1/webhooks/${subscription.id}/resume`,
      {},
      { 'if-match': `"${resumed.json().version}"` },
    )
    expect(again.statusCode).toBe(409)
  })

  it('sends a test delivery at once, even for an inactive subscription', async () => {
    const receiver = await startReceiver([204])
    const { subscription } = (await create({ url: receiver.url(), active: false })).json()
    const res = await admin.post(`/api/v1/webhooks/${subscription.id}/test`)
    expect(res.statusCode).toBe(202)
    await makeDispatcher(t.database.db).tick()
    await receiver.close()
    const log = (await admin.get(`/api/v1/webhooks/${subscription.id}/deliveries`)).json()
    expect(log.items).toEqual([
      expect.objectContaining({
        id: res.json().deliveryId,
        eventType: 'webhook.test',
        status: 'succeeded',
        lastStatusCode: 204,
      }),
    ])
    expect(receiver.received[0]!.headers['x-rectify-event']).toBe('webhook.test')
  })

  it('fans each event out exactly once with two dispatchers at once', async () => {
    const receiver = await startReceiver([200])
    const sub = await insertSubscription(t.database.db, {
      url: receiver.url(),
      eventTypes: ['inspection.finding_recorded'],
    })
    for (let i = 0; i < 30; i++) await emit('inspection.finding_recorded', { n: i })
    const a = makeDispatcher(t.database.db, { batch: 7 })
    const b = makeDispatcher(t.database.db, { batch: 7 })
    for (let i = 0; i < 6; i++) await Promise.all([a.tick(), b.tick()])
    await receiver.close()
    const rows = await deliveriesOf(sub.id)
    expect(rows).toHaveLength(30)
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(30)
    expect(rows.every((r) => r.status === 'succeeded' && r.attempts === 1)).toBe(true)
    expect(receiver.received).toHaveLength(30)
    const left = await t.database.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'inspection.finding_recorded')))
    expect(left.every((e) => e.dispatchedAt !== null)).toBe(true)
  })
})

describe('the ledger emits its events', () => {
  it('emits problem.status_changed when the lead unit submits a plan', async () => {
    const round = await makeRound(t.database.db)
    const p = await makeProblem(t.database.db, {
      round,
      leadUnit: world.units.eeb,
      status: 'draft',
    })
    await makeMeasure(t.database.db, { problem: p, unit: world.units.countyA })
    const lead = await as(t.app, world.users.lead)
    const version = (await lead.get(`/api/v1/problems/${p.id}`)).json().version
    const res = await lead.post(
      `/api/v1/problems/${p.id}/transitions`,
      { action: 'submit' },
      { 'if-match': `"${version}"` },
    )
    expect(res.statusCode).toBe(200)
    const emitted = await t.database.db
      .select()
      .from(events)
      .where(and(eq(events.entityId, p.id), eq(events.type, 'problem.status_changed')))
    expect(emitted.map((e) => e.data)).toEqual([
      expect.objectContaining({
        problemId: p.id,
        code: p.code,
        from: 'draft',
        to: 'plan_review',
        action: 'submit',
      }),
    ])
  })
})
