import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateUserBodySchema,
  IdParamsSchema,
  ListUsersQuerySchema,
  ResetPasswordBodySchema,
  UpdateUserBodySchema,
  UserPageSchema,
  UserSchema,
} from '@rectify/schemas'
import { Type } from 'typebox'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { UsersService } from './users.service.js'

const tags = ['users']

export const usersRoutes: FastifyPluginAsyncTypebox<{ users: UsersService }> = async (
  app,
  { users },
) => {
  app.get(
    '/users',
    { schema: { tags, querystring: ListUsersQuerySchema, response: { 200: UserPageSchema } } },
    (req) => users.list(req.ctx, req.query),
  )
  app.get(
    '/users/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: UserSchema, 304: NotModified } } },
    async (req, reply) => withEtag(reply, await users.get(req.ctx, req.params.id)),
  )
  app.post(
    '/users',
    { schema: { tags, body: CreateUserBodySchema, response: { 201: UserSchema } } },
    async (req, reply) => {
      const user = await users.create(req.ctx, req.body)
      return reply
        .code(201)
        .header('location', `/api/v1/users/${user.id}`)
        .send(withEtag(reply, user))
    },
  )
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: UserSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await users.update(req.ctx, req.params.id, requireIfMatch(req), req.body)),
  )
  app.post(
    '/users/:id/password',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: ResetPasswordBodySchema,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await users.resetPassword(req.ctx, req.params.id, req.body.password)
      return reply.code(204).send(null)
    },
  )
}
