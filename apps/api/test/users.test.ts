import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { User, UserPage } from '@rectify/schemas'
import { auditLog, sessions, units, users } from '../src/db/schema/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import { PASSWORD, as, client, etagFor, login, makeUser, makeWorld } from './factories.js'

type Client = Awaited<ReturnType<typeof as>>
type World = Awaited<ReturnType<typeof makeWorld>>

let t: TestApp
let world: World
let admin: Client

/** Meets the mlps3 profile and is on no common-password list. */
const NEW_PASSWORD = 'Qz7!river-bend'

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  admin = await as(t.app, world.users.admin)
})
afterAll(() => t.close())

const userRow = async (id: string) =>
  (await t.database.db.select().from(users).where(eq(users.id, id)))[0]!
const countUsername = async (name: string) =>
  (
    await t.database.db
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = lower(${name})`)
  ).length
const liveSessions = (userId: string) =>
  t.database.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` })
const newUser = (
  o: Partial<Record<'username' | 'displayName' | 'unitId' | 'password', string>> & {
    roles?: string[]
  } = {},
) => ({
  username: o.username ?? `new.${Math.random().toString(36).slice(2, 8)}`,
  displayName: o.displayName ?? '新用户',
  unitId: o.unitId ?? world.units.countyA.id,
  roles: o.roles ?? ['unit'],
  password: o.password ?? NEW_PASSWORD,
})

/** Every user id a client's list returns for a query, walking all pages. */
async function listIds(c: Client, query = ''): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const res = await c.get(`/api/v1/users?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`)
    expect(res.statusCode).toBe(200)
    const page = res.json<UserPage>()
    ids.push(...page.items.map((u) => u.id))
    cursor = page.nextCursor
  } while (cursor)
  return ids
}

describe('POST /api/v1/users', () => {
  it('creates a user with 201, Location and ETag "1", who can then log in', async () => {
    const body = newUser({ username: 'li.si', displayName: '李四' })
    const res = await admin.post('/api/v1/users', body)
    expect(res.statusCode).toBe(201)
    const user = res.json<User>()
    expect(user).toMatchObject({
      username: 'li.si',
      displayName: '李四',
      roles: ['unit'],
      status: 'active',
      version: 1,
      unit: { id: world.units.countyA.id },
    })
    expect(res.headers.location).toBe(`/api/v1/users/${user.id}`)
    expect(res.headers.etag).toMatch(etagFor(1))
    expect(res.body).not.toContain(NEW_PASSWORD)
    expect((await userRow(user.id)).passwordHash).toMatch(/^\$argon2id\$/)
    const session = client(t.app, (await login(t.app, 'li.si', NEW_PASSWORD)).accessToken)
    expect((await session.get('/api/v1/me')).json()).toMatchObject({
      id: user.id,
      username: 'li.si',
    })
  })

  it('records the created user in the audit log, actor the admin, without the password', async () => {
    const res = await admin.post('/api/v1/users', newUser({ username: 'wang.wu' }))
    const id = res.json<User>().id
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'user.created')))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorId: world.users.admin.id,
      entityType: 'user',
      requestId: res.headers['x-request-id'],
      after: { username: 'wang.wu' },
    })
    expect(JSON.stringify({ before: entries[0]!.before, after: entries[0]!.after })).not.toContain(
      NEW_PASSWORD,
    )
    expect(Object.keys(entries[0]!.after as object)).not.toContain('passwordHash')
  })

  it('refuses an account that is both admin and auditor with 422 and creates no row', async () => {
    const res = await admin.post(
      '/api/v1/users',
      newUser({ username: 'both.roles', roles: ['admin', 'auditor'], unitId: world.units.city.id }),
    )
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toContainEqual({
      path: '/roles',
      message: 'admin and auditor are exclusive',
    })
    expect(await countUsername('both.roles')).toBe(0)
  })

  it.each(['12345678', 'password'])(
    'refuses the weak password %s with 422 password_policy and creates no row',
    async (password) => {
      const username = `weak.${password}`
      const res = await admin.post('/api/v1/users', newUser({ username, password }))
      expect(res.statusCode).toBe(422)
      expect(res.json().code).toBe('password_policy')
      expect(await countUsername(username)).toBe(0)
    },
  )

  it('refuses a username that differs only in case with 409 duplicate', async () => {
    await makeUser(t.database.db, {
      unit: world.units.eeb,
      roles: ['lead_unit'],
      username: 'Zhang.San',
    })
    const res = await admin.post('/api/v1/users', newUser({ username: 'zhang.SAN' }))
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('duplicate')
    expect(await countUsername('zhang.san')).toBe(1)
  })

  it.each(['office', 'lead', 'unitA', 'leader', 'auditor'] as const)(
    'refuses %s with 403 and creates no row',
    async (who) => {
      const c = await as(t.app, world.users[who])
      const username = `by.${who.toLowerCase()}`
      expect((await c.post('/api/v1/users', newUser({ username }))).statusCode).toBe(403)
      expect(await countUsername(username)).toBe(0)
    },
  )
})

