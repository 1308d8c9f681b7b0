import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AssignPetitionsBodySchema,
  AssignPetitionsResultSchema,
  CreatePetitionBatchBodySchema,
  CreatePetitionBodySchema,
  IdParamsSchema,
  ListPetitionBatchesQuerySchema,
  ListPetitionsQuerySchema,
  PetitionBatchPageSchema,
  PetitionBatchSchema,
  PetitionCallbackBodySchema,
  PetitionComplainantSchema,
  PetitionPageSchema,
  PetitionProblemBodySchema,
  PetitionRepeatBodySchema,
  PetitionSchema,
  RepeatCandidateListSchema,
  ReportPetitionBodySchema,
  ReviewPetitionBodySchema,
  UpdatePetitionBatchBodySchema,
  UpdatePetitionBodySchema,
} from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { PetitionBatchesService } from './petitions.batches.service.js'
import type { PetitionHandlingService } from './petitions.handling.service.js'
import type { PetitionsService } from './petitions.service.js'

const tags = ['petitions']
const params = IdParamsSchema
const SCOPE =
  'The office, leaders and auditors read every case; a unit only the cases its subtree handles (404 otherwise, and absent from lists and counts). The complainant is never in a case.'
const BATCH_SCOPE =
  'Counts follow the caller: a unit sees a batch only when it holds one of its cases, and counts only those.'

export interface PetitionsRoutesOptions {
  petitions: PetitionsService
  handling: PetitionHandlingService
  batches: PetitionBatchesService
}

/** Petition batches and cases (交办信访件): everything but the .xlsx import and the public board. */
export const petitionsRoutes: FastifyPluginAsyncTypebox<PetitionsRoutesOptions> = async (
  app,
  { petitions, handling, batches },
) => {
  // ── Batches
  app.get(
    '/petition-batches',
    {
      schema: {
        tags,
        description: `Latest handover first. ${BATCH_SCOPE}`,
        querystring: ListPetitionBatchesQuerySchema,
        response: { 200: PetitionBatchPageSchema },
      },
    },
    (req) => batches.list(req.ctx, req.query),
  )
  app.get(
    '/petition-batches/:id',
    {
      schema: {
        tags,
        description: BATCH_SCOPE,
        params,
        response: { 200: PetitionBatchSchema, 304: NotModified },
      },
    },
    async (req, reply) => withEtag(reply, await batches.get(req.ctx, req.params.id)),
  )
  app.post(
    '/petition-batches',
    {
      schema: { tags, body: CreatePetitionBatchBodySchema, response: { 201: PetitionBatchSchema } },
    },
    async (req, reply) =>
      reply.code(201).send(withEtag(reply, await batches.create(req.ctx, req.body))),
  )
  app.patch(
    '/petition-batches/:id',
    {
      schema: {
        tags,
        params,
        body: UpdatePetitionBatchBodySchema,
        response: { 200: PetitionBatchSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await batches.update(req.ctx, req.params.id, requireIfMatch(req), req.body)),
  )
  app.post(
    '/petition-batches/:id/publish',
    {
      schema: {
        tags,
        description:
          'Publishes the disclosure table of the batch’s reviewed cases as they read now (If-Match). The public board shows this snapshot; publishing a published batch again replaces it (`unpublishedChanges` counts the rows that would change).',
        params,
        response: { 200: PetitionBatchSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await batches.publish(req.ctx, req.params.id, requireIfMatch(req))),
  )

  // ── Cases
  app.get(
    '/petitions',
    {
      schema: {
        tags,
        description: `In the order they were recorded. ${SCOPE}`,
        querystring: ListPetitionsQuerySchema,
        response: { 200: PetitionPageSchema },
      },
    },
    (req) => petitions.list(req.ctx, req.query),
  )
  app.get(
    '/petitions/:id',
    {
      schema: {
        tags,
        description: SCOPE,
        params,
        response: { 200: PetitionSchema, 304: NotModified },
      },
    },
    async (req, reply) => withEtag(reply, await petitions.get(req.ctx, req.params.id)),
  )
  app.get(
    '/petitions/:id/complainant',
    {
      schema: {
        tags,
        description:
          'The office and the handling unit only (clients need petitions:pii): 404 for a case you cannot see, 403 for one you see but may not read the complainant of. Every read is audited.',
        params,
        response: { 200: PetitionComplainantSchema },
      },
    },
    async (req, reply) => {
      void reply.header('cache-control', 'no-store')
      return petitions.complainant(req.ctx, req.params.id)
    },
  )
  app.get(
    '/petitions/:id/repeat-candidates',
    { schema: { tags, params, response: { 200: RepeatCandidateListSchema } } },
    (req) => petitions.repeatCandidates(req.ctx, req.params.id),
  )
  app.post(
    '/petitions',
    { schema: { tags, body: CreatePetitionBodySchema, response: { 201: PetitionSchema } } },
    async (req, reply) =>
      reply.code(201).send(withEtag(reply, await petitions.create(req.ctx, req.body))),
  )
  app.patch(
    '/petitions/:id',
    {
      schema: { tags, params, body: UpdatePetitionBodySchema, response: { 200: PetitionSchema } },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await petitions.update(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )
  app.post(
    '/petitions/assign',
    {
      schema: {
        tags,
        description:
          'Received or handling cases → handling by the unit; the deadline defaults to today + the batch’s handling days.',
        body: AssignPetitionsBodySchema,
        response: { 200: AssignPetitionsResultSchema },
      },
    },
    (req) => handling.assign(req.ctx, req.body),
  )
  app.post(
    '/petitions/:id/report',
    {
      schema: {
        tags,
        description:
          'The handling unit reports (If-Match): handling or partly closed → submitted. 404 outside your subtree.',
        params,
        body: ReportPetitionBodySchema,
        response: { 200: PetitionSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await handling.report(req.ctx, req.params.id, requireIfMatch(req), req.body)),
  )
  app.post(
    '/petitions/:id/review',
    {
      schema: {
        tags,
        description:
          'The office (If-Match): submitted → closed | partly_closed | handling (return, reason required).',
        params,
        body: ReviewPetitionBodySchema,
        response: { 200: PetitionSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await handling.review(req.ctx, req.params.id, requireIfMatch(req), req.body)),
  )
  app.post(
    '/petitions/:id/callback',
    {
      schema: {
        tags,
        description: 'The call-back (回访) once reviewed (If-Match).',
        params,
        body: PetitionCallbackBodySchema,
        response: { 200: PetitionSchema },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await handling.callback(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )
  app.post(
    '/petitions/:id/problem',
    {
      schema: {
        tags,
        description:
          'Links an existing problem or opens one (source petition, code 信访件 <receipt number>) (If-Match).',
        params,
        body: PetitionProblemBodySchema,
        response: { 200: PetitionSchema },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await handling.problem(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )
  app.post(
    '/petitions/:id/repeat',
    {
      schema: {
        tags,
        description:
          'Marks the case a repeat of an earlier one, or clears it (If-Match). A repeat about a closed problem reopens it as a rebound.',
        params,
        body: PetitionRepeatBodySchema,
        response: { 200: PetitionSchema },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await petitions.setRepeat(req.ctx, req.params.id, requireIfMatch(req), req.body.repeatOfId),
      ),
  )
}
