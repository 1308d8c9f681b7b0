import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './build-app.js'
import { client, login, makeWorld } from './factories.js'
import { inspectionIn } from './inspections-factories.js'
import { apiClient, qs } from './ledger-factories.js'

// The policy row of GET /inspections(/:id), as a table: role × kind × status → visible or 404.
// The inspections target county A; "unitA" is county A's staff, "townA" a township below it,
// "unitB" another county. An unannounced inspection stays hidden from its targets until done.

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
const api: Record<string, ReturnType<typeof client>> = {}
const KINDS = ['routine', 'unannounced'] as const
const STATUSES = ['planned', 'done', 'cancelled'] as const
const ids: Record<string, string> = {}
const key = (kind: string, status: string) => `${kind}/${status}`

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  for (const who of [
    'office',
    'leader',
    'auditor',
    'lead',
    'unitA',
    'townA',
    'unitB',
    'admin',
  ] as const)
    api[who] = client(t.app, (await login(t.app, world.users[who].username)).accessToken)
  api.clientA = await apiClient(t.app, world.users.admin, ['problems:read'], world.units.countyA.id)
  api.clientCity = await apiClient(t.app, world.users.admin, ['problems:read'])
  for (const kind of KINDS)
    for (const status of STATUSES)
      ids[key(kind, status)] = (
        await inspectionIn(api.office!, { kind, status, targetUnitIds: [world.units.countyA.id] })
      ).id
})
afterAll(() => t.close())

type Who =
  'office' | 'leader' | 'auditor' | 'admin' | 'clientCity' | 'unitA' | 'clientA' | 'lead' | 'unitB'

/** Who sees which inspection; `secret` marks the cells the secrecy rule hides. */
const CITY_WIDE: Who[] = ['office', 'leader', 'auditor', 'admin', 'clientCity']
const TARGET: Who[] = ['unitA', 'clientA']
const OUTSIDE: Who[] = ['lead', 'unitB']
const cases: [Who, (typeof KINDS)[number], (typeof STATUSES)[number], 200 | 404][] = []
for (const kind of KINDS)
  for (const status of STATUSES) {
    for (const who of CITY_WIDE) cases.push([who, kind, status, 200])
    for (const who of TARGET)
      cases.push([who, kind, status, kind === 'routine' || status === 'done' ? 200 : 404])
    for (const who of OUTSIDE) cases.push([who, kind, status, 404])
  }

describe('GET /inspections/:id — the secrecy row of the policy table', () => {
  it.each(cases)('%s, %s inspection %s → %i', async (who, kind, status, expected) => {
    const res = await api[who]!.get(`/api/v1/inspections/${ids[key(kind, status)]}`)
    expect(res.statusCode, res.body).toBe(expected)
  })

  it('hides a planned unannounced inspection from a township below the target county too', async () => {
    expect(
      (await api.townA!.get(`/api/v1/inspections/${ids['unannounced/planned']}`)).statusCode,
    ).toBe(404)
    // The town lies below the target, not above it: a county-wide inspection is not the town's.
    expect((await api.townA!.get(`/api/v1/inspections/${ids['routine/planned']}`)).statusCode).toBe(
      404,
    )
  })
})

describe('GET /inspections — lists and totals agree with the detail route', () => {
  it.each(['office', 'unitA', 'clientA', 'lead', 'unitB'] as Who[])(
    'lists for %s exactly the inspections its detail route shows',
    async (who) => {
      const page = (await api[who]!.get(`/api/v1/inspections${qs({ limit: 200 })}`)).json<{
        items: { id: string }[]
        total: number
      }>()
      const listed = new Set(page.items.map((i) => i.id))
      for (const [kind, status] of KINDS.flatMap((k) => STATUSES.map((s) => [k, s] as const))) {
        const id = ids[key(kind, status)]!
        const detail = (await api[who]!.get(`/api/v1/inspections/${id}`)).statusCode
        expect(listed.has(id), `${who} ${kind}/${status}`).toBe(detail === 200)
      }
      expect(page.total).toBe(page.items.length)
    },
  )

  it('counts a planned unannounced inspection for the office but not for its target', async () => {
    const unannounced = qs({ kind: 'unannounced', status: 'planned' })
    expect((await api.office!.get(`/api/v1/inspections${unannounced}`)).json().total).toBe(1)
    expect((await api.unitA!.get(`/api/v1/inspections${unannounced}`)).json()).toMatchObject({
      items: [],
      total: 0,
    })
    expect((await api.unitA!.get('/api/v1/inspections')).json().total).toBe(4)
  })
})
