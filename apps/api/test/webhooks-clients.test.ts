import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, webhookDeliveries } from '../src/db/schema/index.js'
import { emitEvent } from '../src/modules/events/events.writer.js'
import { createTestApp, type TestApp } from './build-app.js'
import { apiClient } from './client-factories.js'
import { as, makeWorld } from './factories.js'
import { makeDispatcher } from './webhooks-helpers.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let admin: Awaited<ReturnType<typeof as>>
let hotline: Awaited<ReturnType<typeof apiClient>>
let other: Awaited<ReturnType<typeof apiClient>>

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_INTERVAL_MS: 0 })
  world = await makeWorld(t.database.db)
  admin = await as(t.app, world.users.admin)
  const manage = ['webhooks:manage', 'problems:read']
  hotline = await apiClient(t.app, world.users.admin.username, { name: '热线', scopes: manage })
  other = await apiClient(t.app, world.users.admin.username, { name: '省平台', scopes: manage })
})
afterAll(() => t.close())

const body = (url: string, extra: Record<string, unknown> = {}) => ({
  name: '外部系统',
  url,
  eventTypes: ['problem.status_changed'],
  format: 'json',
  ...extra,
})

describe('a client managing its own webhooks (webhooks:manage)', () => {
  it('registers, lists, pauses, resumes and deletes its own subscriptions', async () => {
    const created = await hotline.post('/api/v1/webhooks', body('https://hotline.example.com/a'))
    expect(created.statusCode, created.body).toBe(201)
    const { subscription, secret } = created.json()
    expect(secret).toMatch(/^[\w-]{40,}$/)
    expect(subscription.clientId).toBe(hotline.id)
    const url = `/api/v1/webhooks/${subscription.id}`

    const list = (await hotline.get('/api/v1/webhooks')).json()
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([subscription.id])
    expect(list.total).toBe(1)

    const paused = await hotline.patch(url, { active: false }, { 'if-match': '"1"' })
    expect(paused.statusCode, paused.body).toBe(200)
    expect(paused.json().active).toBe(false)
    const resumed = await hotline.patch(url, { active: true }, { 'if-match': '"2"' })
    expect(resumed.json().active).toBe(true)
    expect((await hotline.get(`${url}/deliveries`)).statusCode).toBe(200)
    expect((await hotline.post(`${url}/test`)).statusCode).toBe(202)

    expect((await hotline.delete(url)).statusCode).toBe(428)
    expect((await hotline.delete(url, { 'if-match': '"1"' })).statusCode).toBe(412)
    expect((await hotline.delete(url, { 'if-match': '"3"' })).statusCode).toBe(204)
    expect((await hotline.get(url)).statusCode).toBe(404)
    expect((await hotline.get('/api/v1/webhooks')).json().total).toBe(0)
    // Gone for the admin too; the audit trail names the client that deleted it.
    expect((await admin.get(url)).statusCode).toBe(404)
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'webhook.deleted'))
    expect(entry).toMatchObject({
      actorType: 'client',
      actorId: hotline.id,
      entityId: subscription.id,
    })
  })

  it("never sees nor changes another client's or the admin's subscriptions: 404", async () => {
    const mine = (
      await hotline.post('/api/v1/webhooks', body('https://hotline.example.com/b'))
    ).json().subscription
    const theirs = (
      await other.post('/api/v1/webhooks', body('https://province.example.com/b'))
    ).json().subscription
    const admins = (await admin.post('/api/v1/webhooks', body('https://ops.example.com/b'))).json()
      .subscription
    for (const target of [theirs, admins]) {
      const url = `/api/v1/webhooks/${target.id}`
      const answers = [
        await hotline.get(url),
        await hotline.patch(url, { active: false }, { 'if-match': '"1"' }),
        await hotline.delete(url, { 'if-match': '"1"' }),
        await hotline.post(`${url}/resume`, {}, { 'if-match': '"1"' }),
        await hotline.post(`${url}/secret`),
        await hotline.post(`${url}/test`),
        await hotline.get(`${url}/deliveries`),
      ]
      expect(answers.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404])
    }
    const listed = (await hotline.get('/api/v1/webhooks')).json()
    expect(listed.items.map((s: { id: string }) => s.id)).toEqual([mine.id])
    // Untouched, and the admin sees all three with their owners.
    const all = (await admin.get('/api/v1/webhooks?limit=200')).json()
    const owners = Object.fromEntries(
      all.items.map((s: { id: string; clientId: string | null }) => [s.id, s.clientId]),
    )
    expect(owners).toMatchObject({
      [mine.id]: hotline.id,
      [theirs.id]: other.id,
      [admins.id]: null,
    })
    expect((await admin.get(`/api/v1/webhooks/${theirs.id}`)).json().version).toBe(1)
  })

  it('is refused hostile targets and event types its scopes do not cover', async () => {
    for (const url of [
      'http://hotline.example.com/plain',
      'https://169.254.169.254/latest/meta-data',
      'https://127.0.0.1/x',
      'https://10.0.0.8/x',
    ]) {
      const res = await hotline.post('/api/v1/webhooks', body(url))
      expect(res.statusCode, url).toBe(422)
      expect(res.json().errors[0].path).toBe('/url')
    }
    const petitions = await hotline.post(
      '/api/v1/webhooks',
      body('https://hotline.example.com/c', { eventTypes: ['petition.assigned'] }),
    )
    expect(petitions.statusCode).toBe(422)
    expect(petitions.json().errors[0]).toMatchObject({ path: '/eventTypes' })
  })

  it('receives only the events its scopes and unit cover', async () => {
    const county = await apiClient(t.app, world.users.admin.username, {
      name: '甲县系统',
      scopes: ['webhooks:manage', 'problems:read'],
      unitId: world.units.countyA.id,
    })
    const sub = (await county.post('/api/v1/webhooks', body('https://county.example.com/h'))).json()
      .subscription
    const cityWide = (
      await hotline.post('/api/v1/webhooks', body('https://hotline.example.com/d'))
    ).json().subscription
    const { tick } = makeDispatcher(t.database.db)
    await tick() // whatever earlier tests left in the outbox
    const emit = (unitId: string | null) =>
      emitEvent(t.database.db, {
        type: 'problem.status_changed',
        entityType: 'problem',
        unitId,
        data: {
          problemId: '0190c4f4-0000-7000-8000-000000000001',
          code: 'P-1',
          title: '问题',
          action: 'start',
          from: 'plan_review',
          to: 'in_progress',
          reason: null,
        },
      })
    await emit(world.units.townA.id) // in county A's subtree
    await emit(world.units.countyB.id)
    await emit(null)
    await tick()
    const count = async (id: string) =>
      (
        await t.database.db
          .select()
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.subscriptionId, id))
      ).length
    expect(await count(sub.id)).toBe(1)
    expect(await count(cityWide.id)).toBe(3)
  })
})