describe('user scope', () => {
  it('returns 404 to a county A user for a user of county B, as for no user at all', async () => {
    const staff = await as(t.app, world.users.unitA)
    const other = await staff.get(`/api/v1/users/${world.users.unitB.id}`)
    const none = await staff.get('/api/v1/users/0190a000-0000-7000-8000-000000000000')
    expect(other.statusCode).toBe(404)
    expect(other.json().detail).toBe(none.json().detail)
    expect((await staff.get(`/api/v1/users/${world.users.townA.id}`)).statusCode).toBe(200)
  })

  it('lists to a county A user only the users of its subtree, township included, each readable', async () => {
    const staff = await as(t.app, world.users.unitA)
    const ids = await listIds(staff)
    expect(ids).toEqual(expect.arrayContaining([world.users.unitA.id, world.users.townA.id]))
    for (const other of [
      world.users.unitB,
      world.users.admin,
      world.users.office,
      world.users.lead,
    ])
      expect(ids).not.toContain(other.id)
    const rows = await t.database.db
      .select({ id: users.id, path: units.path })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
    const subtree = rows.filter((r) => r.path.startsWith(world.units.countyA.path)).map((r) => r.id)
    expect(new Set(ids)).toEqual(new Set(subtree))
    for (const id of ids) expect((await staff.get(`/api/v1/users/${id}`)).statusCode).toBe(200)
  })
})

describe('GET /api/v1/users filters', () => {
  it('filters by role', async () => {
    const ids = await listIds(admin, '&role=auditor')
    expect(ids).toContain(world.users.auditor.id)
    for (const id of ids) expect((await userRow(id)).roles).toContain('auditor')
    expect(ids).not.toContain(world.users.office.id)
  })

  it('filters by status', async () => {
    const gone = await makeUser(t.database.db, {
      unit: world.units.countyB,
      roles: ['unit'],
      status: 'disabled',
    })
    const disabled = await listIds(admin, '&status=disabled')
    expect(disabled).toContain(gone.id)
    for (const id of disabled) expect((await userRow(id)).status).toBe('disabled')
    const active = await listIds(admin, '&status=active')
    expect(active).not.toContain(gone.id)
    expect(active).toContain(world.users.unitB.id)
  })

  it('filters by text in the username or the Chinese display name', async () => {
    const made = (
      await admin.post(
        '/api/v1/users',
        newUser({ username: 'zhao.liu', displayName: '赵六监测员' }),
      )
    ).json<User>()
    expect(await listIds(admin, '&q=zhao.l')).toEqual([made.id])
    expect(await listIds(admin, `&q=${encodeURIComponent('监测员')}`)).toEqual([made.id])
    expect(await listIds(admin, '&q=%25')).toEqual([])
  })

  it('filters by unit, subtree included', async () => {
    const ids = await listIds(admin, `&unit=${world.units.countyA.id}`)
    expect(ids).toEqual(expect.arrayContaining([world.users.unitA.id, world.users.townA.id]))
    for (const id of ids) {
      const unit = (
        await t.database.db
          .select()
          .from(units)
          .where(eq(units.id, (await userRow(id)).unitId))
      )[0]!
      expect(unit.path.startsWith(world.units.countyA.path)).toBe(true)
    }
    expect(await listIds(admin, `&unit=${world.units.townA.id}`)).toEqual([world.users.townA.id])
  })
})

