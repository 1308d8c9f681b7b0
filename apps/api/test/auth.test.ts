import { createHmac } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, sessions, users } from '../src/db/schema/index.js'
import { AUDIENCE, ISSUER } from '../src/modules/auth/tokens.js'
import { TEST_SIGNING_KEY, createTestApp, type TestApp } from './build-app.js'
import { PASSWORD, client, login, makeUser, makeWorld } from './factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
})
afterAll(() => t.close())

const loginRaw = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } })
const refresh = (refreshToken: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } })
const me = (token: string) => client(t.app, token).get('/api/v1/me')

describe('login', () => {
  it('returns a 15-minute access token and a refresh token', async () => {
    const res = await loginRaw(world.users.office.username, PASSWORD)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const body = res.json()
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 })
    const payload = JSON.parse(Buffer.from(body.accessToken.split('.')[1], 'base64url').toString())
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(900)
    const meRes = await me(body.accessToken)
    expect(meRes.statusCode).toBe(200)
    expect(meRes.json()).toMatchObject({
      username: world.users.office.username,
      roles: ['office'],
      unit: { id: world.units.office.id },
    })
  })

  it('stores passwords as argon2id with at least OWASP parameters', async () => {
    const [row] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.id, world.users.office.id))
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/)
    const [, m, tCost] = /m=(\d+),t=(\d+)/.exec(row!.passwordHash)!
    expect(Number(m)).toBeGreaterThanOrEqual(19456)
    expect(Number(tCost)).toBeGreaterThanOrEqual(2)
  })

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await loginRaw(world.users.office.username, 'Wrong#Passw0rd')
    const unknown = await loginRaw('no-such-user', 'Wrong#Passw0rd')
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json().code).toBe('invalid_credentials')
    expect(unknown.json().code).toBe('invalid_credentials')
    expect(wrong.json().detail).toBe(unknown.json().detail)
  })

  it('locks the account after 5 failures, even for the right password, and audits it', async () => {
    const victim = await makeUser(t.database.db, { unit: world.units.countyA, roles: ['unit'] })
    for (let i = 0; i < 5; i++)
      expect((await loginRaw(victim.username, 'Nope#Passw0rd1')).json().code).toBe(
        'invalid_credentials',
      )
    const locked = await loginRaw(victim.username, PASSWORD)
    expect(locked.statusCode).toBe(401)
    expect(locked.json().code).toBe('account_locked')
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, victim.id))
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.login_failed', 'auth.account_locked']),
    )
  })

  it('locks an unknown username the same way, revealing nothing', async () => {
    for (let i = 0; i < 5; i++) await loginRaw('ghost-user', 'Nope#Passw0rd1')
    const res = await loginRaw('ghost-user', 'Nope#Passw0rd1')
    expect(res.json().code).toBe('account_locked')
  })

  it('lifts the lock once the lock period has passed', async () => {
    const victim = await makeUser(t.database.db, { unit: world.units.countyA, roles: ['unit'] })
    for (let i = 0; i < 5; i++) await loginRaw(victim.username, 'Nope#Passw0rd1')
    expect((await loginRaw(victim.username, PASSWORD)).json().code).toBe('account_locked')
    await t.database.query(
      `update login_throttle set locked_until = now() - interval '1 second' where username_key = $1`,
      [victim.username.toLowerCase()],
    )
    expect((await loginRaw(victim.username, PASSWORD)).statusCode).toBe(200)
  })

  it('refuses a disabled account', async () => {
    const gone = await makeUser(t.database.db, {
      unit: world.units.countyA,
      roles: ['unit'],
      status: 'disabled',
    })
    const res = await loginRaw(gone.username, PASSWORD)
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('account_disabled')
  })
})

