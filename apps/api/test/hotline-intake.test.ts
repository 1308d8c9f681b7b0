import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, events, publicReports, webhookDeliveries } from '../src/db/schema/index.js'
import { buildAppOn, createTestApp, type TestApp } from './build-app.js'
import { apiClient } from './client-factories.js'
import { as, client, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'
import { PUBLIC_TEST_CONFIG, publish } from './public-factories.js'
import { makeDispatcher } from './webhooks-helpers.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let hotline: Awaited<ReturnType<typeof apiClient>>
let other: Awaited<ReturnType<typeof apiClient>>

const NAME = '王某某'
const CONTACT = '13812345678'

beforeAll(async () => {
  // The public form's per-IP limit at 1: the hotline is never counted against it.
  t = await createTestApp({ ...PUBLIC_TEST_CONFIG, PUBLIC_REPORT_RATE_LIMIT_MAX: 1 })
  world = await makeWorld(t.database.db)
  const scopes = ['reports:intake', 'webhooks:manage']
  hotline = await apiClient(t.app, world.users.admin.username, { name: '12345热线', scopes })
  other = await apiClient(t.app, world.users.admin.username, { name: '另一热线', scopes })
})
afterAll(() => t.close())

const ticket = (externalId: string, more: Record<string, unknown> = {}) => ({
  externalId,
  description: '河道边有人倾倒建筑垃圾，已持续一周',
  addressString: '甲县城关镇滨河路12号',
  lat: 30.2741,
  long: 120.1551,
  name: NAME,
  contact: CONTACT,
  ...more,
})
const rowOf = async (trackingCode: string) =>
  (
    await t.database.db
      .select()
      .from(publicReports)
      .where(eq(publicReports.trackingCode, trackingCode))
  )[0]!

describe('hotline intake (reports:intake)', () => {
  it('takes a ticket without a challenge; a retry with the same ticket answers the first receipt', async () => {
    const first = await hotline.post('/api/v1/public-reports/intake', ticket('GD-20261206-0001'))
    expect(first.statusCode, first.body).toBe(201)
    const receipt = first.json()
    expect(receipt).toMatchObject({ externalId: 'GD-20261206-0001' })
    expect(receipt.trackingCode).toMatch(/^[A-Z2-9]{12}$/)
    const again = await hotline.post(
      '/api/v1/public-reports/intake',
      ticket('GD-20261206-0001', { description: '重复推送的同一工单' }),
    )
    expect(again.statusCode).toBe(200)
    expect(again.body).toBe(first.body)
    const rows = await t.database.db
      .select()
      .from(publicReports)
      .where(eq(publicReports.externalId, 'GD-20261206-0001'))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      clientId: hotline.id,
      address: '甲县城关镇滨河路12号',
      latitude: 30.2741,
      longitude: 120.1551,
      content: '河道边有人倾倒建筑垃圾，已持续一周',
      status: 'new',
    })
    // The ticket number is the client's own: another hotline may use the same one.
    const theirs = await other.post('/api/v1/public-reports/intake', ticket('GD-20261206-0001'))
    expect(theirs.statusCode).toBe(201)
    expect(theirs.json().trackingCode).not.toBe(receipt.trackingCode)
  })

  it('answers two sends of one ticket at once with one report', async () => {
    const [a, b] = await Promise.all([
      hotline.post('/api/v1/public-reports/intake', ticket('GD-RACE-1')),
      hotline.post('/api/v1/public-reports/intake', ticket('GD-RACE-1')),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201])
    expect(a.json().trackingCode).toBe(b.json().trackingCode)
    const rows = await t.database.db
      .select()
      .from(publicReports)
      .where(and(eq(publicReports.clientId, hotline.id), eq(publicReports.externalId, 'GD-RACE-1')))
    expect(rows).toHaveLength(1)
  })

  it('refuses people, clients without the scope, half a position and unknown fields', async () => {
    const office = await as(t.app, world.users.office)
    expect((await office.post('/api/v1/public-reports/intake', ticket('X-1'))).statusCode).toBe(403)
    const reader = await apiClient(t.app, world.users.admin.username, {
      scopes: ['public_reports:read'],
    })
    expect((await reader.post('/api/v1/public-reports/intake', ticket('X-2'))).statusCode).toBe(403)
    const half = await hotline.post('/api/v1/public-reports/intake', {
      ...ticket('X-3'),
      long: undefined,
    })
    expect(half.statusCode).toBe(422)
    const extra = await hotline.post('/api/v1/public-reports/intake', {
      ...ticket('X-4'),
      service_code: '001',
    })
    expect(extra.statusCode).toBe(422) // unknown fields are refused, as everywhere
    expect(extra.json().code).toBe('validation')
  })

  it('limits each client, not each address', async () => {
    const limited = await buildAppOn(t.database, {
      ...PUBLIC_TEST_CONFIG,
      INTAKE_RATE_LIMIT_MAX: 2,
    })
    try {
      const send = (token: string, id: string) =>
        client(limited, token).post('/api/v1/public-reports/intake', ticket(id))
      expect((await send(hotline.accessToken, 'L-1')).statusCode).toBe(201)
      expect((await send(hotline.accessToken, 'L-2')).statusCode).toBe(201)
      const over = await send(hotline.accessToken, 'L-3')
      expect(over.statusCode).toBe(429)
      expect(over.headers['retry-after']).toBeDefined()
      // Same address, another client: its own allowance.
      expect((await send(other.accessToken, 'L-3')).statusCode).toBe(201)
    } finally {
      await limited.close()
    }
  })

  it("keeps the reporter's name and contact to the office, like a complainant's", async () => {
    const sent = (
      await hotline.post('/api/v1/public-reports/intake', ticket('GD-PRIVATE-1'))
    ).json()
    const row = await rowOf(sent.trackingCode)
    // Sealed at rest (lib/crypto), opened for the office's read below.
    expect(JSON.stringify(row)).not.toContain(CONTACT)
    expect(row.name).toMatch(/^enc:/)
    expect(t.cipher.open(row.contact!, 'public_reports.contact')).toBe(CONTACT)
    const office = await as(t.app, world.users.office)
    const seen = (await office.get(`/api/v1/public-reports/${row.id}`)).json()
    expect(seen).toMatchObject({
      name: NAME,
      contact: CONTACT,
      intake: { clientId: hotline.id, externalId: 'GD-PRIVATE-1', lat: 30.2741 },
    })
    const reader = await apiClient(t.app, world.users.admin.username, {
      scopes: ['public_reports:read'],
    })
    const bodies = [
      (await client(t.app).get(`/api/v1/public/reports/${sent.trackingCode}`)).body,
      (await reader.get(`/api/v1/public-reports/${row.id}`)).body,
      (await reader.get('/api/v1/public-reports?limit=200')).body,
    ]
    for (const who of [world.users.leader, world.users.auditor, world.users.unitA]) {
      const api = await as(t.app, who)
      bodies.push((await api.get(`/api/v1/public-reports/${row.id}`)).body)
      bodies.push((await api.get('/api/v1/public-reports?limit=200')).body)
    }
    for (const body of bodies) {
      expect(body).not.toContain(CONTACT)
      expect(body).not.toContain(NAME)
    }
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, row.id))
    expect(audit.length).toBeGreaterThan(0)
    const recorded = JSON.stringify(audit.map((a) => [a.before, a.after]))
    expect(recorded).not.toContain(CONTACT)
    expect(recorded).not.toContain(NAME)
  })

  it('tells the sending client (and the admin) when the office answers or links the report', async () => {
    const hook = (api: { post: typeof hotline.post }) =>
      api.post('/api/v1/webhooks', {
        name: '工单回写',
        url: 'https://hotline.example.com/hooks',
        eventTypes: ['public_report.answered', 'public_report.linked'],
        format: 'json',
      })
    const mine = (await hook(hotline)).json().subscription
    const theirs = (await hook(other)).json().subscription
    const admin = await as(t.app, world.users.admin)
    const admins = (await hook(admin)).json().subscription
    const { tick } = makeDispatcher(t.database.db)
    await tick()

    const sent = (await hotline.post('/api/v1/public-reports/intake', ticket('GD-CLOSE-1'))).json()
    const row = await rowOf(sent.trackingCode)
    const office = await as(t.app, world.users.office)
    const replied = await office.post(
      `/api/v1/public-reports/${row.id}/triage`,
      { action: 'reply', reply: '已转甲县城管局核查处理' },
      { 'if-match': '"1"' },
    )
    expect(replied.statusCode, replied.body).toBe(200)
    const round = await makeRound(t.database.db)
    const problem = await makeProblem(t.database.db, { round, leadUnit: world.units.eeb })
    await publish(t.database.db, problem.id)
    const linked = await office.post(
      `/api/v1/public-reports/${row.id}/triage`,
      { action: 'link', problemId: problem.id },
      { 'if-match': '"2"' },
    )
    expect(linked.statusCode, linked.body).toBe(200)
    await tick()

    const emitted = await t.database.db.select().from(events).where(eq(events.entityId, row.id))
    expect(emitted.map((e) => e.type)).toEqual(['public_report.answered', 'public_report.linked'])
    expect(emitted[0]!.data).toEqual({
      externalId: 'GD-CLOSE-1',
      trackingCode: sent.trackingCode,
      status: 'replied',
      reply: '已转甲县城管局核查处理',
      repliedAt: expect.any(String),
    })
    expect(emitted[1]!.data).toMatchObject({ externalId: 'GD-CLOSE-1', status: 'linked' })
    expect(JSON.stringify(emitted)).not.toContain(CONTACT)
    const deliveredTo = async (id: string) =>
      (
        await t.database.db
          .select({ type: webhookDeliveries.eventType })
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.subscriptionId, id))
      ).map((d) => d.type)
    expect((await deliveredTo(mine.id)).sort()).toEqual([
      'public_report.answered',
      'public_report.linked',
    ])
    expect(await deliveredTo(admins.id)).toHaveLength(2)
    expect(await deliveredTo(theirs.id)).toEqual([])
  })
})
