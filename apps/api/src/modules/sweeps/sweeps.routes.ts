import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateSweepBodySchema,
  IdParamsSchema,
  ListSweepsQuerySchema,
  SweepPageSchema,
  SweepReportBodySchema,
  SweepSchema,
} from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { SweepsService } from './sweeps.service.js'

const tags = ['sweeps']
const params = IdParamsSchema
const SCOPE =
  'City-wide readers see every sweep; a unit the sweeps with a target in its subtree (404 otherwise), and in each only its subtree’s targets, counted so in the roll-up and the light.'

/** Sweeps (举一反三排查): launch from a common problem, list, read, a target's report, close. */
export const sweepsRoutes: FastifyPluginAsyncTypebox<{ sweeps: SweepsService }> = async (
  app,
  { sweeps },
) => {
  app.post(
    '/problems/:id/sweeps',
    {
      schema: {
        tags,
        description:
          'The office launches a sweep from a common problem (422 otherwise): target units, due date (not before today), instructions. Each target unit is messaged.',
        params,
        body: CreateSweepBodySchema,
        response: { 201: SweepSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(withEtag(reply, await sweeps.launch(req.ctx, req.params.id, req.body))),
  )
  app.get(
    '/sweeps',
    {
      schema: {
        tags,
        description: `Latest launched first. ${SCOPE}`,
        querystring: ListSweepsQuerySchema,
        response: { 200: SweepPageSchema },
      },
    },
    (req) => sweeps.list(req.ctx, req.query),
  )
  app.get(
    '/sweeps/:id',
    {
      schema: {
        tags,
        description: SCOPE,
        params,
        response: { 200: SweepSchema, 304: NotModified },
      },
    },
    async (req, reply) => withEtag(reply, await sweeps.get(req.ctx, req.params.id)),
  )
  app.post(
    '/sweeps/:id/reports',
    {
      schema: {
        tags,
        description:
          'A target unit reports once (409 after): findings, each opened as a draft child problem led by the unit, or none with a signed statement. A unit reports for targets in its subtree; the office for any.',
        params,
        body: SweepReportBodySchema,
        response: { 201: SweepSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(withEtag(reply, await sweeps.report(req.ctx, req.params.id, req.body))),
  )
  app.post(
    '/sweeps/:id/close',
    {
      schema: {
        tags,
        description:
          'The office closes a sweep (If-Match) once every target has reported; 409 with the pending count otherwise.',
        params,
        response: { 200: SweepSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await sweeps.close(req.ctx, req.params.id, requireIfMatch(req))),
  )
}
