import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ChangePageSchema, ListChangesQuerySchema } from '@rectify/schemas'
import type { ChangesService } from './changes.service.js'

export const changesRoutes: FastifyPluginAsyncTypebox<{ changes: ChangesService }> = async (
  app,
  { changes },
) => {
  app.get(
    '/changes',
    {
      schema: {
        tags: ['changes'],
        description:
          'Entity changes in commit order, scoped to what the caller may read; see docs/changes.md.',
        querystring: ListChangesQuerySchema,
        response: { 200: ChangePageSchema },
      },
    },
    (req) => changes.list(req.ctx, req.query),
  )
}
