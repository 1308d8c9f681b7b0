import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  IdParamsSchema,
  ListPublicProblemsQuerySchema,
  PublicNoticeListSchema,
  PublicProblemDetailSchema,
  PublicProblemPageSchema,
  PublicRegionListSchema,
} from '@rectify/schemas'
import { NotModified } from '../../lib/http.js'
import { ResponseCache, caching } from './public.cache.js'
import type { PublicBoardService } from './public.service.js'

export interface PublicRoutesOptions {
  board: PublicBoardService
  /** PUBLIC_CACHE_SECONDS: browsers and the in-process cache keep answers this long. */
  cacheSeconds: number
  /** PUBLIC_RATE_LIMIT_MAX: reads per minute per client IP. */
  rateLimitMax: number
}

const tags = ['public']
/**
 * The read-only public board under /public (no login). Answers are cached (ETag, 304,
 * Cache-Control and a small in-process cache): the board may lag the ledger by up to
 * PUBLIC_CACHE_SECONDS. Rate limited per IP.
 */
export const publicRoutes: FastifyPluginAsyncTypebox<PublicRoutesOptions> = async (
  app,
  { board, cacheSeconds, rateLimitMax },
) => {
  const hooks = caching({ seconds: cacheSeconds, shared: new ResponseCache(cacheSeconds * 1000) })
  const config = { rateLimit: { max: rateLimitMax, timeWindow: 60_000 } }

  app.get(
    '/public/problems',
    {
      schema: {
        tags,
        description:
          'Published problems, most recently changed first. Cached: the board may lag the ledger by up to PUBLIC_CACHE_SECONDS (default 30 s).',
        querystring: ListPublicProblemsQuerySchema,
        response: { 200: PublicProblemPageSchema, 304: NotModified },
      },
      config,
      ...hooks,
    },
    (req) => board.list(req.query),
  )
  app.get(
    '/public/problems/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        response: { 200: PublicProblemDetailSchema, 304: NotModified },
      },
      config,
      ...hooks,
    },
    (req) => board.get(req.params.id),
  )
  app.get(
    '/public/notices',
    {
      schema: {
        tags,
        description:
          'Standing close-out notices: those in or about to enter their publicity period (objections taken while `open`), then those whose period is over (公示已结束) and await close-out.',
        response: { 200: PublicNoticeListSchema, 304: NotModified },
      },
      config,
      ...hooks,
    },
    () => board.notices(),
  )
  app.get(
    '/public/regions',
    {
      schema: { tags, response: { 200: PublicRegionListSchema, 304: NotModified } },
      config,
      ...hooks,
    },
    () => board.regions(),
  )
}
