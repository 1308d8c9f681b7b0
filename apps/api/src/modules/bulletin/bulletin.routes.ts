import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { BulletinSchema, IdParamsSchema, UpdateBulletinBodySchema } from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag, contentDisposition } from '../../lib/http.js'
import type { BulletinService } from './bulletin.service.js'

const tags = ['dispatch']
const params = IdParamsSchema
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The dispatch bulletin (调度通报): its requirements text, and the .docx. */
export const bulletinRoutes: FastifyPluginAsyncTypebox<{ bulletin: BulletinService }> = async (
  app,
  { bulletin },
) => {
  app.get(
    '/dispatch-periods/:id/bulletin',
    {
      schema: {
        tags,
        description:
          "The bulletin's editable requirements and its summary sentence as it will read; the version in its ETag is the period's.",
        params,
        response: { 200: BulletinSchema, 304: NotModified },
      },
    },
    async (req, reply) => withEtag(reply, await bulletin.get(req.ctx, req.params.id)),
  )
  app.patch(
    '/dispatch-periods/:id/bulletin',
    {
      schema: {
        tags,
        description: "Saves the requirements (If-Match: the period's version; bumps it).",
        params,
        body: UpdateBulletinBodySchema,
        response: { 200: BulletinSchema },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await bulletin.update(req.ctx, req.params.id, requireIfMatch(req), req.body.requirements),
      ),
  )
  app.get(
    '/dispatch-periods/:id/bulletin/document',
    {
      schema: {
        tags,
        description: 'The bulletin as a Word document (.docx) in official layout.',
        params,
        produces: [DOCX],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The .docx' }),
        },
      },
    },
    async (req, reply) => {
      const d = await bulletin.document(req.ctx, req.params.id)
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', contentDisposition(d.filename))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(d.content)
    },
  )
}
