import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  IdParamsSchema,
  ListPublicReportsQuerySchema,
  PublicReportPageSchema,
  PublicReportSchema,
  RuleObjectionBodySchema,
  TriagePublicReportBodySchema,
} from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { PublicReportsService } from './public-reports.service.js'

const tags = ['public-reports']

/** The office's queue of public reports: read, triage (If-Match) and objection rulings (If-Match). */
export const publicReportsRoutes: FastifyPluginAsyncTypebox<{
  publicReports: PublicReportsService
}> = async (app, { publicReports }) => {
  const params = IdParamsSchema

  app.get(
    '/public-reports',
    {
      schema: {
        tags,
        description: 'Newest first. Name and contact are given to the office only.',
        querystring: ListPublicReportsQuerySchema,
        response: { 200: PublicReportPageSchema },
      },
    },
    (req) => publicReports.list(req.ctx, req.query),
  )
  app.get(
    '/public-reports/:id',
    { schema: { tags, params, response: { 200: PublicReportSchema, 304: NotModified } } },
    async (req, reply) => withEtag(reply, await publicReports.get(req.ctx, req.params.id)),
  )
  app.post(
    '/public-reports/:id/triage',
    {
      schema: {
        tags,
        description:
          'reply, link to a problem, open a new problem (source public_report) or mark as an objection to an open close-out notice.',
        params,
        body: TriagePublicReportBodySchema,
        response: { 200: PublicReportSchema },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await publicReports.triage(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )
  app.post(
    '/public-reports/:id/ruling',
    {
      schema: {
        tags,
        description:
          'Rules a pending objection: upheld overturns the close-out notice and returns the problem to in_progress.',
        params,
        body: RuleObjectionBodySchema,
        response: { 200: PublicReportSchema },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await publicReports.rule(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )
}
