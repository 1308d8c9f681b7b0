import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  IdParamsSchema,
  InboxMessageSchema,
  InboxPageSchema,
  ListInboxQuerySchema,
  ReadAllResultSchema,
  UnreadCountSchema,
} from '@rectify/schemas'
import type { InboxService } from './inbox.service.js'

const tags = ['inbox']

/** The caller's inbox (消息中心): list, unread count, mark read, read all. */
export const inboxRoutes: FastifyPluginAsyncTypebox<{ inbox: InboxService }> = async (
  app,
  { inbox },
) => {
  app.get(
    '/inbox',
    { schema: { tags, querystring: ListInboxQuerySchema, response: { 200: InboxPageSchema } } },
    (req) => inbox.list(req.ctx, req.query),
  )
  app.get(
    '/inbox/unread-count',
    { schema: { tags, response: { 200: UnreadCountSchema } } },
    (req) => inbox.unreadCount(req.ctx),
  )
  app.post(
    '/inbox/:id/read',
    { schema: { tags, params: IdParamsSchema, response: { 200: InboxMessageSchema } } },
    (req) => inbox.markRead(req.ctx, req.params.id),
  )
  app.post('/inbox/read-all', { schema: { tags, response: { 200: ReadAllResultSchema } } }, (req) =>
    inbox.markAllRead(req.ctx),
  )
}
