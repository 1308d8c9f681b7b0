import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AccountabilityCountsQuerySchema,
  AccountabilityCountsSchema,
  AccountabilityPageSchema,
  AccountabilityRecordSchema,
  CreateAccountabilityBodySchema,
  IdParamsSchema,
  ListAccountabilityQuerySchema,
  UpdateAccountabilityBodySchema,
} from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { AccountabilityService } from './accountability.service.js'

const tags = ['accountability']
const params = IdParamsSchema
const SCOPE =
  'Office, leaders and auditors read every record; a unit only the records of its own subtree (404 otherwise, and absent from lists and counts).'

/** Accountability records (问责): record, correct, list, read, and counts by form for a period. */
export const accountabilityRoutes: FastifyPluginAsyncTypebox<{
  accountability: AccountabilityService
}> = async (app, { accountability }) => {
  app.get(
    '/accountability',
    {
      schema: {
        tags,
        description: `Latest decision first. ${SCOPE}`,
        querystring: ListAccountabilityQuerySchema,
        response: { 200: AccountabilityPageSchema },
      },
    },
    (req) => accountability.list(req.ctx, req.query),
  )
  app.get(
    '/accountability/counts',
    {
      schema: {
        tags,
        description: `Records decided from..to, by form and by subject kind. ${SCOPE}`,
        querystring: AccountabilityCountsQuerySchema,
        response: { 200: AccountabilityCountsSchema },
      },
    },
    (req) => accountability.counts(req.ctx, req.query),
  )
  app.get(
    '/accountability/:id',
    {
      schema: {
        tags,
        description: SCOPE,
        params,
        response: { 200: AccountabilityRecordSchema, 304: NotModified },
      },
    },
    async (req, reply) => withEtag(reply, await accountability.get(req.ctx, req.params.id)),
  )
  app.post(
    '/accountability',
    {
      schema: {
        tags,
        body: CreateAccountabilityBodySchema,
        response: { 201: AccountabilityRecordSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(withEtag(reply, await accountability.create(req.ctx, req.body))),
  )
  app.patch(
    '/accountability/:id',
    {
      schema: {
        tags,
        params,
        body: UpdateAccountabilityBodySchema,
        response: { 200: AccountabilityRecordSchema },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await accountability.update(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )
}
