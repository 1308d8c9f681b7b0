import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiClientPageSchema,
  ApiClientSchema,
  ApiClientWithSecretSchema,
  CreateApiClientBodySchema,
  IdParamsSchema,
  ListApiClientsQuerySchema,
  UpdateApiClientBodySchema,
} from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { ClientsService } from './clients.service.js'

const tags = ['api clients']

export const clientsRoutes: FastifyPluginAsyncTypebox<{ clients: ClientsService }> = async (
  app,
  { clients },
) => {
  app.get(
    '/clients',
    {
      schema: {
        tags,
        querystring: ListApiClientsQuerySchema,
        response: { 200: ApiClientPageSchema },
      },
    },
    (req) => clients.list(req.ctx, req.query),
  )
  app.get(
    '/clients/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        response: { 200: ApiClientSchema, 304: NotModified },
      },
    },
    async (req, reply) => withEtag(reply, await clients.get(req.ctx, req.params.id)),
  )
  app.post(
    '/clients',
    {
      schema: {
        tags,
        body: CreateApiClientBodySchema,
        response: { 201: ApiClientWithSecretSchema },
      },
    },
    async (req, reply) => {
      const created = await clients.create(req.ctx, req.body)
      return reply
        .code(201)
        .header('location', `/api/v1/clients/${created.client.id}`)
        .header('cache-control', 'no-store')
        .send(created)
    },
  )
  app.patch(
    '/clients/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateApiClientBodySchema,
        response: { 200: ApiClientSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await clients.update(req.ctx, req.params.id, requireIfMatch(req), req.body)),
  )
  app.post(
    '/clients/:id/secret',
    { schema: { tags, params: IdParamsSchema, response: { 200: ApiClientWithSecretSchema } } },
    async (req, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await clients.rotateSecret(req.ctx, req.params.id)),
  )
}