describe('refresh tokens', () => {
  it('rotate on every use', async () => {
    const first = await login(t.app, world.users.lead.username)
    const second = await refresh(first.refreshToken)
    expect(second.statusCode).toBe(200)
    expect(second.json().refreshToken).not.toBe(first.refreshToken)
    expect((await me(second.json().accessToken)).statusCode).toBe(200)
  })

  it('answer with the account they sign in, as /me shows it (a reload needs no /me)', async () => {
    const first = await login(t.app, world.users.lead.username)
    const answer = (await refresh(first.refreshToken)).json()
    const shown = (await me(answer.accessToken)).json()
    expect(answer.me).toEqual(shown)
    expect(answer.me).toMatchObject({ username: world.users.lead.username })
  })

  it('revoke the whole family when a rotated token is reused', async () => {
    const first = await login(t.app, world.users.lead.username)
    const second = (await refresh(first.refreshToken)).json()
    const reuse = await refresh(first.refreshToken)
    expect(reuse.statusCode).toBe(401)
    expect(reuse.json().code).toBe('session_expired')
    // The thief's and the owner's tokens are all dead now.
    expect((await refresh(second.refreshToken)).statusCode).toBe(401)
    expect((await me(second.accessToken)).statusCode).toBe(401)
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.refresh_reuse'))
    expect(entry).toBeDefined()
  })

  it('are never accepted as access tokens, nor access tokens as refresh tokens', async () => {
    const pair = await login(t.app, world.users.lead.username)
    expect((await me(pair.refreshToken)).statusCode).toBe(401)
    expect((await refresh(pair.accessToken)).statusCode).toBe(401)
  })

  it('die with logout', async () => {
    const pair = await login(t.app, world.users.lead.username)
    // Used once first, so the session is in the principal cache when it ends.
    expect((await me(pair.accessToken)).statusCode).toBe(200)
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: pair.refreshToken },
    })
    expect(out.statusCode).toBe(204)
    expect((await me(pair.accessToken)).statusCode).toBe(401)
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401)
  })
})

