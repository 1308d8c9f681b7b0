import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { and, eq, isNull, lt } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { idempotencyKeys } from '../db/schema/index.js'
import { AppError } from '../errors.js'
import { canonicalJson, sha256Hex } from '../lib/hash.js'

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { actor: string; key: string }
  }
}

/** A reservation older than this is taken to be from a crashed request and may be retried. */
const STALE_MS = 60_000
/** Response headers a replay repeats. */
const KEPT_HEADERS = ['content-type', 'etag', 'location']

/**
 * `Idempotency-Key` on POST: the first response to (caller, key) is stored and a retry with the
 * same request gets it again without running the handler; the same key with another request
 * answers 422. Applies to authenticated callers (the key is per caller), not to the login routes.
 */
export default fp(
  async function idempotencyPlugin(app: FastifyInstance, opts: { db: Db }) {
    const { db } = opts

    app.addHook('preHandler', async (request, reply) => {
      const key = request.headers['idempotency-key']
      if (request.method !== 'POST' || typeof key !== 'string') return
      const { actor } = request.ctx ?? {}
      if (!actor || actor.type === 'anonymous') return
      if (key.length < 1 || key.length > 200)
        throw new AppError('bad_request', 'Idempotency-Key must be 1 to 200 characters')
      const owner = `${actor.type}:${actor.id}`
      // A multipart body is streamed later, not parsed here: its length stands in for it.
      const body = request.body ?? { contentLength: request.headers['content-length'] ?? null }
      const requestHash = sha256Hex(canonicalJson({ m: request.method, u: request.url, b: body }))
      const now = new Date()
      const inserted = await db
        .insert(idempotencyKeys)
        .values({ actor: owner, key, requestHash, createdAt: now })
        .onConflictDoUpdate({
          target: [idempotencyKeys.actor, idempotencyKeys.key],
          set: { requestHash, createdAt: now },
          // Take over only a reservation whose request died before answering.
          setWhere: and(
            isNull(idempotencyKeys.status),
            lt(idempotencyKeys.createdAt, new Date(now.getTime() - STALE_MS)),
            eq(idempotencyKeys.requestHash, requestHash),
          ),
        })
        .returning({ key: idempotencyKeys.key })
      if (inserted.length) {
        request.idempotency = { actor: owner, key }
        return
      }
      const [row] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.actor, owner), eq(idempotencyKeys.key, key)))
      if (!row) throw new AppError('idempotency_in_progress')
      if (row.requestHash !== requestHash)
        throw new AppError(
          'idempotency_mismatch',
          'This Idempotency-Key was used with a different request',
        )
      if (row.status === null) throw new AppError('idempotency_in_progress')
      const headers = (row.headers ?? {}) as Record<string, string>
      for (const [h, v] of Object.entries(headers)) void reply.header(h, v)
      void reply.header('idempotent-replayed', 'true')
      return reply.code(row.status).send(row.body ?? '')
    })

    app.addHook('onSend', async (request, reply, payload) => {
      const idem = request.idempotency
      if (!idem) return payload
      request.idempotency = undefined
      const where = and(eq(idempotencyKeys.actor, idem.actor), eq(idempotencyKeys.key, idem.key))
      if (reply.statusCode >= 500) {
        await db.delete(idempotencyKeys).where(where)
        return payload
      }
      const headers: Record<string, string> = {}
      for (const h of KEPT_HEADERS) {
        const v = reply.getHeader(h)
        if (v !== undefined) headers[h] = String(v)
      }
      await db
        .update(idempotencyKeys)
        .set({
          status: reply.statusCode,
          headers,
          body: typeof payload === 'string' ? payload : null,
        })
        .where(where)
      return payload
    })
  },
  { name: 'idempotency', dependencies: ['auth'] },
)