describe('PATCH /api/v1/users/:id', () => {
  it('disables a user: the access token they hold is refused at once and refresh fails', async () => {
    const target = await makeUser(t.database.db, { unit: world.units.countyB, roles: ['unit'] })
    const pair = await login(t.app, target.username)
    const session = client(t.app, pair.accessToken)
    expect((await session.get('/api/v1/me')).statusCode).toBe(200)
    const { version } = await userRow(target.id)

    const res = await admin.patch(
      `/api/v1/users/${target.id}`,
      { status: 'disabled' },
      ifMatch(version),
    )
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toMatch(etagFor(version + 1))
    expect((await userRow(target.id)).status).toBe('disabled')

    expect((await session.get('/api/v1/me')).statusCode).toBe(401)
    expect(
      (await client(t.app).post('/api/v1/auth/refresh', { refreshToken: pair.refreshToken }))
        .statusCode,
    ).toBe(401)
    const again = await client(t.app).post('/api/v1/auth/login', {
      username: target.username,
      password: PASSWORD,
    })
    expect(again.statusCode).toBe(401)
    expect(again.json().code).toBe('account_disabled')
    expect(await liveSessions(target.id)).toHaveLength(0)
  })

  it('refuses to let the admin disable itself with 422', async () => {
    const { version } = await userRow(world.users.admin.id)
    const res = await admin.patch(
      `/api/v1/users/${world.users.admin.id}`,
      { status: 'disabled' },
      ifMatch(version),
    )
    expect(res.statusCode).toBe(422)
    expect(await userRow(world.users.admin.id)).toMatchObject({ status: 'active', version })
  })

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const target = await makeUser(t.database.db, { unit: world.units.eeb, roles: ['lead_unit'] })
    expect(
      (await admin.patch(`/api/v1/users/${target.id}`, { displayName: '第二版' }, ifMatch(1)))
        .statusCode,
    ).toBe(200)
    const res = await admin.patch(`/api/v1/users/${target.id}`, { displayName: '覆盖' }, ifMatch(1))
    expect(res.statusCode).toBe(412)
    expect(res.json().code).toBe('precondition_failed')
    expect(await userRow(target.id)).toMatchObject({ displayName: '第二版', version: 2 })
  })

  it('requires If-Match (428) and changes nothing', async () => {
    const target = await makeUser(t.database.db, { unit: world.units.eeb, roles: ['lead_unit'] })
    expect(
      (await admin.patch(`/api/v1/users/${target.id}`, { displayName: '无条件' })).statusCode,
    ).toBe(428)
    expect(await userRow(target.id)).toMatchObject({ version: 1 })
  })

  it('refuses to make an existing user both admin and auditor with 422', async () => {
    const target = await makeUser(t.database.db, { unit: world.units.city, roles: ['auditor'] })
    const res = await admin.patch(
      `/api/v1/users/${target.id}`,
      { roles: ['admin', 'auditor'] },
      ifMatch(1),
    )
    expect(res.statusCode).toBe(422)
    expect(await userRow(target.id)).toMatchObject({ roles: ['auditor'], version: 1 })
  })
})