describe('access tokens', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
  /** A token forged by hand (no JWT library), so each check is tested on its own. */
  const forge = (
    header: Record<string, unknown>,
    payload: Record<string, unknown>,
    key?: Uint8Array,
  ) => {
    const input = `${b64(header)}.${b64(payload)}`
    const signature = key ? createHmac('sha256', key).update(input).digest('base64url') : ''
    return `${input}.${signature}`
  }
  const sign = async (
    claims: Record<string, unknown>,
    opts: {
      aud?: string
      iss?: string
      typ?: string
      exp?: number
      key?: Uint8Array
      omit?: string
    } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000)
    const payload: Record<string, unknown> = {
      ...claims,
      sub: world.users.office.id,
      iss: opts.iss ?? ISSUER,
      aud: opts.aud ?? AUDIENCE,
      iat: now - 1000,
      exp: opts.exp ?? now + 600,
    }
    if (opts.omit) delete payload[opts.omit]
    return forge({ alg: 'HS256', typ: opts.typ ?? 'at+jwt' }, payload, opts.key ?? TEST_SIGNING_KEY)
  }

  async function liveSession() {
    const pair = await login(t.app, world.users.office.username)
    return JSON.parse(Buffer.from(pair.accessToken.split('.')[1]!, 'base64url').toString())
      .sid as string
  }

  it('accepts a well-formed token (control for the cases below)', async () => {
    const token = await sign({ kind: 'user', sid: await liveSession() })
    expect((await me(token)).statusCode).toBe(200)
  })

  it.each([
    ['expired', { exp: Math.floor(Date.now() / 1000) - 60 }],
    ['wrong audience', { aud: 'another-system' }],
    ['wrong issuer', { iss: 'someone-else' }],
    ['wrong type', { typ: 'JWT' }],
    ['wrong key', { key: new TextEncoder().encode('another-key-of-at-least-thirty-two-chars') }],
    ['no subject', { omit: 'sub' }],
    ['no issued-at', { omit: 'iat' }],
    ['no expiry', { omit: 'exp' }],
  ])('refuses a token with %s with 401', async (_name, opts) => {
    const token = await sign({ kind: 'user', sid: await liveSession() }, opts)
    const res = await me(token)
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('unauthorized')
  })

  it('refuses alg: none and another algorithm than HS256', async () => {
    const now = Math.floor(Date.now() / 1000)
    const payload = {
      kind: 'user',
      sid: await liveSession(),
      sub: world.users.office.id,
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now,
      exp: now + 600,
    }
    expect((await me(forge({ alg: 'none', typ: 'at+jwt' }, payload))).statusCode).toBe(401)
    const hs512 = `${b64({ alg: 'HS512', typ: 'at+jwt' })}.${b64(payload)}`
    const forged = `${hs512}.${createHmac('sha512', TEST_SIGNING_KEY).update(hs512).digest('base64url')}`
    expect((await me(forged)).statusCode).toBe(401)
  })

  it('refuses a token of a user without a session claim, and one of an unknown kind', async () => {
    expect((await me(await sign({ kind: 'user' }))).statusCode).toBe(401)
    expect((await me(await sign({ kind: 'robot', sid: await liveSession() }))).statusCode).toBe(401)
  })

  it('answers 401 with WWW-Authenticate: Bearer on protected routes', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/me' })
    expect(none.statusCode).toBe(401)
    expect(none.headers['www-authenticate']).toBe('Bearer realm="rectify"')
    const bad = await me(await sign({ kind: 'user', sid: await liveSession() }, { aud: 'x' }))
    expect(bad.headers['www-authenticate']).toBe('Bearer realm="rectify", error="invalid_token"')
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'wrong-password' },
    })
    expect(login.statusCode).toBe(401)
    expect(login.headers['www-authenticate']).toBeUndefined()
  })

  it('refuses a malformed Authorization header', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Basic abc' },
    })
    expect(res.statusCode).toBe(401)
  })

  it('dies at once when the user is disabled', async () => {
    const victim = await makeUser(t.database.db, { unit: world.units.countyA, roles: ['unit'] })
    const pair = await login(t.app, victim.username)
    expect((await me(pair.accessToken)).statusCode).toBe(200)
    const admin = client(t.app, (await login(t.app, world.users.admin.username)).accessToken)
    const disabled = await admin.patch(
      `/api/v1/users/${victim.id}`,
      { status: 'disabled' },
      { 'if-match': '"1"' },
    )
    expect(disabled.statusCode).toBe(200)
    expect((await me(pair.accessToken)).statusCode).toBe(401)
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401)
  })

  it('takes a new role at once, though the session was just used with the old ones', async () => {
    const user = await makeUser(t.database.db, { unit: world.units.countyA, roles: ['unit'] })
    const c = client(t.app, (await login(t.app, user.username)).accessToken)
    expect((await c.get('/api/v1/clients')).statusCode).toBe(403)
    const admin = client(t.app, (await login(t.app, world.users.admin.username)).accessToken)
    const changed = await admin.patch(
      `/api/v1/users/${user.id}`,
      { roles: ['auditor'] },
      { 'if-match': '"1"' },
    )
    expect(changed.statusCode).toBe(200)
    expect((await c.get('/api/v1/clients')).statusCode).toBe(200)
  })

  it('dies after the idle timeout', async () => {
    const pair = await login(t.app, world.users.leader.username)
    const sid = JSON.parse(Buffer.from(pair.accessToken.split('.')[1]!, 'base64url').toString())
      .sid as string
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.id, sid))
    expect((await me(pair.accessToken)).statusCode).toBe(401)
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401)
  })

  it('dies at the absolute session limit', async () => {
    const pair = await login(t.app, world.users.leader.username)
    const sid = JSON.parse(Buffer.from(pair.accessToken.split('.')[1]!, 'base64url').toString())
      .sid as string
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, sid))
    expect((await me(pair.accessToken)).statusCode).toBe(401)
  })
})

