import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { and, eq, isNull, lt } from 'drizzle-orm'
import type { Db, Tx } from '../db/client.js'
import { idempotencyKeys } from '../db/schema/index.js'
import { AppError } from '../errors.js'
import { runWithCommitScope } from '../lib/commit-hooks.js'
import { canonicalJson, sha256Hex } from '../lib/hash.js'

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { actor: string; key: string; open: boolean }
  }
}

/** A reservation older than this is taken to be from a crashed request and may be retried. */
const STALE_MS = 60_000
/** Response headers a replay repeats. */
const KEPT_HEADERS = ['content-type', 'etag', 'location']
/** At most this many keys of failed requests are remembered (the oldest are forgotten first). */
const FAILED_MAX = 10_000

/**
 * `Idempotency-Key` on POST: the first response to (caller, key) is stored and a retry with the
 * same request gets it again without running the handler; the same key with another request
 * answers 422. Applies to authenticated callers (the key is per caller), not to the login routes.
 *
 * The handler's own transaction marks the key as done (committed_at) just before it commits, so
 * a write whose response could not be stored (the database went away after COMMIT) is still
 * answered as done and never run again: a retry answers 409 idempotency_done (409
 * idempotency_in_progress while the reservation is younger than STALE_MS: its request may still
 * be storing the response).
 */
export default fp(
  async function idempotencyPlugin(app: FastifyInstance, opts: { db: Db }) {
    const { db } = opts
    /**
     * Keys of requests this process answered with a 5xx (`${actor} ${key}`): their request is
     * over, so a retry here need not wait STALE_MS. It first frees the reservation if the write
     * did not commit (freeing it at the failure may itself have failed, the database being
     * unreachable then), and if the write did commit (the connection was lost after COMMIT) it
     * is told at once that the write is done. Another instance does not know of them and waits,
     * as before.
     */
    const failedHere = new Set<string>()
    const rememberFailed = (actorKey: string) => {
      if (failedHere.size >= FAILED_MAX) failedHere.delete(failedHere.values().next().value!)
      failedHere.add(actorKey)
    }
    const keyWhere = (actor: string, key: string) =>
      and(eq(idempotencyKeys.actor, actor), eq(idempotencyKeys.key, key))
    /** Frees a reservation whose request failed before its write committed. */
    const release = async (actor: string, key: string) => {
      await db
        .delete(idempotencyKeys)
        .where(
          and(
            keyWhere(actor, key),
            isNull(idempotencyKeys.committedAt),
            isNull(idempotencyKeys.status),
          ),
        )
    }

    /**
     * Reserves (caller, key), or answers from what is stored: `reserved` when the handler is to
     * run under the reservation, `replied` when the stored response was sent.
     */
    async function reserveOrReplay(
      request: FastifyRequest,
      reply: FastifyReply,
    ): Promise<'none' | 'reserved' | 'replied'> {
      const key = request.headers['idempotency-key']
      if (request.method !== 'POST' || typeof key !== 'string') return 'none'
      const { actor } = request.ctx ?? {}
      if (!actor || actor.type === 'anonymous') return 'none'
      if (key.length < 1 || key.length > 200)
        throw new AppError('bad_request', 'Idempotency-Key must be 1 to 200 characters')
      const owner = `${actor.type}:${actor.id}`
      // A multipart body is streamed later, not parsed here: its length stands in for it.
      const body = request.body ?? { contentLength: request.headers['content-length'] ?? null }
      const requestHash = sha256Hex(canonicalJson({ m: request.method, u: request.url, b: body }))
      const failed = `${owner} ${key}`
      // Taken out of the set before the delete: of two retries at once, one frees it.
      const over = failedHere.delete(failed)
      if (over)
        await release(owner, key).catch((err: unknown) => {
          rememberFailed(failed)
          throw err
        })
      const now = new Date()
      const inserted = await db
        .insert(idempotencyKeys)
        .values({ actor: owner, key, requestHash, createdAt: now })
        .onConflictDoUpdate({
          target: [idempotencyKeys.actor, idempotencyKeys.key],
          set: { requestHash, createdAt: now },
          // Take over only a reservation whose request died before answering and before its
          // write committed.
          setWhere: and(
            isNull(idempotencyKeys.status),
            isNull(idempotencyKeys.committedAt),
            lt(idempotencyKeys.createdAt, new Date(now.getTime() - STALE_MS)),
            eq(idempotencyKeys.requestHash, requestHash),
          ),
        })
        .returning({ key: idempotencyKeys.key })
      if (inserted.length) {
        request.idempotency = { actor: owner, key, open: true }
        return 'reserved'
      }
      const [row] = await db.select().from(idempotencyKeys).where(keyWhere(owner, key))
      if (!row) throw new AppError('idempotency_in_progress')
      if (row.requestHash !== requestHash)
        throw new AppError(
          'idempotency_mismatch',
          'This Idempotency-Key was used with a different request',
        )
      if (row.status === null) {
        // Committed but no response stored yet: the first request is normally still sending it
        // (the store follows COMMIT), so a retry now is told to wait; once the reservation is
        // stale, or this process answered the first request with a failure, the response was
        // lost and the write is answered as done.
        const stale = row.createdAt.getTime() < now.getTime() - STALE_MS
        const done = row.committedAt !== null && (stale || over)
        if (done && over) rememberFailed(failed)
        throw new AppError(done ? 'idempotency_done' : 'idempotency_in_progress')
      }
      const headers = (row.headers ?? {}) as Record<string, string>
      for (const [h, v] of Object.entries(headers)) void reply.header(h, v)
      void reply.header('idempotent-replayed', 'true')
      void reply.code(row.status).send(row.body ?? '')
      return 'replied'
    }

    /** Marks the reservation as done, inside the handler's transaction, just before COMMIT. */
    function markCommitted(request: FastifyRequest) {
      return async (tx: Tx) => {
        const idem = request.idempotency
        if (!idem?.open) return
        await tx
          .update(idempotencyKeys)
          .set({ committedAt: new Date() })
          .where(keyWhere(idem.actor, idem.key))
      }
    }

    // Callback style: the handler then runs inside the commit scope, so every transaction it
    // commits carries the mark.
    app.addHook('preHandler', (request, reply, done) => {
      reserveOrReplay(request, reply).then(
        (outcome) => {
          if (outcome === 'reserved')
            runWithCommitScope({ beforeCommit: markCommitted(request) }, done)
          else if (outcome === 'none') done()
        },
        (err: Error) => done(err),
      )
    })

    app.addHook('onSend', async (request, reply, payload) => {
      const idem = request.idempotency
      if (!idem) return payload
      // Work the request left running (a nudge, a background refresh) marks nothing.
      idem.open = false
      request.idempotency = undefined
      const where = keyWhere(idem.actor, idem.key)
      // The answer goes out whether or not it could be remembered (the database may have gone
      // away since the handler finished): what it says is true either way. Unremembered, a
      // retry finds the key done (the write committed with its mark) or free again (it did not).
      try {
        if (reply.statusCode >= 500) {
          // A retry may run it again, unless its write committed before the failure.
          rememberFailed(`${idem.actor} ${idem.key}`)
          await release(idem.actor, idem.key)
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
      } catch (err) {
        request.log.warn({ err }, 'the response to an Idempotency-Key could not be stored')
      }
      return payload
    })
  },
  { name: 'idempotency', dependencies: ['auth'] },
)
