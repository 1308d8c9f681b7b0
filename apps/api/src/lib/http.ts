import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { AppError, problem } from '../errors.js'

/** Declared for the OpenAPI document: the answer to a matching If-None-Match. */
export const NotModified = Type.Null({ description: 'Not modified (If-None-Match named the ETag)' })

/** The base64url SHA-256 of a serialized body: the part of an ETag that tracks the bytes. */
export function digestOf(body: string | Buffer): string {
  return createHash('sha256').update(body).digest('base64url')
}

/** A strong ETag over a body alone (the public board's answers): `"<digest>"`. */
export function etagOf(body: string): string {
  return `"${digestOf(body)}"`
}

/** True when If-None-Match names `etag` (weak comparison, as RFC 9110 asks for this header). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((t) => bare(t) === bare(etag))
}

/** The version each answer represents, set by withEtag and turned into the ETag by versionEtag. */
const versions = new WeakMap<FastifyReply, number>()

/**
 * Marks the answer as the representation of a resource at `body.version` and returns the body
 * unchanged; versionEtag (onSend) then sets its ETag.
 */
export function withEtag<T extends { version: number }>(reply: FastifyReply, body: T): T {
  versions.set(reply, body.version)
  return body
}

/** withEtag for an answer whose version is not its own `version` field (a detail with parts). */
export function etagVersion(reply: FastifyReply, version: number): void {
  versions.set(reply, version)
}

/**
 * onSend hook, registered once (app.ts): a 2xx answer marked by withEtag gets the ETag
 * `"<version>-<digest of the bytes sent>"`. The version is what If-Match is checked against;
 * the digest makes the ETag change whenever the representation does, also when only something
 * it embeds or derives changed (a light, a count, a name, what the caller may do). A GET or HEAD
 * whose If-None-Match names it is answered 304 without a body, with the ETag and Cache-Control
 * (`private, no-cache` unless the route set one). Runs after the handler, so whatever the caller
 * may not read is answered 404 before any ETag is compared.
 */
export async function versionEtag(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  const version = versions.get(reply)
  if (version === undefined || reply.statusCode < 200 || reply.statusCode >= 300) return payload
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
  const etag = `"${version}-${digestOf(payload)}"`
  void reply.header('etag', etag)
  if (request.method !== 'GET' && request.method !== 'HEAD') return payload
  if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'private, no-cache')
  if (reply.statusCode !== 200 || !matches(request.headers['if-none-match'], etag)) return payload
  void reply.code(304).removeHeader('content-length').removeHeader('content-type')
  return ''
}

/**
 * The version a PATCH or transition is made against, from `If-Match`: the ETag a read or write
 * answered (`"3-<digest>"`, weak or strong) or the bare version (`"3"`); only the version is
 * compared, so a representation that changed around an unchanged record does not refuse the
 * write. Missing: 428; not a version we issued: 412 (it can never match).
 */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match']
  if (!header) throw new AppError('precondition_required', 'Send If-Match with the ETag you read')
  const m = /^\s*(?:W\/)?"?(\d{1,9})(?:-[\w-]{1,64})?"?\s*$/.exec(header)
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

/** `filename*` per RFC 8187 (UTF-8, percent-encoded) with a plain ASCII fallback per RFC 6266. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
