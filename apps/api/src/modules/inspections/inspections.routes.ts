import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CompleteInspectionBodySchema,
  CreateInspectionBodySchema,
  IdParamsSchema,
  InspectionFindingSchema,
  InspectionPageSchema,
  InspectionSchema,
  ListInspectionsQuerySchema,
  ProblemFindingListSchema,
  RecordFindingBodySchema,
  UpdateInspectionBodySchema,
  NoFieldsBodySchema,
} from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { InspectionsService } from './inspections.service.js'

const tags = ['inspections']
const params = IdParamsSchema
const SECRECY =
  'A unit sees an inspection that targets its subtree only when it is routine or done: an unannounced inspection stays hidden (404, absent from lists and totals) until it has happened.'

/** Inspections (督查检查、明察暗访): plan, edit, complete, cancel, findings; a problem's findings. */
export const inspectionsRoutes: FastifyPluginAsyncTypebox<{
  inspections: InspectionsService
}> = async (app, { inspections }) => {
  app.get(
    '/inspections',
    {
      schema: {
        tags,
        description: `Newest first. ${SECRECY}`,
        querystring: ListInspectionsQuerySchema,
        response: { 200: InspectionPageSchema },
      },
    },
    (req) => inspections.list(req.ctx, req.query),
  )
  app.get(
    '/inspections/:id',
    {
      schema: {
        tags,
        description: SECRECY,
        params,
        response: { 200: InspectionSchema, 304: NotModified },
      },
    },
    async (req, reply) => withEtag(reply, await inspections.get(req.ctx, req.params.id)),
  )
  app.post(
    '/inspections',
    { schema: { tags, body: CreateInspectionBodySchema, response: { 201: InspectionSchema } } },
    async (req, reply) =>
      reply.code(201).send(withEtag(reply, await inspections.create(req.ctx, req.body))),
  )
  app.patch(
    '/inspections/:id',
    {
      schema: {
        tags,
        description: 'While planned.',
        params,
        body: UpdateInspectionBodySchema,
        response: { 200: InspectionSchema },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await inspections.update(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )
  app.post(
    '/inspections/:id/complete',
    {
      schema: {
        tags,
        params,
        body: CompleteInspectionBodySchema,
        response: { 200: InspectionSchema },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await inspections.complete(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )
  app.post(
    '/inspections/:id/cancel',
    {
      schema: {
        tags,
        params,
        body: NoFieldsBodySchema,
        response: { 200: InspectionSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await inspections.cancel(req.ctx, req.params.id, requireIfMatch(req))),
  )
  app.post(
    '/inspections/:id/findings',
    {
      schema: {
        tags,
        description:
          'On a done inspection: link an existing problem (`problemId`) or open one (`problem`, source inspection).',
        params,
        body: RecordFindingBodySchema,
        response: { 201: InspectionFindingSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await inspections.recordFinding(req.ctx, req.params.id, req.body)),
  )
  app.get(
    '/problems/:id/findings',
    {
      schema: {
        tags,
        description:
          'The inspection findings that opened or link the problem; read like the problem.',
        params,
        response: { 200: ProblemFindingListSchema },
      },
    },
    (req) => inspections.problemFindings(req.ctx, req.params.id),
  )
}
