import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateDispatchPeriodBodySchema,
  DispatchPeriodDetailSchema,
  DispatchPeriodPageSchema,
  DispatchPeriodSchema,
  IdParamsSchema,
  ListDispatchPeriodsQuerySchema,
  NoFieldsBodySchema,
  RemindResultSchema,
} from '@rectify/schemas'
import { NotModified, etagVersion, requireIfMatch, withEtag } from '../../lib/http.js'
import type { DispatchService } from './dispatch.service.js'

const tags = ['dispatch']
const params = IdParamsSchema

/** Dispatch periods (定期调度): open, watch who has not reported, remind, close. */
export const dispatchRoutes: FastifyPluginAsyncTypebox<{ dispatch: DispatchService }> = async (
  app,
  { dispatch },
) => {
  app.get(
    '/dispatch-periods',
    {
      schema: {
        tags,
        querystring: ListDispatchPeriodsQuerySchema,
        response: { 200: DispatchPeriodPageSchema },
      },
    },
    (req) => dispatch.list(req.ctx, req.query),
  )
  app.post(
    '/dispatch-periods',
    {
      schema: {
        tags,
        body: CreateDispatchPeriodBodySchema,
        response: { 201: DispatchPeriodSchema },
      },
    },
    async (req, reply) => {
      const p = await dispatch.create(req.ctx, req.body)
      return reply.code(201).send(withEtag(reply, p))
    },
  )
  app.get(
    '/dispatch-periods/:id',
    { schema: { tags, params, response: { 200: DispatchPeriodDetailSchema, 304: NotModified } } },
    async (req, reply) => {
      const d = await dispatch.get(req.ctx, req.params.id)
      etagVersion(reply, d.period.version)
      return d
    },
  )
  app.post(
    '/dispatch-periods/:id/remind',
    {
      schema: {
        tags,
        params,
        body: NoFieldsBodySchema,
        response: { 200: RemindResultSchema },
      },
    },
    (req) => dispatch.remind(req.ctx, req.params.id),
  )
  app.post(
    '/dispatch-periods/:id/close',
    {
      schema: {
        tags,
        params,
        body: NoFieldsBodySchema,
        response: { 200: DispatchPeriodSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await dispatch.close(req.ctx, req.params.id, requireIfMatch(req))),
  )
}
