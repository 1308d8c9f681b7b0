/**
 * The signed-in user and their tokens. Both tokens are kept in sessionStorage so a reload in the
 * same tab stays signed in, while closing the tab (or the browser) ends the session. The access
 * token is kept with its expiry and used only while it lives (a reload within its 15 minutes
 * makes no refresh at all); once it has lapsed, http.ts renews it before the first call, so a
 * returning session never starts with a failing `/me`. Keeping the short-lived access token next
 * to the refresh token, which is the stronger of the two, exposes nothing more. The session also
 * ends after the server's idle timeout without user activity and at its absolute expiry.
 */
import type { LoginBody, Me, Role, TokenPair } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth'
import { configureAuth, refreshSession, type TokenStorage } from '@/api/http'
import { canRead, canWrite, type Feature } from '@/lib/access'
import { sessionVerdict } from '@/lib/session-clock'

const REFRESH_KEY = 'rectify.refreshToken'
const ACCESS_KEY = 'rectify.accessToken'
/**
 * An access token this close to its expiry is renewed rather than sent: 30 s, or a quarter of
 * its life when that is shorter (the API allows lifetimes down to 30 s, which a fixed margin
 * would turn into a renewal before every call).
 */
const accessMarginMs = (lifeMs: number): number => Math.min(30_000, lifeMs / 4)
/** How often the idle and expiry limits are checked. */
const CHECK_EVERY_MS = 10_000
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

/** Why the session ended without the user signing out; shown on the login page. */
export type EndReason = 'idle' | 'expired'

function readRefresh(): string | null {
  try {
    return sessionStorage.getItem(REFRESH_KEY)
  } catch {
    return null
  }
}

function writeRefresh(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(REFRESH_KEY, token)
    else sessionStorage.removeItem(REFRESH_KEY)
  } catch {
    // Storage disabled: the session simply does not survive a reload.
  }
}

/** The access token and when it stops being used (ms since the epoch). */
interface HeldAccess {
  token: string
  usableUntil: number
}

function readAccess(): HeldAccess | null {
  try {
    const raw = sessionStorage.getItem(ACCESS_KEY)
    const held = raw ? (JSON.parse(raw) as Partial<HeldAccess>) : null
    if (typeof held?.token !== 'string' || typeof held.usableUntil !== 'number') return null
    return { token: held.token, usableUntil: held.usableUntil }
  } catch {
    return null
  }
}

function writeAccess(held: HeldAccess | null): void {
  try {
    if (held) sessionStorage.setItem(ACCESS_KEY, JSON.stringify(held))
    else sessionStorage.removeItem(ACCESS_KEY)
  } catch {
    // Storage disabled: the token lives in memory only.
  }
}

