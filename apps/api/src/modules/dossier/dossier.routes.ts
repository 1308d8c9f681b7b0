import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Readable } from 'node:stream'
import { Type } from 'typebox'
import { IdParamsSchema } from '@rectify/schemas'
import type { DossierService } from './dossier.service.js'

/**
 * `attachment` with the UTF-8 name per RFC 8187 (`filename*`, what browsers use) and a plain
 * ASCII `filename` per RFC 6266 for clients that read only that.
 */
function attachment(name: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`
}

/** The dossier download; the SPA fetches it with its bearer token and saves the blob. */
export const dossierRoutes: FastifyPluginAsyncTypebox<{ dossier: DossierService }> = async (
  app,
  { dossier },
) => {
  app.get(
    '/problems/:id/dossier',
    {
      schema: {
        tags: ['dossier'],
        description:
          'The dossier (一案一档) as a zip, streamed: index.html (printable summary), evidence/…, audit.jsonl and manifest.json (size and SHA-256 of every entry). Read like the problem; each download is audited.',
        params: IdParamsSchema,
        produces: ['application/zip'],
        response: {
          200: Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'The zip' }),
        },
      },
    },
    async (req, reply) => {
      const d = await dossier.export(req.ctx, req.params.id)
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', attachment(d.filename, `dossier-${d.problemId}.zip`))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(d.stream)
    },
  )
}
