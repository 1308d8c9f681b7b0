import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateInstitutionBodySchema,
  IdParamsSchema,
  InstitutionPageSchema,
  InstitutionSchema,
  ListInstitutionsQuerySchema,
  UpdateInstitutionBodySchema,
} from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { InstitutionsService } from './institutions.service.js'

const tags = ['institutions']
const params = IdParamsSchema
const SCOPE =
  'Office, leaders, auditors and the admin read every institution; a unit those issued by its subtree, those marked public and those linked to a problem it can see (404 otherwise, and absent from lists and totals).'
const WRITE =
  'The office records any; a lead unit only for an issuing unit of its own subtree and about problems it can see (403 otherwise; an unseen problem is 422 like an unknown one).'

/** Institutions (建章立制): the registry of rules, mechanisms and documents that keep fixes lasting. */
export const institutionsRoutes: FastifyPluginAsyncTypebox<{
  institutions: InstitutionsService
}> = async (app, { institutions }) => {
  app.get(
    '/institutions',
    {
      schema: {
        tags,
        description: `Newest issued first; \`problem\` lists those linked to a problem (the problem page). ${SCOPE}`,
        querystring: ListInstitutionsQuerySchema,
        response: { 200: InstitutionPageSchema },
      },
    },
    (req) => institutions.list(req.ctx, req.query),
  )
  app.get(
    '/institutions/:id',
    {
      schema: {
        tags,
        description: SCOPE,
        params,
        response: { 200: InstitutionSchema, 304: NotModified },
      },
    },
    async (req, reply) => withEtag(reply, await institutions.get(req.ctx, req.params.id)),
  )
  app.post(
    '/institutions',
    {
      schema: {
        tags,
        description: `Issued date not after today; \`fileIds\` are your unattached uploads. ${WRITE}`,
        body: CreateInstitutionBodySchema,
        response: { 201: InstitutionSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(withEtag(reply, await institutions.create(req.ctx, req.body))),
  )
  app.patch(
    '/institutions/:id',
    {
      schema: {
        tags,
        description: `If-Match required (412 stale). \`problemIds\` replaces the links, \`fileIds\` adds files. ${WRITE}`,
        params,
        body: UpdateInstitutionBodySchema,
        response: { 200: InstitutionSchema },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await institutions.update(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )
}
