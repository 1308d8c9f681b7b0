import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HealthSchema, ReadySchema } from '@rectify/schemas'
import type { Database } from '../../db/client.js'
import { appliedMigrations, expectedMigrations } from '../../db/migrate.js'
import { replicaState } from '../../db/replica.js'

/**
 * Liveness (the process is up) and readiness (database reachable, migrations current; the read
 * replica, if any, reported beside it).
 */
export const systemRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = async (
  app,
  { database },
) => {
  const tags = ['system']
  const expected = expectedMigrations()
  // Probes are not rate limited: they must answer while the counters' database is down, and a
  // load balancer polling every instance must never be told 429.
  const probe = { rateLimit: false as const }
  app.get(
    '/health',
    { config: probe, schema: { tags, security: [], response: { 200: HealthSchema } } },
    () => ({ status: 'ok' as const }),
  )
  app.get(
    '/ready',
    {
      config: probe,
      schema: { tags, security: [], response: { 200: ReadySchema, 503: ReadySchema } },
    },
    async (_req, reply) => {
      const applied = await appliedMigrations(database).catch(() => null)
      const reachable = applied !== null
      const ready = reachable && applied === expected
      const replica = database.reads === 'replica' ? await replicaState(database) : undefined
      return reply.code(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not_ready',
        database: reachable,
        migrations: { applied: applied ?? 0, expected },
        ...(replica && { replica }),
      })
    },
  )
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger())
}