describe('users of a deactivated unit', () => {
  it('refuses to re-enable a user whose unit is deactivated with 422 and changes nothing', async () => {
    const unit = (
      await admin.post('/api/v1/units', {
        code: 'CLOSING',
        name: '撤销单位',
        kind: 'other',
        parentId: world.units.city.id,
      })
    ).json<{ id: string }>()
    const target = (await admin.post('/api/v1/users', newUser({ unitId: unit.id }))).json<User>()
    expect(
      (await admin.patch(`/api/v1/users/${target.id}`, { status: 'disabled' }, ifMatch(1)))
        .statusCode,
    ).toBe(200)
    expect(
      (await admin.patch(`/api/v1/units/${unit.id}`, { active: false }, ifMatch(1))).statusCode,
    ).toBe(200)
    const res = await admin.patch(`/api/v1/users/${target.id}`, { status: 'active' }, ifMatch(2))
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toEqual([{ path: '/status', message: 'the unit is deactivated' }])
    expect(await userRow(target.id)).toMatchObject({ status: 'disabled', version: 2 })
  })

  it('never leaves an active user in a unit deactivated while users move into it', async () => {
    for (let round = 0; round < 6; round++) {
      const unit = (
        await admin.post('/api/v1/units', {
          code: `DRAIN-${round}`,
          name: `撤并${round}`,
          kind: 'other',
          parentId: world.units.city.id,
        })
      ).json<{ id: string }>()
      const movers = await Promise.all(
        [0, 1, 2].map(() =>
          makeUser(t.database.db, { unit: world.units.eeb, roles: ['lead_unit'] }),
        ),
      )
      const answers = await Promise.all([
        ...movers.map((u) => admin.patch(`/api/v1/users/${u.id}`, { unitId: unit.id }, ifMatch(1))),
        admin.patch(`/api/v1/units/${unit.id}`, { active: false }, ifMatch(1)),
      ])
      for (const r of answers) expect([200, 409, 422]).toContain(r.statusCode)
      const [unitRow] = await t.database.db.select().from(units).where(eq(units.id, unit.id))
      const inside = await t.database.db
        .select()
        .from(users)
        .where(and(eq(users.unitId, unit.id), eq(users.status, 'active')))
      expect(unitRow!.active || inside.length === 0, 'an active user in a deactivated unit').toBe(
        true,
      )
    }
  })
})

describe('POST /api/v1/users/:id/password', () => {
  it('resets a password: the old one fails, the new one works, and every session ends', async () => {
    const target = await makeUser(t.database.db, { unit: world.units.countyA, roles: ['unit'] })
    const pair = await login(t.app, target.username)
    const res = await admin.post(`/api/v1/users/${target.id}/password`, { password: NEW_PASSWORD })
    expect(res.statusCode).toBe(204)
    expect((await client(t.app, pair.accessToken).get('/api/v1/me')).statusCode).toBe(401)
    expect(
      (await client(t.app).post('/api/v1/auth/refresh', { refreshToken: pair.refreshToken }))
        .statusCode,
    ).toBe(401)
    expect(await liveSessions(target.id)).toHaveLength(0)
    const old = await client(t.app).post('/api/v1/auth/login', {
      username: target.username,
      password: PASSWORD,
    })
    expect(old.statusCode).toBe(401)
    expect(old.json().code).toBe('invalid_credentials')
    expect(
      (
        await client(t.app).post('/api/v1/auth/login', {
          username: target.username,
          password: NEW_PASSWORD,
        })
      ).statusCode,
    ).toBe(200)
  })

  it('refuses a weak new password with 422 password_policy and keeps the old one', async () => {
    const target = await makeUser(t.database.db, { unit: world.units.countyA, roles: ['unit'] })
    const res = await admin.post(`/api/v1/users/${target.id}/password`, { password: 'password' })
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('password_policy')
    expect(
      (
        await client(t.app).post('/api/v1/auth/login', {
          username: target.username,
          password: PASSWORD,
        })
      ).statusCode,
    ).toBe(200)
  })
})
