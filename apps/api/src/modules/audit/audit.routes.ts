import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AuditPageSchema, ListAuditQuerySchema } from '@rectify/schemas'
import type { AuditService } from './audit.service.js'

export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (
  app,
  { audit },
) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: ListAuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
    },
    (req) => audit.list(req.ctx, req.query),
  )
}
