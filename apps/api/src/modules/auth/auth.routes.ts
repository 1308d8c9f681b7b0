import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ChangePasswordBodySchema,
  ClientTokenBodySchema,
  ClientTokenSchema,
  LoginBodySchema,
  MeSchema,
  OAuthErrorSchema,
  RefreshBodySchema,
  RefreshedSchema,
  TokenPairSchema,
} from '@rectify/schemas'
import { Type } from 'typebox'
import type { Config } from '../../config.js'
import type { AuthService } from './auth.service.js'
import { clientCredentials, oauthErrorHandler } from './oauth.js'

export interface AuthRoutesOptions {
  auth: AuthService
  config: Config
}

/** Login, refresh, logout, client credentials, and the caller's own account. */
export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (
  app,
  { auth, config },
) => {
  const tags = ['auth']
  // Credential routes get their own, tighter per-IP limit.
  const rateLimit = { max: config.LOGIN_RATE_LIMIT_MAX, timeWindow: 60_000 }
  const noStore = { 'cache-control': 'no-store' }

  // RFC 6749 token requests are form-encoded; JSON is accepted too.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)))
    },
  )

  app.post(
    '/auth/login',
    {
      config: { rateLimit },
      schema: { tags, body: LoginBodySchema, security: [], response: { 200: TokenPairSchema } },
    },
    async (req, reply) =>
      reply.headers(noStore).send(await auth.login(req.ctx, req.body.username, req.body.password)),
  )
  app.post(
    '/auth/refresh',
    {
      config: { rateLimit },
      schema: { tags, body: RefreshBodySchema, security: [], response: { 200: RefreshedSchema } },
    },
    async (req, reply) =>
      reply.headers(noStore).send(await auth.refresh(req.ctx, req.body.refreshToken)),
  )
  app.post(
    '/auth/logout',
    { schema: { tags, body: RefreshBodySchema, security: [], response: { 204: Type.Null() } } },
    async (req, reply) => {
      await auth.logout(req.ctx, req.body.refreshToken)
      return reply.code(204).send(null)
    },
  )
  app.post(
    '/oauth/token',
    {
      config: { rateLimit },
      errorHandler: oauthErrorHandler,
      schema: {
        tags,
        body: ClientTokenBodySchema,
        security: [],
        response: { 200: ClientTokenSchema, 400: OAuthErrorSchema, 401: OAuthErrorSchema },
      },
    },
    async (req, reply) => {
      const credentials = clientCredentials(req.headers.authorization, req.body)
      const token = await auth.clientToken(
        req.ctx,
        req.body.grant_type,
        credentials,
        req.body.scope,
      )
      return reply.headers({ ...noStore, pragma: 'no-cache' }).send(token)
    },
  )

  app.get('/me', { schema: { tags, response: { 200: MeSchema } } }, (req) => auth.me(req.ctx))
  app.post(
    '/me/password',
    {
      config: { rateLimit },
      schema: { tags, body: ChangePasswordBodySchema, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await auth.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword)
      return reply.code(204).send(null)
    },
  )
}