describe('password change', () => {
  it('enforces the policy and ends the other sessions but not this one', async () => {
    const user = await makeUser(t.database.db, { unit: world.units.countyB, roles: ['unit'] })
    const other = await login(t.app, user.username)
    const mine = await login(t.app, user.username)
    expect((await me(other.accessToken)).statusCode).toBe(200)
    const c = client(t.app, mine.accessToken)
    const weak = await c.post('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'abc12345',
    })
    expect(weak.statusCode).toBe(422)
    expect(weak.json().code).toBe('password_policy')
    const wrong = await c.post('/api/v1/me/password', {
      currentPassword: 'not-it',
      newPassword: 'N3w#Passw0rd-ok',
    })
    expect(wrong.statusCode).toBe(422)
    const ok = await c.post('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'N3w#Passw0rd-ok',
    })
    expect(ok.statusCode).toBe(204)
    expect((await me(mine.accessToken)).statusCode).toBe(200)
    expect((await me(other.accessToken)).statusCode).toBe(401)
    expect((await loginRaw(user.username, PASSWORD)).statusCode).toBe(401)
    expect((await loginRaw(user.username, 'N3w#Passw0rd-ok')).statusCode).toBe(200)
  })
})

describe('API clients', () => {
  async function newClient(scopes: string[], unitId?: string) {
    const admin = client(t.app, (await login(t.app, world.users.admin.username)).accessToken)
    const res = await admin.post('/api/v1/clients', {
      name: '12345热线',
      scopes,
      ...(unitId ? { unitId } : {}),
    })
    expect(res.statusCode).toBe(201)
    return res.json<{ client: { id: string; clientId: string }; clientSecret: string }>()
  }
  const token = (payload: Record<string, string>, form = false) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      ...(form
        ? {
            payload: new URLSearchParams(payload).toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }
        : { payload }),
    })

  it('get a token with their scopes (form or JSON) and use it within them', async () => {
    const c = await newClient(['units:read'])
    const res = await token(
      {
        grant_type: 'client_credentials',
        client_id: c.client.clientId,
        client_secret: c.clientSecret,
      },
      true,
    )
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ token_type: 'Bearer', scope: 'units:read' })
    const api = client(t.app, res.json().access_token)
    expect((await api.get('/api/v1/units')).statusCode).toBe(200)
    expect((await api.get('/api/v1/users')).statusCode).toBe(403)
    expect((await api.get('/api/v1/me')).statusCode).toBe(403)
  })

  it('are refused with a wrong secret or scopes they were not granted, in RFC 6749 form', async () => {
    const c = await newClient(['units:read'])
    const wrong = await token({
      grant_type: 'client_credentials',
      client_id: c.client.clientId,
      client_secret: 'wrong',
    })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.headers['content-type']).toMatch(/^application\/json/)
    expect(wrong.headers['www-authenticate']).toBe('Basic realm="rectify"')
    expect(wrong.json()).toMatchObject({ error: 'invalid_client' })
    const scope = await token({
      grant_type: 'client_credentials',
      client_id: c.client.clientId,
      client_secret: c.clientSecret,
      scope: 'users:read',
    })
    expect(scope.statusCode).toBe(400)
    expect(scope.json()).toMatchObject({ error: 'invalid_scope' })
  })

  it('authenticate with HTTP Basic (client_secret_basic) or form fields (client_secret_post)', async () => {
    const c = await newClient(['units:read'])
    // RFC 6749 §2.3.1: each part form-urlencoded, then base64.
    const basic = (id: string, secret: string) =>
      `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`
    const viaBasic = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      payload: 'grant_type=client_credentials&scope=units%3Aread',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(c.client.clientId, c.clientSecret),
      },
    })
    expect(viaBasic.statusCode).toBe(200)
    expect(viaBasic.headers['cache-control']).toBe('no-store')
    const api = client(t.app, viaBasic.json().access_token)
    expect((await api.get('/api/v1/units')).statusCode).toBe(200)
    const viaPost = await token(
      {
        grant_type: 'client_credentials',
        client_id: c.client.clientId,
        client_secret: c.clientSecret,
      },
      true,
    )
    expect(viaPost.statusCode).toBe(200)

    const badBasic = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      payload: 'grant_type=client_credentials',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(c.client.clientId, 'not-the-secret'),
      },
    })
    expect(badBasic.statusCode).toBe(401)
    expect(badBasic.headers['www-authenticate']).toBe('Basic realm="rectify"')
    expect(badBasic.json().error).toBe('invalid_client')

    const both = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      payload: {
        grant_type: 'client_credentials',
        client_id: c.client.clientId,
        client_secret: c.clientSecret,
      },
      headers: { authorization: basic(c.client.clientId, c.clientSecret) },
    })
    expect(both.statusCode).toBe(400)
    expect(both.json().error).toBe('invalid_request')
  })

  it('answer every other refusal as an RFC 6749 error, never problem+json', async () => {
    const c = await newClient(['units:read'])
    const grant = await token({
      grant_type: 'password',
      client_id: c.client.clientId,
      client_secret: c.clientSecret,
    })
    expect(grant.statusCode).toBe(400)
    expect(grant.json()).toMatchObject({ error: 'unsupported_grant_type' })
    const missing = await token({ client_id: c.client.clientId })
    expect(missing.statusCode).toBe(400)
    expect(missing.json()).toMatchObject({ error: 'invalid_request' })
    const none = await token({ grant_type: 'client_credentials' })
    expect(none.statusCode).toBe(401)
    expect(none.json()).toMatchObject({ error: 'invalid_client' })
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      payload: 'x',
      headers: { 'content-type': 'text/plain' },
    })
    expect(text.statusCode).toBe(400)
    expect(text.json()).toMatchObject({ error: 'invalid_request' })
    // Unrecognised parameters are ignored (RFC 6749 §3.2).
    const extra = await token({
      grant_type: 'client_credentials',
      client_id: c.client.clientId,
      client_secret: c.clientSecret,
      audience: 'rectify',
    })
    expect(extra.statusCode).toBe(200)
  })

  it('with a unit scope see only that unit subtree', async () => {
    const c = await newClient(['units:read'], world.units.countyA.id)
    const res = await token({
      grant_type: 'client_credentials',
      client_id: c.client.clientId,
      client_secret: c.clientSecret,
    })
    const api = client(t.app, res.json().access_token)
    const ids = (await api.get('/api/v1/units?limit=200'))
      .json()
      .items.map((u: { id: string }) => u.id)
    expect(ids.sort()).toEqual([world.units.countyA.id, world.units.townA.id].sort())
    expect((await api.get(`/api/v1/units/${world.units.countyB.id}`)).statusCode).toBe(404)
  })

  it('lose access at once when deactivated or when the secret rotates', async () => {
    const c = await newClient(['units:read'])
    const tok = (
      await token({
        grant_type: 'client_credentials',
        client_id: c.client.clientId,
        client_secret: c.clientSecret,
      })
    ).json().access_token
    expect((await client(t.app, tok).get('/api/v1/units')).statusCode).toBe(200)
    const admin = client(t.app, (await login(t.app, world.users.admin.username)).accessToken)
    const rotated = await admin.post(`/api/v1/clients/${c.client.id}/secret`)
    expect(rotated.statusCode).toBe(200)
    expect(
      (
        await token({
          grant_type: 'client_credentials',
          client_id: c.client.clientId,
          client_secret: c.clientSecret,
        })
      ).statusCode,
    ).toBe(401)
    const off = await admin.patch(
      `/api/v1/clients/${c.client.id}`,
      { active: false },
      { 'if-match': `"${rotated.json().client.version}"` },
    )
    expect(off.statusCode).toBe(200)
    expect((await client(t.app, tok).get('/api/v1/units')).statusCode).toBe(401)
  })

  it('never show the secret again after creation', async () => {
    const c = await newClient(['units:read'])
    const admin = client(t.app, (await login(t.app, world.users.admin.username)).accessToken)
    const res = await admin.get(`/api/v1/clients/${c.client.id}`)
    expect(res.body).not.toContain(c.clientSecret)
    expect(res.json()).not.toHaveProperty('secretHash')
  })
})
