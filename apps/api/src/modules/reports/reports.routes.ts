import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateReportBodySchema,
  IdParamsSchema,
  ListProblemReportsQuerySchema,
  ListReportsQuerySchema,
  ProgressReportSchema,
  ReportPageSchema,
  ReviewReportBodySchema,
} from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { ReportsService } from './reports.service.js'

const tags = ['reports']

export const reportsRoutes: FastifyPluginAsyncTypebox<{ reports: ReportsService }> = async (
  app,
  { reports },
) => {
  app.post(
    '/problems/:id/reports',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: CreateReportBodySchema,
        response: { 201: ProgressReportSchema },
      },
    },
    async (req, reply) => {
      const report = await reports.create(req.ctx, req.params.id, req.body)
      return reply
        .code(201)
        .header('location', `/api/v1/reports/${report.id}`)
        .send(withEtag(reply, report))
    },
  )
  app.get(
    '/problems/:id/reports',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        querystring: ListProblemReportsQuerySchema,
        response: { 200: ReportPageSchema },
      },
    },
    (req) => reports.listForProblem(req.ctx, req.params.id, req.query),
  )
  app.get(
    '/reports',
    { schema: { tags, querystring: ListReportsQuerySchema, response: { 200: ReportPageSchema } } },
    (req) => reports.list(req.ctx, req.query),
  )
  app.get(
    '/reports/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        response: { 200: ProgressReportSchema, 304: NotModified },
      },
    },
    async (req, reply) => withEtag(reply, await reports.get(req.ctx, req.params.id)),
  )
  app.post(
    '/reports/:id/review',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: ReviewReportBodySchema,
        response: { 200: ProgressReportSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await reports.review(req.ctx, req.params.id, requireIfMatch(req), req.body)),
  )
}
