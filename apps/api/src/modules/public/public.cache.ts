import type { FastifyReply, FastifyRequest } from 'fastify'
import { etagOf, matches } from '../../lib/http.js'

/**
 * HTTP caching for the public board. Every answer carries a strong ETag (a hash of the body)
 * and a Cache-Control header; a matching If-None-Match gets 304. Shared answers (the board
 * itself) are also kept in a small in-process cache keyed by the normalised URL, so a burst of
 * visitors costs one query per page per TTL: the board can lag the ledger by up to the TTL
 * (PUBLIC_CACHE_SECONDS). Only GETs are cached, only 200s are stored, and nothing is ever shared
 * between two URLs.
 */

interface Entry {
  body: string
  etag: string
  expires: number
}

/** A bounded map with a time to live; the oldest entry goes first when it is full. */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>()

  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 500,
  ) {}

  get(key: string, now = Date.now()): Entry | undefined {
    const e = this.entries.get(key)
    if (e && e.expires <= now) this.entries.delete(key)
    return e && e.expires > now ? e : undefined
  }

  set(key: string, body: string, etag: string, now = Date.now()): void {
    if (this.ttlMs <= 0) return
    this.entries.delete(key)
    this.entries.set(key, { body, etag, expires: now + this.ttlMs })
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }

  get size(): number {
    return this.entries.size
  }
}

/** The path and the query with its parameters sorted: `?b=2&a=1` and `?a=1&b=2` are one entry. */
export function cacheKey(url: string): string {
  const at = url.indexOf('?')
  if (at < 0) return url
  const params = new URLSearchParams(url.slice(at + 1))
  params.sort()
  const query = params.toString()
  return query ? `${url.slice(0, at)}?${query}` : url.slice(0, at)
}

export interface CachingOptions {
  /** `public, max-age=<seconds>`; with `shared` the in-process cache keeps answers this long. */
  seconds: number
  /** The in-process cache for answers that are the same for everyone; omit for per-caller ones. */
  shared?: ResponseCache
  /** Cache-Control for per-caller answers (default `private, no-cache`). */
  cacheControl?: string
}

/**
 * Route hooks: `preHandler` answers from the in-process cache, `onSend` sets ETag and
 * Cache-Control, answers 304 and stores what it sent. Use as `{ ...caching(opts) }` in a GET
 * route's options.
 */
export function caching(opts: CachingOptions) {
  const served = new WeakMap<FastifyReply, string>()
  const cacheControl =
    opts.cacheControl ?? (opts.shared ? `public, max-age=${opts.seconds}` : 'private, no-cache')
  return {
    async preHandler(req: FastifyRequest, reply: FastifyReply) {
      if (!opts.shared || req.method !== 'GET') return
      const hit = opts.shared.get(cacheKey(req.url))
      if (!hit) return
      served.set(reply, hit.etag)
      return reply.type('application/json; charset=utf-8').send(hit.body)
    },
    async onSend(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
      if (reply.statusCode !== 200 || typeof payload !== 'string') return payload
      const hit = served.get(reply)
      const etag = hit ?? etagOf(payload)
      void reply.header('etag', etag).header('cache-control', cacheControl)
      // A hit is not stored again: its age must keep counting from when it was made.
      if (opts.shared && req.method === 'GET' && !hit)
        opts.shared.set(cacheKey(req.url), payload, etag)
      if (matches(req.headers['if-none-match'], etag)) {
        void reply.code(304).removeHeader('content-length')
        return ''
      }
      return payload
    },
  }
}
