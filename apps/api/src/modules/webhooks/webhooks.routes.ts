import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  CreateWebhookBodySchema,
  IdParamsSchema,
  ListWebhookDeliveriesQuerySchema,
  ListWebhooksQuerySchema,
  UpdateWebhookBodySchema,
  WebhookDeliveryPageSchema,
  WebhookPageSchema,
  WebhookSubscriptionSchema,
  WebhookTestResultSchema,
  WebhookWithSecretSchema,
} from '@rectify/schemas'
import { NotModified, etagVersion, requireIfMatch, withEtag } from '../../lib/http.js'
import type { WebhooksService } from './webhooks.service.js'

const tags = ['webhooks']

/**
 * Webhook subscriptions and their delivery log: the admin's and every client's (auditors read);
 * an API client with `webhooks:manage` only its own (the service scopes them).
 */
export const webhooksRoutes: FastifyPluginAsyncTypebox<{ webhooks: WebhooksService }> = async (
  app,
  { webhooks },
) => {
  app.get(
    '/webhooks',
    {
      schema: { tags, querystring: ListWebhooksQuerySchema, response: { 200: WebhookPageSchema } },
    },
    (req) => webhooks.list(req.ctx, req.query),
  )
  app.get(
    '/webhooks/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        response: { 200: WebhookSubscriptionSchema, 304: NotModified },
      },
    },
    async (req, reply) => withEtag(reply, await webhooks.get(req.ctx, req.params.id)),
  )
  app.post(
    '/webhooks',
    {
      schema: { tags, body: CreateWebhookBodySchema, response: { 201: WebhookWithSecretSchema } },
    },
    async (req, reply) => {
      const created = await webhooks.create(req.ctx, req.body)
      etagVersion(reply, created.subscription.version)
      return reply
        .code(201)
        .header('location', `/api/v1/webhooks/${created.subscription.id}`)
        .header('cache-control', 'no-store')
        .send(created)
    },
  )
  app.patch(
    '/webhooks/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateWebhookBodySchema,
        response: { 200: WebhookSubscriptionSchema },
      },
    },
    async (req, reply) =>
      withEtag(reply, await webhooks.update(req.ctx, req.params.id, requireIfMatch(req), req.body)),
  )
  app.delete(
    '/webhooks/:id',
    { schema: { tags, params: IdParamsSchema, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await webhooks.remove(req.ctx, req.params.id, requireIfMatch(req))
      return reply.code(204).send(null)
    },
  )
  app.post(
    '/webhooks/:id/secret',
    { schema: { tags, params: IdParamsSchema, response: { 200: WebhookWithSecretSchema } } },
    async (req, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await webhooks.rotateSecret(req.ctx, req.params.id)),
  )
  app.post(
    '/webhooks/:id/resume',
    { schema: { tags, params: IdParamsSchema, response: { 200: WebhookSubscriptionSchema } } },
    async (req, reply) =>
      withEtag(reply, await webhooks.resume(req.ctx, req.params.id, requireIfMatch(req))),
  )
  app.post(
    '/webhooks/:id/test',
    { schema: { tags, params: IdParamsSchema, response: { 202: WebhookTestResultSchema } } },
    async (req, reply) => reply.code(202).send(await webhooks.test(req.ctx, req.params.id)),
  )
  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        querystring: ListWebhookDeliveriesQuerySchema,
        response: { 200: WebhookDeliveryPageSchema },
      },
    },
    (req) => webhooks.deliveries(req.ctx, req.params.id, req.query),
  )
}
