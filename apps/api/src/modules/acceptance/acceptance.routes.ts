import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  AcceptancePageSchema,
  AcceptanceSchema,
  AcceptanceSnapshotSchema,
  ApplyAcceptanceBodySchema,
  CalendarDaySchema,
  CalendarQuerySchema,
  CalendarSchema,
  CloseProblemBodySchema,
  CloseoutFileSchema,
  CloseoutSchema,
  DateParamsSchema,
  IdParamsSchema,
  ListAcceptancesQuerySchema,
  ListPublicityQuerySchema,
  ListReboundReviewsQuerySchema,
  OpenPublicityBodySchema,
  PublicityPageSchema,
  PublicitySchema,
  PutCalendarDayBodySchema,
  ReboundPageSchema,
  ReboundReviewSchema,
  RecordReboundReviewBodySchema,
  ReviewAcceptanceBodySchema,
} from '@rectify/schemas'
import { requireIfMatch, withEtag } from '../../lib/http.js'
import type { AcceptanceService } from './acceptance.service.js'

const tags = ['acceptance']
const params = IdParamsSchema

/** Acceptance (验收), publicity (公示), close-out (销号), rebound reviews (回头看) and the calendar. */
export const acceptanceRoutes: FastifyPluginAsyncTypebox<{
  acceptance: AcceptanceService
}> = async (app, { acceptance }) => {
  const { applications, closeout, boards, calendar } = acceptance

  app.get(
    '/problems/:id/acceptance',
    { schema: { tags, params, response: { 200: CloseoutFileSchema } } },
    (req) => acceptance.file(req.ctx, req.params.id),
  )
  app.post(
    '/problems/:id/acceptances',
    {
      schema: {
        tags,
        params,
        body: ApplyAcceptanceBodySchema,
        response: { 201: AcceptanceSchema },
      },
    },
    async (req, reply) => {
      const a = await applications.apply(req.ctx, req.params.id, requireIfMatch(req), req.body)
      return reply.code(201).send(withEtag(reply, a))
    },
  )
  app.post(
    '/acceptances/:id/reviews',
    {
      schema: {
        tags,
        params,
        body: ReviewAcceptanceBodySchema,
        response: { 201: AcceptanceSchema },
      },
    },
    async (req, reply) => {
      const a = await applications.review(req.ctx, req.params.id, requireIfMatch(req), req.body)
      return reply.code(201).send(withEtag(reply, a))
    },
  )
  app.get(
    '/acceptances',
    {
      schema: {
        tags,
        querystring: ListAcceptancesQuerySchema,
        response: { 200: AcceptancePageSchema },
      },
    },
    (req) => applications.list(req.ctx, req.query),
  )
  app.get(
    '/acceptance-reviews/:id/snapshot',
    { schema: { tags, params, response: { 200: AcceptanceSnapshotSchema } } },
    (req) => applications.snapshot(req.ctx, req.params.id),
  )

  app.post(
    '/problems/:id/publicity',
    { schema: { tags, params, body: OpenPublicityBodySchema, response: { 201: PublicitySchema } } },
    async (req, reply) => {
      const p = await closeout.openPublicity(req.ctx, req.params.id, requireIfMatch(req), req.body)
      return reply.code(201).send(withEtag(reply, p))
    },
  )
  app.get(
    '/publicity',
    {
      schema: {
        tags,
        querystring: ListPublicityQuerySchema,
        response: { 200: PublicityPageSchema },
      },
    },
    (req) => boards.listPublicity(req.ctx, req.query),
  )
  app.post(
    '/problems/:id/closeout',
    { schema: { tags, params, body: CloseProblemBodySchema, response: { 201: CloseoutSchema } } },
    async (req, reply) =>
      reply
        .code(201)
        .send(await closeout.close(req.ctx, req.params.id, requireIfMatch(req), req.body)),
  )
  app.get(
    '/rebound-reviews',
    {
      schema: {
        tags,
        querystring: ListReboundReviewsQuerySchema,
        response: { 200: ReboundPageSchema },
      },
    },
    (req) => boards.listRebound(req.ctx, req.query),
  )
  app.post(
    '/rebound-reviews/:id',
    {
      schema: {
        tags,
        params,
        body: RecordReboundReviewBodySchema,
        response: { 200: ReboundReviewSchema },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await closeout.recordRebound(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )

  app.get(
    '/calendar',
    { schema: { tags, querystring: CalendarQuerySchema, response: { 200: CalendarSchema } } },
    (req) => calendar.year(req.ctx, req.query.year),
  )
  app.put(
    '/calendar/:date',
    {
      schema: {
        tags,
        params: DateParamsSchema,
        body: PutCalendarDayBodySchema,
        response: { 200: CalendarDaySchema },
      },
    },
    (req) => calendar.put(req.ctx, req.params.date, req.body),
  )
  app.delete(
    '/calendar/:date',
    { schema: { tags, params: DateParamsSchema, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await calendar.remove(req.ctx, req.params.date)
      return reply.code(204).send(null)
    },
  )
}
