import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../errors.js'

/** Sets the ETag of a versioned resource (`"<version>"`) and returns the body unchanged. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, body: T): T {
  void reply.header('etag', `"${body.version}"`)
  return body
}

/**
 * `If-None-Match` on a read: when the ETag a GET sets (withEtag) is among the ones the client
 * sent (or it sent `*`), the answer is 304 without a body. Registered once as an onSend hook.
 */
export async function notModified(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200)
    return payload
  const etag = reply.getHeader('etag')
  const sent = request.headers['if-none-match']
  if (typeof etag !== 'string' || typeof sent !== 'string') return payload
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  const match = sent.trim() === '*' || sent.split(',').some((t) => bare(t) === bare(etag))
  if (!match) return payload
  void reply.code(304).removeHeader('content-length').removeHeader('content-type')
  return null
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
