import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  IdParamsSchema,
  PublicPetitionBatchListSchema,
  PublicPetitionBatchSchema,
} from '@rectify/schemas'
import { ResponseCache, caching } from '../public/index.js'
import { NotModified } from '../../lib/http.js'
import type { PublicPetitionsService } from './petitions.public.js'

export interface PetitionsPublicRoutesOptions {
  disclosure: PublicPetitionsService
  /** PUBLIC_CACHE_SECONDS: browsers and the in-process cache keep answers this long. */
  cacheSeconds: number
  /** PUBLIC_RATE_LIMIT_MAX: reads per minute per client IP. */
  rateLimitMax: number
}

const tags = ['public']

/**
 * The petition disclosure tables on the public board (no login), cached like the rest of the
 * board (ETag, 304, Cache-Control, in-process cache) and rate limited per IP.
 */
export const petitionsPublicRoutes: FastifyPluginAsyncTypebox<
  PetitionsPublicRoutesOptions
> = async (app, { disclosure, cacheSeconds, rateLimitMax }) => {
  const hooks = caching({ seconds: cacheSeconds, shared: new ResponseCache(cacheSeconds * 1000) })
  const config = { rateLimit: { max: rateLimitMax, timeWindow: 60_000 } }
  app.get(
    '/public/petition-batches',
    {
      schema: {
        tags,
        description: 'Published petition batches, latest published first.',
        response: { 200: PublicPetitionBatchListSchema, 304: NotModified },
      },
      config,
      ...hooks,
    },
    () => disclosure.list(),
  )
  app.get(
    '/public/petition-batches/:id',
    {
      schema: {
        tags,
        description:
          'A published batch’s disclosure table: its reviewed cases (closed or partly closed), never the complainant.',
        params: IdParamsSchema,
        response: { 200: PublicPetitionBatchSchema, 304: NotModified },
      },
      config,
      ...hooks,
    },
    (req) => disclosure.get(req.params.id),
  )
}
