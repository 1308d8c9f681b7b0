import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../src/db/schema/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import { apiClient } from './client-factories.js'
import { as, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let round: Awaited<ReturnType<typeof makeRound>>
let city: Awaited<ReturnType<typeof apiClient>>
let county: Awaited<ReturnType<typeof apiClient>>

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  round = await makeRound(t.database.db)
  const scopes = ['progress:write', 'problems:read']
  city = await apiClient(t.app, world.users.admin.username, { name: '市调度平台', scopes })
  county = await apiClient(t.app, world.users.admin.username, {
    name: '甲县调度系统',
    scopes,
    unitId: world.units.countyA.id,
  })
})
afterAll(() => t.close())

/** Led by the city EEB, in county A, county B co-responsible; in progress. */
const problem = () =>
  makeProblem(t.database.db, {
    round,
    leadUnit: world.units.eeb,
    region: world.units.countyA,
    coUnits: [world.units.countyB],
    status: 'in_progress',
  })
const report = (onBehalfOf?: string) => ({
  period: '2026-09',
  done: '完成污水管网改造2.3公里',
  percent: 40,
  ...(onBehalfOf ? { onBehalfOf } : {}),
})

describe('a client reporting progress for a unit (onBehalfOf)', () => {
  it('is recorded as the client for the unit, in the report and the audit log; reviewed as usual', async () => {
    const p = await problem()
    const res = await city.post(`/api/v1/problems/${p.id}/reports`, report(world.units.countyA.id))
    expect(res.statusCode, res.body).toBe(201)
    const r = res.json()
    expect(r).toMatchObject({
      unit: { id: world.units.countyA.id, name: '甲县' },
      submittedOnBehalf: true,
      submittedByClient: { id: city.id, name: '市调度平台' },
      submittedBy: '市调度平台',
      status: 'submitted',
    })
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.submitted'), eq(auditLog.entityId, r.id)))
    expect(entry).toMatchObject({
      actorType: 'client',
      actorId: city.id,
      actorName: '市调度平台',
      unitId: world.units.countyA.id,
    })
    expect(entry!.after).toMatchObject({
      unit: { id: world.units.countyA.id },
      submittedByClient: { id: city.id, name: '市调度平台' },
    })
    // The county reads it as the client's report for it; the office reviews it like any other.
    const countyUser = await as(t.app, world.users.unitA)
    const seen = (await countyUser.get(`/api/v1/reports/${r.id}`)).json()
    expect(seen.submittedByClient).toEqual({ id: city.id, name: '市调度平台' })
    const office = await as(t.app, world.users.office)
    const reviewed = await office.post(
      `/api/v1/reports/${r.id}/review`,
      { decision: 'accept' },
      { 'if-match': '"1"' },
    )
    expect(reviewed.statusCode, reviewed.body).toBe(200)
    expect(reviewed.json()).toMatchObject({ status: 'accepted', submittedOnBehalf: true })
  })

  it('lets a unit-scoped client report for a unit in its subtree, and 404s one outside it', async () => {
    const p = await problem()
    const inside = await county.post(
      `/api/v1/problems/${p.id}/reports`,
      report(world.units.countyA.id),
    )
    expect(inside.statusCode, inside.body).toBe(201)
    expect(inside.json().submittedByClient.name).toBe('甲县调度系统')
    // County B is co-responsible, but outside the client's subtree: as if it did not exist.
    const outside = await county.post(
      `/api/v1/problems/${p.id}/reports`,
      report(world.units.countyB.id),
    )
    expect(outside.statusCode).toBe(404)
    const missing = await city.post(
      `/api/v1/problems/${p.id}/reports`,
      report('0190c4f4-0000-7000-8000-000000000000'),
    )
    expect(missing.statusCode).toBe(404)
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.submitted'), eq(auditLog.actorId, county.id)))
    expect(audit?.unitId).toBe(world.units.countyA.id)
  })

  it('refuses a unit the problem does not concern, a client without onBehalfOf, and people', async () => {
    const p = await problem()
    const unrelated = await city.post(
      `/api/v1/problems/${p.id}/reports`,
      report(world.units.townA.id),
    )
    expect(unrelated.statusCode).toBe(422)
    expect(unrelated.json().errors[0].path).toBe('/onBehalfOf')
    // A city-wide client is no unit: it names the unit it reports for.
    expect((await city.post(`/api/v1/problems/${p.id}/reports`, report())).statusCode).toBe(403)
    const person = await (
      await as(t.app, world.users.unitA)
    ).post(`/api/v1/problems/${p.id}/reports`, report(world.units.countyA.id))
    expect(person.statusCode).toBe(422)
    expect(person.json().errors[0].path).toBe('/onBehalfOf')
  })
})
