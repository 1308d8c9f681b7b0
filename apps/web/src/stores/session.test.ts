// @vitest-environment happy-dom
import type { Me, TokenPair } from '@rectify/schemas'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { noContent, problem, useFakeApi, type Sent } from '@/test/fake-api'
import { useSessionStore } from './session'

const REFRESH_KEY = 'rectify.refreshToken'
const ACCESS_KEY = 'rectify.accessToken'

const pair = (n: number): TokenPair => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  tokenType: 'Bearer',
  expiresIn: 900,
})

const me = (session: Partial<Me['session']> = {}): Me => ({
  id: 'u1',
  username: 'zhangsan',
  displayName: '张三',
  unit: { id: 'unit1', code: 'HB', name: '市生态环境局' },
  roles: ['unit'],
  passwordChangedAt: null,
  session: {
    idleTimeoutSeconds: 1800,
    expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
    ...session,
  },
})

const bearer = (s: Sent) => s.headers.get('Authorization')

/** A tab reloaded with these tokens in its sessionStorage. */
function reloadedWith(refresh: string | null, access?: { token: string; usableUntil: number }) {
  if (refresh) sessionStorage.setItem(REFRESH_KEY, refresh)
  if (access) sessionStorage.setItem(ACCESS_KEY, JSON.stringify(access))
}

/** The server's /me: it accepts only the access token given. */
const meFor = (token: string) => (s: Sent) =>
  bearer(s) === `Bearer ${token}` ? me() : problem(401, 'unauthorized')

