import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  DashboardBreakdownQuerySchema,
  DashboardBreakdownSchema,
  DashboardListsSchema,
  DashboardOverviewSchema,
  DashboardPetitionsSchema,
  DashboardQuerySchema,
  DashboardSupervisionSchema,
  DashboardTrendQuerySchema,
  DashboardTrendSchema,
} from '@rectify/schemas'
import type { DashboardService } from './dashboard.service.js'

const tags = ['dashboard']

/** The dashboards (统计分析): read-only aggregates, each figure with the list query behind it. */
export const dashboardRoutes: FastifyPluginAsyncTypebox<{ dashboard: DashboardService }> = async (
  app,
  { dashboard },
) => {
  app.get(
    '/dashboard/overview',
    {
      schema: {
        tags,
        querystring: DashboardQuerySchema,
        response: { 200: DashboardOverviewSchema },
      },
    },
    (req) => dashboard.overview(req.ctx, req.query),
  )
  app.get(
    '/dashboard/breakdown',
    {
      schema: {
        tags,
        querystring: DashboardBreakdownQuerySchema,
        response: { 200: DashboardBreakdownSchema },
      },
    },
    (req) => dashboard.breakdown(req.ctx, req.query),
  )
  app.get(
    '/dashboard/trend',
    {
      schema: {
        tags,
        querystring: DashboardTrendQuerySchema,
        response: { 200: DashboardTrendSchema },
      },
    },
    (req) => dashboard.trend(req.ctx, req.query),
  )
  app.get(
    '/dashboard/lists',
    {
      schema: { tags, querystring: DashboardQuerySchema, response: { 200: DashboardListsSchema } },
    },
    (req) => dashboard.lists(req.ctx, req.query),
  )
  app.get(
    '/dashboard/supervision',
    {
      schema: {
        tags,
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSupervisionSchema },
      },
    },
    (req) => dashboard.supervision(req.ctx, req.query),
  )
  app.get(
    '/dashboard/petitions',
    {
      schema: {
        tags,
        querystring: DashboardQuerySchema,
        response: { 200: DashboardPetitionsSchema },
      },
    },
    (req) => dashboard.petitions(req.ctx, req.query),
  )
}
