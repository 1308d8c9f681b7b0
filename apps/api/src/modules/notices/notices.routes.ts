import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  CloseNoticeBodySchema,
  EscalateNoticeBodySchema,
  IdParamsSchema,
  IssueNoticeBodySchema,
  ListNoticesQuerySchema,
  NoticeDetailSchema,
  NoticePageSchema,
  ReplyNoticeBodySchema,
} from '@rectify/schemas'
import { NotModified, requireIfMatch, withEtag } from '../../lib/http.js'
import type { NoticesService } from './notices.service.js'

const tags = ['notices']
const params = IdParamsSchema
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** `attachment` with the UTF-8 name per RFC 8187 (`filename*`) and an ASCII `filename` fallback. */
function attachment(name: string, ascii: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/** Supervision notices (督办单): issue, list, read, reply, close, escalate, download. */
export const noticesRoutes: FastifyPluginAsyncTypebox<{ notices: NoticesService }> = async (
  app,
  { notices },
) => {
  app.post(
    '/notices',
    { schema: { tags, body: IssueNoticeBodySchema, response: { 201: NoticeDetailSchema } } },
    async (req, reply) =>
      reply.code(201).send(withEtag(reply, await notices.issue(req.ctx, req.body))),
  )
  app.get(
    '/notices',
    { schema: { tags, querystring: ListNoticesQuerySchema, response: { 200: NoticePageSchema } } },
    (req) => notices.list(req.ctx, req.query),
  )
  app.get(
    '/notices/:id',
    { schema: { tags, params, response: { 200: NoticeDetailSchema, 304: NotModified } } },
    async (req, reply) => withEtag(reply, await notices.get(req.ctx, req.params.id)),
  )
  app.post(
    '/notices/:id/reply',
    {
      schema: { tags, params, body: ReplyNoticeBodySchema, response: { 200: NoticeDetailSchema } },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await notices.transitions.reply(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )
  app.post(
    '/notices/:id/close',
    {
      schema: { tags, params, body: CloseNoticeBodySchema, response: { 200: NoticeDetailSchema } },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await notices.transitions.close(req.ctx, req.params.id, requireIfMatch(req), req.body),
      ),
  )
  app.post(
    '/notices/:id/escalate',
    {
      schema: {
        tags,
        params,
        body: EscalateNoticeBodySchema,
        response: { 201: NoticeDetailSchema },
      },
    },
    async (req, reply) => {
      const n = await notices.transitions.escalate(
        req.ctx,
        req.params.id,
        requireIfMatch(req),
        req.body,
      )
      return reply.code(201).send(withEtag(reply, n))
    },
  )
  app.get(
    '/notices/:id/document',
    {
      schema: {
        tags,
        description:
          'The notice as a Word document (.docx) in the layout of an official letter. Read like the notice.',
        params,
        produces: [DOCX],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The .docx' }),
        },
      },
    },
    async (req, reply) => {
      const d = await notices.document(req.ctx, req.params.id)
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', attachment(d.filename, d.asciiName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(d.content)
    },
  )
}