export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)
  /** Set when the session ended by itself; cleared on the next sign-in. */
  const endReason = ref<EndReason | null>(null)
  /** True during the last minute before the idle limit. */
  const idleWarning = ref(false)

  let access: HeldAccess | null = readAccess()
  let lastActivity = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined
  let restoring: Promise<void> | null = null
  /** The account the last refresh answered with, for a restore to take instead of asking /me. */
  let refreshed: Me | null = null

  const tokens: TokenStorage = {
    accessToken: () => (access && Date.now() < access.usableUntil ? access.token : null),
    refreshToken: readRefresh,
    save(pair: TokenPair, account?: Me) {
      refreshed = account ?? null
      access = {
        token: pair.accessToken,
        usableUntil: Date.now() + pair.expiresIn * 1000 - accessMarginMs(pair.expiresIn * 1000),
      }
      writeAccess(access)
      writeRefresh(pair.refreshToken)
    },
    clear() {
      refreshed = null
      access = null
      writeAccess(null)
      writeRefresh(null)
    },
  }
  configureAuth(tokens, () => {
    if (me.value) end('expired')
  })

  const isAuthenticated = computed(() => me.value !== null)
  const roles = computed<readonly Role[]>(() => me.value?.roles ?? [])

  /** Whether the signed-in user may open `feature`. */
  function mayRead(feature: Feature): boolean {
    return canRead(roles.value, feature)
  }

  /** Whether the signed-in user may change records of `feature`. */
  function mayWrite(feature: Feature): boolean {
    return canWrite(roles.value, feature)
  }

  function markActivity(): void {
    lastActivity = Date.now()
    idleWarning.value = false
  }

  function check(): void {
    if (!me.value) return
    const verdict = sessionVerdict({
      now: Date.now(),
      lastActivity,
      idleTimeoutSeconds: me.value.session.idleTimeoutSeconds,
      expiresAt: me.value.session.expiresAt,
    })
    if (verdict === 'idle' || verdict === 'expired') end(verdict)
    else idleWarning.value = verdict === 'warn'
  }

  function startClock(): void {
    stopClock()
    lastActivity = Date.now()
    for (const event of ACTIVITY_EVENTS) {
      window.addEventListener(event, markActivity, { capture: true, passive: true })
    }
    timer = setInterval(check, CHECK_EVERY_MS)
  }

  function stopClock(): void {
    for (const event of ACTIVITY_EVENTS)
      window.removeEventListener(event, markActivity, { capture: true })
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
    idleWarning.value = false
  }

  /** Signs the account in: the one a refresh just answered with, else /me's. */
  async function loadMe(): Promise<void> {
    const account = refreshed
    refreshed = null
    me.value = account ?? (await authApi.me())
    startClock()
  }

  /** Signs in; throws the ApiError (`invalid_credentials`, `account_locked`, ...) on refusal. */
  async function login(body: LoginBody): Promise<void> {
    tokens.save(await authApi.login(body))
    endReason.value = null
    await loadMe()
  }

  /**
   * After a reload: if this tab still holds a refresh token, load the user — from `/me` with
   * the access token still held, or else from the answer of the refresh that renews it, so such
   * a reload is one round trip before the page's data (a rejected refresh token ends here).
   * Concurrent callers share one attempt.
   */
  function restore(): Promise<void> {
    if (me.value || !readRefresh()) return Promise.resolve()
    restoring ??= (async () => {
      if (!(await ensureAccess())) return
      await loadMe()
    })()
      // A rejected refresh token is already cleared by http.ts; a network failure keeps it
      // so the next navigation can try again. Either way the guard shows the login page.
      .catch(() => undefined)
      .finally(() => {
        restoring = null
      })
    return restoring
  }

  /**
   * Resolves true once a live access token is held: at once while the held one lives, else
   * after the one renewal every caller shares; false when the refresh token was refused.
   */
  function ensureAccess(): Promise<boolean> {
    return tokens.accessToken() !== null ? Promise.resolve(true) : refreshSession()
  }

  /** Whether this tab holds a session a reload can restore (a refresh token). */
  function resumable(): boolean {
    return readRefresh() !== null
  }

  function clear(): void {
    stopClock()
    tokens.clear()
    me.value = null
  }

  /** Ends the session by itself (idle, expired); the layout then shows the login page. */
  function end(reason: EndReason): void {
    const refreshToken = readRefresh()
    endReason.value = reason
    clear()
    // Revoke the refresh token too; the user is gone, so a failure is only logged by the server.
    if (refreshToken && reason === 'idle') authApi.logout(refreshToken).catch(() => undefined)
  }

  /** Signs out at the user's request, revoking the refresh token on the server. */
  async function logout(): Promise<void> {
    const refreshToken = readRefresh()
    endReason.value = null
    clear()
    if (refreshToken) await authApi.logout(refreshToken).catch(() => undefined)
  }

  /** Reloads `me` (e.g. after a password change). */
  async function reloadMe(): Promise<void> {
    me.value = await authApi.me()
  }

  /** Changes the user's own password. */
  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword({ currentPassword, newPassword })
    await reloadMe().catch(() => undefined)
  }

  return {
    me,
    endReason,
    idleWarning,
    isAuthenticated,
    roles,
    mayRead,
    mayWrite,
    login,
    restore,
    ensureAccess,
    resumable,
    logout,
    end,
    reloadMe,
    changePassword,
  }
})
