import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateRoundBodySchema,
  IdParamsSchema,
  ListRoundsQuerySchema,
  RoundPageSchema,
  RoundSchema,
  UpdateRoundBodySchema,
} from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { RoundsService } from './rounds.service.js'

const tags = ['rounds']

export const roundsRoutes: FastifyPluginAsyncTypebox<{ rounds: RoundsService }> = async (
  app,
  { rounds },
) => {
  app.get(
    '/rounds',
    { schema: { tags, querystring: ListRoundsQuerySchema, response: { 200: RoundPageSchema } } },
    (req) => rounds.list(req.ctx, req.query),
  )
  app.get(
    '/rounds/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: RoundSchema, 304: NotModified } } },
    async (req, reply) => withEtag(reply, await rounds.get(req.ctx, req.params.id)),
  )
  app.post(
    '/rounds',
    { schema: { tags, body: CreateRoundBodySchema, response: { 201: RoundSchema } } },
    async (req, reply) => {
      const round = await rounds.create(req.ctx, req.body)
      return reply
        .code(201)
        .header('location', `/api/v1/rounds/${round.id}`)
        .send(withEtag(reply, round))
    },
  )
  app.patch(
    '/rounds/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateRoundBodySchema,
        response: { 200: RoundSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await rounds.update(req.ctx, req.params.id, requireIfMatch(req), req.body)),
  )
}
