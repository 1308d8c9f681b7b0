// The public module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { publicRoutes } from './public.routes.js'
import { PublicBoardService } from './public.service.js'
export { ResponseCache, caching } from './public.cache.js'
export { published } from './public.repository.js'
export { publicRoutes } from './public.routes.js'
export { PublicBoardService } from './public.service.js'

/**
 * The public module as app.ts registers it: the public board (no login, cached, rate limited),
 * read from the replica (readDb) — it is cached for PUBLIC_CACHE_SECONDS anyway.
 */
export function publicModule({ readDb, config }: SharedDeps) {
  return defineModule({
    name: 'public',
    routes: [
      routes(publicRoutes, {
        board: new PublicBoardService(readDb),
        cacheSeconds: config.PUBLIC_CACHE_SECONDS,
        rateLimitMax: config.PUBLIC_RATE_LIMIT_MAX,
      }),
    ],
    jobs: [],
  })
}
