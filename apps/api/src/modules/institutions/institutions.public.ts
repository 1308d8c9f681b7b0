import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PublicInstitutionListSchema } from '@rectify/schemas'
import { ResponseCache, caching } from '../public/index.js'
import { NotModified } from '../../lib/http.js'
import type { InstitutionsService } from './institutions.service.js'

export interface PublicInstitutionsRoutesOptions {
  institutions: InstitutionsService
  /** PUBLIC_CACHE_SECONDS: browsers and the in-process cache keep answers this long. */
  cacheSeconds: number
  /** PUBLIC_RATE_LIMIT_MAX: reads per minute per client IP. */
  rateLimitMax: number
}

/**
 * The institutions on the public board (no login): those marked public, allow-listed fields
 * only, cached like the rest of the board (ETag, 304, Cache-Control, in-process cache).
 */
export const publicInstitutionsRoutes: FastifyPluginAsyncTypebox<
  PublicInstitutionsRoutesOptions
> = async (app, { institutions, cacheSeconds, rateLimitMax }) => {
  const hooks = caching({ seconds: cacheSeconds, shared: new ResponseCache(cacheSeconds * 1000) })
  app.get(
    '/public/institutions',
    {
      schema: {
        tags: ['public'],
        description:
          'Institutions (建章立制) marked public, newest issued first; linked problems only when they are public too. Cached: may lag by up to PUBLIC_CACHE_SECONDS.',
        response: { 200: PublicInstitutionListSchema, 304: NotModified },
      },
      config: { rateLimit: { max: rateLimitMax, timeWindow: 60_000 } },
      ...hooks,
    },
    () => institutions.listPublic(),
  )
}
