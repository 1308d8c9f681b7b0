/**
 * Sign-in, sign-out and the signed-in user (`/auth/*`, `/me`). The token refresh is http.ts's
 * own (refreshSession): every caller shares its one renewal.
 */
import type { ChangePasswordBody, LoginBody } from '@rectify/schemas'
import { anonymous, api, ok, withoutIdempotencyKey } from './http'

/** `POST /auth/login`: exchanges username and password for a token pair. */
export async function login(body: LoginBody) {
  return ok(await anonymous.POST('/api/v1/auth/login', { body }))
}

/** `POST /auth/logout`: revokes the refresh token (204). */
export async function logout(refreshToken: string): Promise<void> {
  await anonymous.POST('/api/v1/auth/logout', { body: { refreshToken } })
}

/** `GET /me`: who is signed in, their unit, roles and session limits. */
export async function me() {
  return ok(await api.GET('/api/v1/me'))
}

/** `POST /me/password`: changes the signed-in user's own password (204). */
export async function changePassword(body: ChangePasswordBody): Promise<void> {
  await api.POST('/api/v1/me/password', { body, ...withoutIdempotencyKey })
}
