import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Readable } from 'node:stream'
import type { FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import { Type } from 'typebox'
import { FileSchema, IdParamsSchema } from '@rectify/schemas'
import { contentDisposition } from '../../lib/http.js'
import { isUnstorable } from '../../lib/text.js'
import { AppError } from '../../errors.js'
import type { FilesService, UploadInput } from './files.service.js'

const tags = ['files']

/**
 * Hands the one file part named `file` of a multipart request to `store` as a stream, cut at
 * `maxBytes` (413). Transport failures (a malformed or cut-short body) answer 400, never 5xx.
 * The route's plugin must have registered @fastify/multipart with a `fileSize` of `maxBytes`.
 */
export async function receiveFile<T>(
  req: FastifyRequest,
  maxBytes: number,
  store: (input: UploadInput) => Promise<T>,
): Promise<T> {
  if (!req.isMultipart())
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data')
  const clientFault = (err: unknown) =>
    err instanceof AppError || ((err as { statusCode?: number }).statusCode ?? 500) < 500
      ? err
      : new AppError('bad_request', 'The multipart body is malformed or was cut short')
  const part = await req.file().catch((err: unknown) => {
    throw clientFault(err)
  })
  if (!part) throw new AppError('bad_request', 'Send one file part named "file"')
  if (part.fieldname !== 'file') {
    part.file.destroy()
    throw new AppError('bad_request', 'Send one file part named "file"')
  }
  if (isUnstorable(part.filename)) {
    part.file.destroy()
    throw new AppError(
      'validation',
      'The file name holds text that is not allowed',
      { errors: [{ path: '/file/filename', message: 'contains a NUL or an unpaired surrogate' }] },
      400,
    )
  }
  // Stop reading at the limit: the store then removes what it has written. When the bytes came
  // in one burst, busboy has hit the limit (and stopped feeding the stream, which will not end
  // until the whole body has arrived) before this listener exists: check for that too.
  const tooLarge = () =>
    part.file.destroy(new AppError('payload_too_large', `Files may be at most ${maxBytes} bytes`))
  if (part.file.truncated) tooLarge()
  else part.file.once('limit', tooLarge)
  try {
    return await store({
      filename: part.filename,
      stream: part.file,
      truncated: () => part.file.truncated,
    })
  } catch (err) {
    // The request broke (cut short, malformed): the client's fault, not the server's.
    throw err === part.file.errored ? clientFault(err) : err
  }
}

export interface FilesRoutesOptions {
  files: FilesService
  /** Largest accepted file (FILE_MAX_BYTES). */
  maxBytes: number
}

/**
 * Evidence upload and download. Multipart parsing is registered here only, so no other route
 * accepts multipart bodies.
 */
export const filesRoutes: FastifyPluginAsyncTypebox<FilesRoutesOptions> = async (
  app,
  { files, maxBytes },
) => {
  await app.register(multipart, {
    limits: {
      fileSize: maxBytes,
      files: 1,
      fields: 10,
      fieldSize: 1024,
      parts: 20,
      headerPairs: 50,
    },
  })

  app.post(
    '/files',
    {
      schema: {
        tags,
        description:
          'multipart/form-data with one file part named `file`. The type is sniffed from the content; the name is only kept for display.',
        consumes: ['multipart/form-data'],
        response: { 201: FileSchema },
      },
    },
    async (req, reply) => {
      const info = await receiveFile(req, maxBytes, (input) => files.upload(req.ctx, input))
      return reply.code(201).header('location', `/api/v1/files/${info.id}`).send(info)
    },
  )

  app.get(
    '/files/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        produces: ['application/octet-stream'],
        response: {
          200: Type.Unsafe<Readable>({
            type: 'string',
            format: 'binary',
            description: 'The bytes, with the sniffed content-type',
          }),
          304: Type.Null({ description: 'Not modified (If-None-Match named the ETag)' }),
        },
      },
    },
    async (req, reply) => {
      const row = await files.find(req.ctx, req.params.id)
      const etag = `"${row.sha256}"`
      void reply
        .header('etag', etag)
        .header('cache-control', 'private, no-cache')
        .header('x-content-type-options', 'nosniff')
      if (req.headers['if-none-match'] === etag) return reply.code(304).send(null)
      const stream = await files.open(row)
      return reply
        .header('content-type', row.mimeType)
        .header('content-length', row.size)
        .header('content-disposition', contentDisposition(row.name))
        .send(stream)
    },
  )
}
