/** Sign-in, token refresh, sign-out and the signed-in user (`/auth/*`, `/me`). */
import type { ChangePasswordBody, LoginBody, Me, TokenPair } from '@rectify/schemas'
import { request } from './http'

/** `POST /auth/login`: exchanges username and password for a token pair. */
export function login(body: LoginBody): Promise<TokenPair> {
  return request<TokenPair>('/auth/login', { method: 'POST', body, auth: false, idempotent: false })
}

/** `POST /auth/refresh`: rotates the refresh token; the old one stops working. */
export function refresh(refreshToken: string): Promise<TokenPair> {
  return request<TokenPair>('/auth/refresh', {
    method: 'POST',
    body: { refreshToken },
    auth: false,
    idempotent: false,
  })
}

/** `POST /auth/logout`: revokes the refresh token (204). */
export function logout(refreshToken: string): Promise<void> {
  return request<void>('/auth/logout', {
    method: 'POST',
    body: { refreshToken },
    auth: false,
    idempotent: false,
  })
}

/** `GET /me`: who is signed in, their unit, roles and session limits. */
export function me(): Promise<Me> {
  return request<Me>('/me')
}

/** `POST /me/password`: changes the signed-in user's own password (204). */
export function changePassword(body: ChangePasswordBody): Promise<void> {
  return request<void>('/me/password', { method: 'POST', body, idempotent: false })
}
