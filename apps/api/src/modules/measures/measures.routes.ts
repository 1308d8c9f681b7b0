import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  CreateMeasureBodySchema,
  IdParamsSchema,
  MeasureListSchema,
  MeasureSchema,
  ScheduleProposalSchema,
  ScheduleQuerySchema,
  UpdateMeasureBodySchema,
} from '@rectify/schemas'
import { requireIfMatch, withEtag } from '../../lib/http.js'
import type { MeasuresService } from './measures.service.js'

const tags = ['measures']

export const measuresRoutes: FastifyPluginAsyncTypebox<{ measures: MeasuresService }> = async (
  app,
  { measures },
) => {
  app.get(
    '/problems/:id/measures',
    { schema: { tags, params: IdParamsSchema, response: { 200: MeasureListSchema } } },
    (req) => measures.list(req.ctx, req.params.id),
  )
  app.post(
    '/problems/:id/measures',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: CreateMeasureBodySchema,
        response: { 201: MeasureSchema },
      },
    },
    async (req, reply) => {
      const measure = await measures.create(req.ctx, req.params.id, req.body)
      return reply
        .code(201)
        .header('location', `/api/v1/measures/${measure.id}`)
        .send(withEtag(reply, measure))
    },
  )
  app.patch(
    '/measures/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateMeasureBodySchema,
        response: { 200: MeasureSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await measures.update(req.ctx, req.params.id, requireIfMatch(req), req.body)),
  )
  app.delete(
    '/measures/:id',
    { schema: { tags, params: IdParamsSchema, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await measures.remove(req.ctx, req.params.id, requireIfMatch(req))
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/schedule',
    {
      schema: { tags, querystring: ScheduleQuerySchema, response: { 200: ScheduleProposalSchema } },
    },
    (req) => measures.schedule(req.query),
  )
}