describe('the session store', () => {
  const server = useFakeApi()

  beforeEach(() => {
    sessionStorage.clear()
    setActivePinia(createPinia())
  })
  afterEach(() => {
    // Stops the store's idle clock (an ended session makes no call).
    useSessionStore().end('expired')
    vi.useRealTimers()
  })

  it('signs in anonymously, then reads /me with the new access token', async () => {
    server.on('POST /api/v1/auth/login', pair(1)).on('GET /api/v1/me', meFor('access-1'))
    const session = useSessionStore()
    await session.login({ username: 'zhangsan', password: 'secret-1' })

    const [login] = server.to('POST /api/v1/auth/login')
    expect(login!.body).toEqual({ username: 'zhangsan', password: 'secret-1' })
    expect(bearer(login!)).toBeNull()
    expect(login!.headers.get('Idempotency-Key')).toBeNull()
    expect(server.routes()).toEqual(['POST /api/v1/auth/login', 'GET /api/v1/me'])
    expect(session.isAuthenticated).toBe(true)
    expect(session.me?.displayName).toBe('张三')
    expect(session.mayRead('ledger')).toBe(true)
    expect(session.mayRead('audit')).toBe(false)
    expect(sessionStorage.getItem(REFRESH_KEY)).toBe('refresh-1')
    expect(JSON.parse(sessionStorage.getItem(ACCESS_KEY)!)).toMatchObject({ token: 'access-1' })
  })

  it('sends a short-lived access token as it is, renewing it only in the last quarter of its life', async () => {
    server
      .on('POST /api/v1/auth/login', { ...pair(1), expiresIn: 30 })
      .on('GET /api/v1/me', meFor('access-1'))
    const session = useSessionStore()
    await session.login({ username: 'zhangsan', password: 'secret-1' })
    // 30 s to live: usable for 22.5 s, not renewed before every call as a fixed 30 s margin would.
    expect(server.routes()).toEqual(['POST /api/v1/auth/login', 'GET /api/v1/me'])
    const { usableUntil } = JSON.parse(sessionStorage.getItem(ACCESS_KEY)!) as {
      usableUntil: number
    }
    expect(usableUntil - Date.now()).toBeGreaterThan(20_000)
    expect(usableUntil - Date.now()).toBeLessThanOrEqual(22_500)
  })

  it('leaves the user signed out when the password is refused, with the code to show', async () => {
    server.on('POST /api/v1/auth/login', problem(401, 'invalid_credentials'))
    const session = useSessionStore()
    const error = await session.login({ username: 'zhangsan', password: 'x' }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('invalid_credentials')
    expect(session.isAuthenticated).toBe(false)
    expect(sessionStorage.getItem(REFRESH_KEY)).toBeNull()
    expect(server.routes()).toEqual(['POST /api/v1/auth/login'])
  })

  it('after a reload with a live access token, reads /me with it and refreshes nothing', async () => {
    reloadedWith('refresh-4', { token: 'access-4', usableUntil: Date.now() + 600_000 })
    server.on('GET /api/v1/me', meFor('access-4'))
    const session = useSessionStore()
    await session.restore()
    expect(server.routes()).toEqual(['GET /api/v1/me'])
    expect(session.isAuthenticated).toBe(true)
  })

  it('after a reload holding only the refresh token, renews it and takes the account from the answer', async () => {
    reloadedWith('refresh-4', { token: 'access-4', usableUntil: Date.now() - 1 })
    server
      .on('POST /api/v1/auth/refresh', { ...pair(5), me: me() })
      .on('GET /api/v1/me', meFor('access-5'))
    const session = useSessionStore()
    await Promise.all([session.restore(), session.restore()])

    // One round trip before the page's data: the refresh names the account, /me is not asked.
    expect(server.routes()).toEqual(['POST /api/v1/auth/refresh'])
    expect(server.to('POST /api/v1/auth/refresh')[0]!.body).toEqual({ refreshToken: 'refresh-4' })
    expect(session.isAuthenticated).toBe(true)
    expect(session.me?.displayName).toBe('张三')
    expect(sessionStorage.getItem(REFRESH_KEY)).toBe('refresh-5')
  })

  it('after a reload with a refused refresh token, stays signed out without calling /me', async () => {
    reloadedWith('refresh-old')
    server.on('POST /api/v1/auth/refresh', problem(401, 'session_expired'))
    const session = useSessionStore()
    expect(session.resumable()).toBe(true)
    await session.restore()
    expect(server.routes()).toEqual(['POST /api/v1/auth/refresh'])
    expect(session.isAuthenticated).toBe(false)
    expect(session.resumable()).toBe(false)
    expect(sessionStorage.getItem(ACCESS_KEY)).toBeNull()
  })

  it('restores nothing and calls nothing in a tab without a refresh token', async () => {
    const session = useSessionStore()
    await session.restore()
    expect(server.sent).toEqual([])
    expect(session.resumable()).toBe(false)
  })

  it('renews once when the server refuses the access token, and sends the call again', async () => {
    server
      .on('POST /api/v1/auth/login', pair(1))
      .on('GET /api/v1/me', me(), problem(401, 'unauthorized'), me())
      .on('POST /api/v1/auth/refresh', pair(2))
    const session = useSessionStore()
    await session.login({ username: 'zhangsan', password: 'secret-1' })
    await session.reloadMe()

    expect(server.routes()).toEqual([
      'POST /api/v1/auth/login',
      'GET /api/v1/me',
      'GET /api/v1/me',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/me',
    ])
    expect(server.to('GET /api/v1/me').map(bearer)).toEqual([
      'Bearer access-1',
      'Bearer access-1',
      'Bearer access-2',
    ])
    expect(session.isAuthenticated).toBe(true)
    expect(session.endReason).toBeNull()
  })

  it('ends the session as expired when the renewed token is refused too', async () => {
    server
      .on('POST /api/v1/auth/login', pair(1))
      .on('GET /api/v1/me', me(), problem(401, 'unauthorized'))
      .on('POST /api/v1/auth/refresh', pair(2))
    const session = useSessionStore()
    await session.login({ username: 'zhangsan', password: 'secret-1' })
    await expect(session.reloadMe()).rejects.toMatchObject({ status: 401 })

    expect(server.to('POST /api/v1/auth/refresh')).toHaveLength(1)
    expect(session.isAuthenticated).toBe(false)
    expect(session.endReason).toBe('expired')
    expect(sessionStorage.getItem(REFRESH_KEY)).toBeNull()
  })

  it('does not end the session when changing the password fails on the current password', async () => {
    server
      .on('POST /api/v1/auth/login', pair(1))
      .on('GET /api/v1/me', me())
      .on('POST /api/v1/me/password', problem(401, 'invalid_credentials'))
    const session = useSessionStore()
    await session.login({ username: 'zhangsan', password: 'secret-1' })
    await expect(session.changePassword('wrong', 'new-secret-2')).rejects.toMatchObject({
      code: 'invalid_credentials',
    })
    const [change] = server.to('POST /api/v1/me/password')
    expect(change!.body).toEqual({ currentPassword: 'wrong', newPassword: 'new-secret-2' })
    expect(change!.headers.get('Idempotency-Key')).toBeNull()
    expect(server.to('POST /api/v1/auth/refresh')).toEqual([])
    expect(session.isAuthenticated).toBe(true)
  })

  it('signs out by revoking the refresh token and forgetting both tokens', async () => {
    server
      .on('POST /api/v1/auth/login', pair(1))
      .on('GET /api/v1/me', me())
      .on('POST /api/v1/auth/logout', noContent())
    const session = useSessionStore()
    await session.login({ username: 'zhangsan', password: 'secret-1' })
    await session.logout()

    const [logout] = server.to('POST /api/v1/auth/logout')
    expect(logout!.body).toEqual({ refreshToken: 'refresh-1' })
    expect(bearer(logout!)).toBeNull()
    expect(session.me).toBeNull()
    expect(session.endReason).toBeNull()
    expect(session.resumable()).toBe(false)
    expect(sessionStorage.getItem(REFRESH_KEY)).toBeNull()
    expect(sessionStorage.getItem(ACCESS_KEY)).toBeNull()
  })

  it('ends by itself at the absolute expiry the server announced', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-02T08:00:00Z') })
    server
      .on('POST /api/v1/auth/login', pair(1))
      .on('GET /api/v1/me', me({ expiresAt: '2026-03-02T08:00:25Z' }))
    const session = useSessionStore()
    await session.login({ username: 'zhangsan', password: 'secret-1' })

    vi.advanceTimersByTime(20_000)
    expect(session.isAuthenticated).toBe(true)
    vi.advanceTimersByTime(10_000)
    expect(session.isAuthenticated).toBe(false)
    expect(session.endReason).toBe('expired')
    expect(session.resumable()).toBe(false)
  })

  it('warns a minute before the idle limit, and signs out and revokes at it', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-02T08:00:00Z') })
    server
      .on('POST /api/v1/auth/login', pair(1))
      .on('GET /api/v1/me', me({ idleTimeoutSeconds: 300 }))
      .on('POST /api/v1/auth/logout', noContent())
    const session = useSessionStore()
    await session.login({ username: 'zhangsan', password: 'secret-1' })

    vi.advanceTimersByTime(250_000)
    expect(session.idleWarning).toBe(true)
    window.dispatchEvent(new Event('keydown'))
    expect(session.idleWarning).toBe(false)
    vi.advanceTimersByTime(250_000)
    expect(session.isAuthenticated).toBe(true)
    vi.advanceTimersByTime(60_000)
    expect(session.endReason).toBe('idle')
    expect(session.isAuthenticated).toBe(false)
    await vi.waitFor(() =>
      expect(server.to('POST /api/v1/auth/logout')[0]?.body).toEqual({
        refreshToken: 'refresh-1',
      }),
    )
  })
})
