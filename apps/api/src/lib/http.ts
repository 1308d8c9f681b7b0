import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError, problem } from '../errors.js'

/** Sets the ETag of a versioned resource (`"<version>"`) and returns the body unchanged. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, body: T): T {
  void reply.header('etag', `"${body.version}"`)
  return body
}

/**
 * The version a PATCH or transition is made against, from `If-Match`. Missing: 428; not a
 * version we issued: 412 (it can never match).
 */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match']
  if (!header) throw new AppError('precondition_required', 'Send If-Match with the ETag you read')
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header)
  if (!m)
    throw new AppError('precondition_failed', 'If-Match does not name a version of this resource')
  return Number(m[1])
}

/** Opaque cursors: base64url of a JSON tuple of the sort keys of the last row. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

export function decodeCursor(cursor: string | undefined, arity: number): string[] | null {
  if (!cursor) return null
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(v) && v.length === arity && v.every((x) => typeof x === 'string'))
      return v as string[]
  } catch {
    /* fall through */
  }
  throw new AppError('bad_request', 'Invalid cursor', {
    errors: [{ path: '/cursor', message: 'is not a cursor this API issued' }],
  })
}

/** Escapes LIKE wildcards in user text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * The answer to an import's commit that wrote nothing: 422 problem+json carrying the whole dry-run
 * report in `report`, so the dialog shows every refused cell (the problem-list, petition and
 * progress-table imports alike).
 */
export function sendImportRefused(
  request: FastifyRequest,
  reply: FastifyReply,
  report: object,
  detail: string,
) {
  return reply
    .code(422)
    .type('application/problem+json')
    .send({
      ...problem('unprocessable', detail, {
        instance: request.url.split('?')[0],
        requestId: request.id,
      }),
      report,
    })
}
