import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import type { Unit, UnitPage } from '@rectify/schemas'
import { units } from '../src/db/schema/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, etagFor, makeUnit, makeUser, makeWorld } from './factories.js'

type Client = Awaited<ReturnType<typeof as>>
type World = Awaited<ReturnType<typeof makeWorld>>

let t: TestApp
let world: World
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  admin = await as(t.app, world.users.admin)
})
afterAll(() => t.close())

const row = async (id: string) =>
  (await t.database.db.select().from(units).where(eq(units.id, id)))[0]!
const allRows = () => t.database.db.select().from(units).orderBy(asc(units.id))
const byCode = (code: string) => t.database.db.select().from(units).where(eq(units.code, code))
const ifMatch = (version: number | string) => ({ 'if-match': `"${version}"` })

/** Every unit id a client's list returns, walking all pages. */
async function listIds(
  c: Client,
  query = '',
  limit = 200,
): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = []
  const totals: number[] = []
  let cursor: string | null = null
  do {
    const res = await c.get(
      `/api/v1/units?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
    )
    expect(res.statusCode).toBe(200)
    const page = res.json<UnitPage>()
    expect(page.items.length).toBeLessThanOrEqual(limit)
    ids.push(...page.items.map((u) => u.id))
    totals.push(page.total)
    cursor = page.nextCursor
  } while (cursor)
  return { ids, totals }
}

describe('POST /api/v1/units', () => {
  it('creates a unit as admin with 201, Location, ETag "1" and a path under its parent', async () => {
    const res = await admin.post('/api/v1/units', {
      code: 'TWN-NEW',
      name: '甲县新镇',
      kind: 'township',
      parentId: world.units.countyA.id,
    })
    expect(res.statusCode).toBe(201)
    const unit = res.json<Unit>()
    expect(unit).toMatchObject({
      code: 'TWN-NEW',
      name: '甲县新镇',
      kind: 'township',
      parentId: world.units.countyA.id,
      active: true,
      version: 1,
    })
    expect(res.headers.location).toBe(`/api/v1/units/${unit.id}`)
    expect(res.headers.etag).toMatch(etagFor(1))
    expect((await row(unit.id)).path).toBe(`${world.units.countyA.path}${unit.id}/`)
    const read = await admin.get(res.headers.location as string)
    expect(read.statusCode).toBe(200)
    expect(read.json()).toEqual(unit)
  })

  it('refuses a duplicate code with 409 duplicate and creates nothing', async () => {
    const res = await admin.post('/api/v1/units', {
      code: world.units.countyB.code,
      name: '重复',
      kind: 'county',
      parentId: world.units.city.id,
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('duplicate')
    expect(await byCode(world.units.countyB.code)).toHaveLength(1)
  })

  it.each(['path', 'id', 'version'])(
    'refuses the unknown body field %s with 422 and creates nothing',
    async (field) => {
      const code = `X-${field}`
      const res = await admin.post('/api/v1/units', {
        code,
        name: '越权',
        kind: 'department',
        parentId: null,
        [field]: field === 'version' ? 7 : '/x/',
      })
      expect(res.statusCode).toBe(422)
      expect(res.json().errors).toContainEqual({ path: `/${field}`, message: 'unknown property' })
      expect(await byCode(code)).toHaveLength(0)
    },
  )

  it('refuses a deactivated parent with 422 and creates nothing', async () => {
    const closed = await makeUnit(t.database.db, { parent: world.units.city })
    await t.database.db.update(units).set({ active: false }).where(eq(units.id, closed.id))
    const res = await admin.post('/api/v1/units', {
      code: 'UNDER-CLOSED',
      name: '下级',
      kind: 'other',
      parentId: closed.id,
    })
    expect(res.statusCode).toBe(422)
    expect(await byCode('UNDER-CLOSED')).toHaveLength(0)
  })
})

describe('PATCH /api/v1/units/:id', () => {
  it('renames with If-Match and bumps the ETag', async () => {
    const unit = await makeUnit(t.database.db, { parent: world.units.city, name: '旧名' })
    const read = await admin.get(`/api/v1/units/${unit.id}`)
    expect(read.headers.etag).toMatch(etagFor(1))
    const res = await admin.patch(`/api/v1/units/${unit.id}`, { name: '新名' }, ifMatch(1))
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toMatch(etagFor(2))
    expect(res.json()).toMatchObject({ name: '新名', version: 2 })
    expect(await row(unit.id)).toMatchObject({ name: '新名', version: 2 })
  })

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const unit = await makeUnit(t.database.db, { parent: world.units.city, name: '原名' })
    expect(
      (await admin.patch(`/api/v1/units/${unit.id}`, { name: '第二版' }, ifMatch(1))).statusCode,
    ).toBe(200)
    const res = await admin.patch(`/api/v1/units/${unit.id}`, { name: '覆盖' }, ifMatch(1))
    expect(res.statusCode).toBe(412)
    expect(res.json().code).toBe('precondition_failed')
    expect(await row(unit.id)).toMatchObject({ name: '第二版', version: 2 })
  })

  it('requires If-Match (428) and changes nothing', async () => {
    const unit = await makeUnit(t.database.db, { parent: world.units.city, name: '原名' })
    const res = await admin.patch(`/api/v1/units/${unit.id}`, { name: '无条件' })
    expect(res.statusCode).toBe(428)
    expect(res.json().code).toBe('precondition_required')
    expect(await row(unit.id)).toMatchObject({ name: '原名', version: 1 })
  })

  it.each([
    ['path', '/evil/'],
    ['id', '00000000-0000-7000-8000-000000000000'],
    ['version', 99],
    ['code', 'NEWCODE'],
  ])('refuses the unknown body field %s with 422 and changes nothing', async (field, value) => {
    const unit = await makeUnit(t.database.db, { parent: world.units.city, name: '原名' })
    const before = await row(unit.id)
    const res = await admin.patch(
      `/api/v1/units/${unit.id}`,
      { name: '改名', [field]: value },
      ifMatch(1),
    )
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toContainEqual({ path: `/${field}`, message: 'unknown property' })
    expect(await row(unit.id)).toEqual(before)
  })

  it('answers 404 for a unit that does not exist', async () => {
    const res = await admin.patch(
      '/api/v1/units/0190a000-0000-7000-8000-000000000000',
      { name: 'x' },
      ifMatch(1),
    )
    expect(res.statusCode).toBe(404)
  })

  it('moves a unit and rewrites its subtree paths, so its users and the parent filter still find the township', async () => {
    const db = t.database.db
    const countyC = await makeUnit(db, { parent: world.units.city, kind: 'county', name: '丙县' })
    const townC = await makeUnit(db, { parent: countyC, kind: 'township', name: '丙县镇' })
    const district = await makeUnit(db, { parent: world.units.city, kind: 'other', name: '新区' })
    const staffC = await as(t.app, await makeUser(db, { unit: countyC, roles: ['unit'] }))
    const staffDistrict = await as(t.app, await makeUser(db, { unit: district, roles: ['unit'] }))
    expect((await listIds(staffDistrict)).ids).toEqual([district.id])

    const res = await admin.patch(
      `/api/v1/units/${countyC.id}`,
      { parentId: district.id },
      ifMatch(1),
    )
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toMatch(etagFor(2))
    expect(res.json().parentId).toBe(district.id)

    const movedPath = `${district.path}${countyC.id}/`
    expect((await row(countyC.id)).path).toBe(movedPath)
    expect((await row(townC.id)).path).toBe(`${movedPath}${townC.id}/`)
    expect(new Set((await listIds(staffC)).ids)).toEqual(new Set([countyC.id, townC.id]))
    expect((await staffC.get(`/api/v1/units/${townC.id}`)).statusCode).toBe(200)
    expect(new Set((await listIds(staffDistrict)).ids)).toEqual(
      new Set([district.id, countyC.id, townC.id]),
    )
    expect((await listIds(admin, `&parent=${countyC.id}`)).ids).toEqual([townC.id])
    expect((await listIds(admin, `&parent=${district.id}`)).ids).toEqual([countyC.id])
  })

  it('refuses to move a unit under itself or its own subtree with 422 and changes no path', async () => {
    const before = await allRows()
    const { countyA, townA } = world.units
    for (const parentId of [townA.id, countyA.id]) {
      const res = await admin.patch(`/api/v1/units/${countyA.id}`, { parentId }, ifMatch(1))
      expect(res.statusCode).toBe(422)
      expect(res.json().errors[0].path).toBe('/parentId')
    }
    expect(await allRows()).toEqual(before)
  })

  it('refuses to deactivate a unit with active sub-units with 409 unit_in_use', async () => {
    const parent = await makeUnit(t.database.db, { parent: world.units.city })
    await makeUnit(t.database.db, { parent })
    const res = await admin.patch(`/api/v1/units/${parent.id}`, { active: false }, ifMatch(1))
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('unit_in_use')
    expect(await row(parent.id)).toMatchObject({ active: true, version: 1 })
  })

  it('refuses to deactivate a unit with active users with 409 unit_in_use', async () => {
    const unit = await makeUnit(t.database.db, { parent: world.units.city })
    await makeUser(t.database.db, { unit, roles: ['unit'] })
    const res = await admin.patch(`/api/v1/units/${unit.id}`, { active: false }, ifMatch(1))
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('unit_in_use')
    expect(await row(unit.id)).toMatchObject({ active: true, version: 1 })
  })

  it('refuses to reactivate a unit under a deactivated parent with 422 and changes nothing', async () => {
    const parent = await makeUnit(t.database.db, { parent: world.units.city })
    const child = await makeUnit(t.database.db, { parent })
    expect(
      (await admin.patch(`/api/v1/units/${child.id}`, { active: false }, ifMatch(1))).statusCode,
    ).toBe(200)
    expect(
      (await admin.patch(`/api/v1/units/${parent.id}`, { active: false }, ifMatch(1))).statusCode,
    ).toBe(200)
    const res = await admin.patch(`/api/v1/units/${child.id}`, { active: true }, ifMatch(2))
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toEqual([
      { path: '/active', message: 'the parent unit is deactivated' },
    ])
    expect(await row(child.id)).toMatchObject({ active: false, version: 2 })
  })

  it('deactivates a unit whose users are all disabled and bumps the ETag', async () => {
    const unit = await makeUnit(t.database.db, { parent: world.units.city })
    await makeUser(t.database.db, { unit, roles: ['unit'], status: 'disabled' })
    const res = await admin.patch(`/api/v1/units/${unit.id}`, { active: false }, ifMatch(1))
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toMatch(etagFor(2))
    expect(await row(unit.id)).toMatchObject({ active: false, version: 2 })
  })
})

describe('unit scope', () => {
  it('lists to a county A user exactly the units of county A and its subtree', async () => {
    const staff = await as(t.app, world.users.unitA)
    const { ids, totals } = await listIds(staff)
    const subtree = (await allRows())
      .filter((u) => u.path.startsWith(world.units.countyA.path))
      .map((u) => u.id)
    expect(ids).toEqual(expect.arrayContaining([world.units.countyA.id, world.units.townA.id]))
    expect(new Set(ids)).toEqual(new Set(subtree))
    expect(totals[0]).toBe(subtree.length)
    expect(ids).not.toContain(world.units.countyB.id)
    expect(ids).not.toContain(world.units.city.id)
  })

  it('returns 404 for a unit of another county, exactly as for a unit that does not exist', async () => {
    const staff = await as(t.app, world.users.unitA)
    const other = await staff.get(`/api/v1/units/${world.units.countyB.id}`)
    const none = await staff.get('/api/v1/units/0190a000-0000-7000-8000-000000000000')
    expect(other.statusCode).toBe(404)
    expect(none.statusCode).toBe(404)
    expect(other.json().detail).toBe(none.json().detail)
  })

  it('shows a county A user nothing under county B when filtering by parent', async () => {
    const staff = await as(t.app, world.users.unitA)
    const res = await staff.get(`/api/v1/units?parent=${world.units.city.id}`)
    expect(res.json()).toMatchObject({ items: [{ id: world.units.countyA.id }], total: 1 })
    expect(
      (await staff.get(`/api/v1/units?parent=${world.units.countyB.id}`)).json(),
    ).toMatchObject({ items: [], total: 0 })
  })

  it('refuses a county A user a PATCH of county B, as of its own county and of no unit, and changes nothing', async () => {
    const staff = await as(t.app, world.users.unitA)
    const before = await row(world.units.countyB.id)
    const ids = [
      world.units.countyB.id,
      world.units.countyA.id,
      '0190a000-0000-7000-8000-000000000000',
    ]
    const answers = await Promise.all(
      ids.map((id) => staff.patch(`/api/v1/units/${id}`, { name: '改' }, ifMatch(1))),
    )
    expect(answers.map((r) => r.statusCode)).toEqual([403, 403, 403])
    expect(new Set(answers.map((r) => r.json().detail)).size).toBe(1)
    expect(await row(world.units.countyB.id)).toEqual(before)
  })

  it.each(['admin', 'office', 'lead', 'unitA', 'townA', 'unitB', 'leader', 'auditor'] as const)(
    'lists to %s exactly the units its detail route shows',
    async (who) => {
      const user = world.users[who]
      const c = await as(t.app, user)
      const { ids } = await listIds(c)
      const all = await allRows()
      const own = all.find((u) => u.id === user.unitId)!
      const cityWide = ['admin', 'office', 'leader', 'auditor'].includes(who)
      const visible = all.filter((u) => cityWide || u.path.startsWith(own.path)).map((u) => u.id)
      expect(new Set(ids)).toEqual(new Set(visible))
      expect(ids.length).toBe(visible.length)
      for (const u of all)
        expect((await c.get(`/api/v1/units/${u.id}`)).statusCode, u.name).toBe(
          ids.includes(u.id) ? 200 : 404,
        )
    },
  )
})

describe('unit write authorisation', () => {
  it.each(['office', 'lead', 'leader', 'auditor', 'unitA'] as const)(
    'refuses %s POST and PATCH with 403 and changes nothing',
    async (who) => {
      const c = await as(t.app, world.users[who])
      const code = `FORBID-${who}`
      const created = await c.post('/api/v1/units', {
        code,
        name: '越权',
        kind: 'other',
        parentId: world.units.city.id,
      })
      expect(created.statusCode).toBe(403)
      expect(created.json().code).toBe('forbidden')
      expect(await byCode(code)).toHaveLength(0)
      const target = world.units.countyA
      const before = await row(target.id)
      const patched = await c.patch(
        `/api/v1/units/${target.id}`,
        { name: '越权' },
        ifMatch(before.version),
      )
      expect(patched.statusCode).toBe(403)
      expect(await row(target.id)).toEqual(before)
    },
  )
})

describe('unit paging', () => {
  it('walks every unit exactly once, two at a time, with the right total on every page, however deep the tree', async () => {
    let parent = world.units.townA
    for (let depth = 4; depth <= 6; depth++)
      parent = await makeUnit(t.database.db, { parent, kind: 'other', name: `第${depth}级` })
    const all = await allRows()
    const { ids, totals } = await listIds(admin, '', 2)
    expect(ids.length).toBe(all.length)
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(ids)).toEqual(new Set(all.map((u) => u.id)))
    expect(totals.length).toBe(Math.ceil(all.length / 2))
    expect(new Set(totals)).toEqual(new Set([all.length]))
  })

  it('refuses a well-formed cursor that names no unit id with 400', async () => {
    const cursor = Buffer.from(JSON.stringify(['not-a-unit'])).toString('base64url')
    const res = await admin.get(`/api/v1/units?cursor=${cursor}`)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('bad_request')
  })
})

describe('concurrent tree writers', () => {
  /** What must hold of the tree whatever the interleaving: paths follow parents, nothing active under an inactive unit. */
  async function violations(): Promise<string[]> {
    const all = await allRows()
    const byId = new Map(all.map((u) => [u.id, u]))
    const bad: string[] = []
    for (const u of all) {
      const parent = u.parentId ? byId.get(u.parentId) : undefined
      if (u.path !== `${parent?.path ?? '/'}${u.id}/`)
        bad.push(`${u.name}: path does not follow its parent`)
      if (parent && !parent.active && u.active)
        bad.push(`${u.name}: active under deactivated ${parent.name}`)
    }
    return bad
  }

  it('answers two units moved under each other at once with one move and one 422, never a cycle or a 5xx', async () => {
    for (let round = 0; round < 6; round++) {
      const a = await makeUnit(t.database.db, { parent: world.units.city, name: `交叉A${round}` })
      const b = await makeUnit(t.database.db, { parent: world.units.city, name: `交叉B${round}` })
      const answers = await Promise.all([
        admin.patch(`/api/v1/units/${a.id}`, { parentId: b.id }, ifMatch(1)),
        admin.patch(`/api/v1/units/${b.id}`, { parentId: a.id }, ifMatch(1)),
      ])
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 422])
    }
    expect(await violations()).toEqual([])
  })

  it('never leaves an active sub-unit under a unit deactivated while sub-units are created under it', async () => {
    for (let round = 0; round < 6; round++) {
      const parent = await makeUnit(t.database.db, {
        parent: world.units.city,
        name: `停用${round}`,
      })
      const answers = await Promise.all([
        ...[0, 1, 2].map((i) =>
          admin.post('/api/v1/units', {
            code: `RACE-D${round}-${i}`,
            name: `子${round}-${i}`,
            kind: 'other',
            parentId: parent.id,
          }),
        ),
        admin.patch(`/api/v1/units/${parent.id}`, { active: false }, ifMatch(1)),
      ])
      for (const r of answers) expect([200, 201, 409, 422]).toContain(r.statusCode)
    }
    expect(await violations()).toEqual([])
  })

  it('gives a sub-unit created while its ancestor moves the path of the new place', async () => {
    for (let round = 0; round < 6; round++) {
      const county = await makeUnit(t.database.db, {
        parent: world.units.city,
        name: `迁移县${round}`,
      })
      const town = await makeUnit(t.database.db, { parent: county, name: `迁移镇${round}` })
      const dest = await makeUnit(t.database.db, { parent: world.units.city, name: `新区${round}` })
      const answers = await Promise.all([
        admin.patch(`/api/v1/units/${county.id}`, { parentId: dest.id }, ifMatch(1)),
        ...[0, 1, 2].map((i) =>
          admin.post('/api/v1/units', {
            code: `RACE-M${round}-${i}`,
            name: `村${round}-${i}`,
            kind: 'other',
            parentId: town.id,
          }),
        ),
      ])
      expect(answers.map((r) => r.statusCode)).toEqual([200, 201, 201, 201])
    }
    expect(await violations()).toEqual([])
  })
})
