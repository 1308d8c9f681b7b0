// The public module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { ResponseCache, caching } from './public.cache.js'
export { published } from './public.repository.js'
export { publicRoutes } from './public.routes.js'
export { PublicBoardService } from './public.service.js'
