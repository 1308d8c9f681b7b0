import { Type, type Static } from 'typebox'
import { IdSchema, RoleSchema, ScopeSchema, TimestampSchema } from './common.js'
import { OAUTH_ERRORS } from './constants/auth.js'

export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { $id: 'LoginBody', additionalProperties: false },
)
export type LoginBody = Static<typeof LoginBodySchema>

export const TokenPairSchema = Type.Object(
  {
    accessToken: Type.String(),
    refreshToken: Type.String(),
    tokenType: Type.Literal('Bearer'),
    /** Seconds until the access token expires. */
    expiresIn: Type.Integer(),
  },
  { $id: 'TokenPair' },
)
export type TokenPair = Static<typeof TokenPairSchema>

export const RefreshBodySchema = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 2000 }) },
  { $id: 'RefreshBody', additionalProperties: false },
)
export type RefreshBody = Static<typeof RefreshBodySchema>

/** RFC 6749 §4.4 client credentials; accepted as JSON or form-urlencoded. */
/**
 * RFC 6749 §4.4 token request. The client authenticates with HTTP Basic (`client_secret_basic`)
 * or with `client_id` and `client_secret` in the body (`client_secret_post`), never both. The
 * grant type is checked by the server so that an unsupported one answers
 * `unsupported_grant_type`; unrecognised parameters are ignored, as RFC 6749 §3.2 requires.
 */
export const ClientTokenBodySchema = Type.Object(
  {
    grant_type: Type.String({ maxLength: 100, examples: ['client_credentials'] }),
    client_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    client_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    scope: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { $id: 'ClientTokenBody', additionalProperties: true },
)
export type ClientTokenBody = Static<typeof ClientTokenBodySchema>

export const ClientTokenSchema = Type.Object(
  {
    access_token: Type.String(),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer(),
    scope: Type.String(),
  },
  { $id: 'ClientToken' },
)
export type ClientToken = Static<typeof ClientTokenSchema>

export type OAuthErrorCode = (typeof OAUTH_ERRORS)[number]

/** The token endpoint's errors are RFC 6749's `{"error": ...}`, not problem+json. */
export const OAuthErrorSchema = Type.Object(
  {
    error: Type.Union(OAUTH_ERRORS.map((e) => Type.Literal(e))),
    error_description: Type.Optional(Type.String()),
  },
  { $id: 'OAuthError' },
)
export type OAuthError = Static<typeof OAuthErrorSchema>

export const UnitRefSchema = Type.Object(
  {
    id: IdSchema,
    code: Type.String(),
    name: Type.String(),
  },
  { $id: 'UnitRef' },
)
export type UnitRef = Static<typeof UnitRefSchema>

export const MeSchema = Type.Object(
  {
    id: IdSchema,
    username: Type.String(),
    displayName: Type.String(),
    unit: UnitRefSchema,
    roles: Type.Array(RoleSchema),
    passwordChangedAt: Type.Union([TimestampSchema, Type.Null()]),
    /** Idle and absolute session limits, so the SPA can warn before it logs out. */
    session: Type.Object({
      idleTimeoutSeconds: Type.Integer(),
      expiresAt: TimestampSchema,
    }),
  },
  { $id: 'Me' },
)
export type Me = Static<typeof MeSchema>

/**
 * The answer to a refresh: the new token pair and the account it signs in (what `GET /me`
 * answers), so a reload that renews its token needs no second round trip before the page.
 */
export const RefreshedSchema = Type.Object(
  {
    accessToken: Type.String(),
    refreshToken: Type.String(),
    tokenType: Type.Literal('Bearer'),
    /** Seconds until the access token expires. */
    expiresIn: Type.Integer(),
    me: MeSchema,
  },
  { $id: 'Refreshed' },
)
export type Refreshed = Static<typeof RefreshedSchema>

export const ChangePasswordBodySchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { $id: 'ChangePasswordBody', additionalProperties: false },
)
export type ChangePasswordBody = Static<typeof ChangePasswordBodySchema>

export { ScopeSchema }
