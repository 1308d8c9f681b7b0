import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateUnitBodySchema,
  IdParamsSchema,
  ListUnitsQuerySchema,
  UnitPageSchema,
  UnitSchema,
  UpdateUnitBodySchema,
} from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { UnitsService } from './units.service.js'

const tags = ['units']

export const unitsRoutes: FastifyPluginAsyncTypebox<{ units: UnitsService }> = async (
  app,
  { units },
) => {
  app.get(
    '/units',
    { schema: { tags, querystring: ListUnitsQuerySchema, response: { 200: UnitPageSchema } } },
    (req) => units.list(req.ctx, req.query),
  )
  app.get(
    '/units/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: UnitSchema, 304: NotModified } } },
    async (req, reply) => withEtag(reply, await units.get(req.ctx, req.params.id)),
  )
  app.post(
    '/units',
    { schema: { tags, body: CreateUnitBodySchema, response: { 201: UnitSchema } } },
    async (req, reply) => {
      const unit = await units.create(req.ctx, req.body)
      return reply
        .code(201)
        .header('location', `/api/v1/units/${unit.id}`)
        .send(withEtag(reply, unit))
    },
  )
  app.patch(
    '/units/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateUnitBodySchema,
        response: { 200: UnitSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await units.update(req.ctx, req.params.id, requireIfMatch(req), req.body)),
  )
}
