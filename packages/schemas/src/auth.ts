import { Type, type Static } from 'typebox'
import { IdSchema, RoleSchema, ScopeSchema, TimestampSchema } from './common.js'

export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
)
export type LoginBody = Static<typeof LoginBodySchema>

export const TokenPairSchema = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  /** Seconds until the access token expires. */
  expiresIn: Type.Integer(),
})
export type TokenPair = Static<typeof TokenPairSchema>

export const RefreshBodySchema = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
)
export type RefreshBody = Static<typeof RefreshBodySchema>

/** RFC 6749 §4.4 client credentials; accepted as JSON or form-urlencoded. */
export const ClientTokenBodySchema = Type.Object(
  {
    grant_type: Type.Literal('client_credentials'),
    client_id: Type.String({ minLength: 1, maxLength: 64 }),
    client_secret: Type.String({ minLength: 1, maxLength: 200 }),
    scope: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
)
export type ClientTokenBody = Static<typeof ClientTokenBodySchema>

export const ClientTokenSchema = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
  scope: Type.String(),
})
export type ClientToken = Static<typeof ClientTokenSchema>

export const UnitRefSchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  name: Type.String(),
})
export type UnitRef = Static<typeof UnitRefSchema>

export const MeSchema = Type.Object({
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
})
export type Me = Static<typeof MeSchema>

export const ChangePasswordBodySchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
)
export type ChangePasswordBody = Static<typeof ChangePasswordBodySchema>

export { ScopeSchema }
