import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateExtensionBodySchema,
  CreateProblemBodySchema,
  DecideExtensionBodySchema,
  ExtensionEffectSchema,
  ExtensionListSchema,
  ExtensionSchema,
  IdParamsSchema,
  ListProblemsQuerySchema,
  MyWorkSchema,
  ProblemPageSchema,
  ProblemSchema,
  ProblemSummarySchema,
  SummaryQuerySchema,
  TimelineSchema,
  TransitionBodySchema,
  UpdateProblemBodySchema,
} from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { ExtensionsService } from './extensions.service.js'
import type { OverviewService } from './overview.service.js'
import type { ProblemsService } from './problems.service.js'
import type { TransitionsService } from './transitions.js'

export interface ProblemsRoutesOptions {
  problems: ProblemsService
  transitions: TransitionsService
  extensions: ExtensionsService
  overview: OverviewService
}

const tags = ['problems']

/** The ledger: problems, their workflow, extensions, the summary, a unit's work list and timelines. */
export const problemsRoutes: FastifyPluginAsyncTypebox<ProblemsRoutesOptions> = async (
  app,
  opts,
) => {
  const { problems, transitions, extensions, overview } = opts
  const params = IdParamsSchema

  app.get(
    '/problems',
    {
      schema: { tags, querystring: ListProblemsQuerySchema, response: { 200: ProblemPageSchema } },
    },
    (req) => problems.list(req.ctx, req.query),
  )
  app.get(
    '/problems/summary',
    { schema: { tags, querystring: SummaryQuerySchema, response: { 200: ProblemSummarySchema } } },
    (req) => overview.summary(req.ctx, req.query),
  )
  app.get(
    '/problems/:id',
    { schema: { tags, params, response: { 200: ProblemSchema, 304: NotModified } } },
    async (req, reply) => withEtag(reply, await problems.get(req.ctx, req.params.id)),
  )
  app.post(
    '/problems',
    { schema: { tags, body: CreateProblemBodySchema, response: { 201: ProblemSchema } } },
    async (req, reply) => {
      const problem = await problems.create(req.ctx, req.body)
      return reply
        .code(201)
        .header('location', `/api/v1/problems/${problem.id}`)
        .send(withEtag(reply, problem))
    },
  )
  app.patch(
    '/problems/:id',
    { schema: { tags, params, body: UpdateProblemBodySchema, response: { 200: ProblemSchema } } },
    async (req, reply) =>
      withEtag(reply, await problems.update(req.ctx, req.params.id, requireIfMatch(req), req.body)),
  )
  app.post(
    '/problems/:id/transitions',
    { schema: { tags, params, body: TransitionBodySchema, response: { 200: ProblemSchema } } },
    async (req, reply) =>
      withEtag(
        reply,
        await transitions.transition(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )
  app.get(
    '/problems/:id/timeline',
    { schema: { tags, params, response: { 200: TimelineSchema } } },
    (req) => overview.timeline(req.ctx, req.params.id),
  )

  app.get(
    '/problems/:id/extensions',
    { schema: { tags, params, response: { 200: ExtensionListSchema } } },
    (req) => extensions.list(req.ctx, req.params.id),
  )
  app.post(
    '/problems/:id/extensions',
    {
      schema: { tags, params, body: CreateExtensionBodySchema, response: { 201: ExtensionSchema } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(withEtag(reply, await extensions.request(req.ctx, req.params.id, req.body))),
  )
  app.get(
    '/extensions/:id/effect',
    { schema: { tags, params, response: { 200: ExtensionEffectSchema } } },
    (req) => extensions.effect(req.ctx, req.params.id),
  )
  app.post(
    '/extensions/:id/decision',
    {
      schema: { tags, params, body: DecideExtensionBodySchema, response: { 200: ExtensionSchema } },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await extensions.decide(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )

  app.get('/me/work', { schema: { tags, response: { 200: MyWorkSchema } } }, (req) =>
    overview.myWork(req.ctx),
  )
}
