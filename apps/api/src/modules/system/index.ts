// The system module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { systemRoutes } from './system.routes.js'
export { systemRoutes } from './system.routes.js'

/** The system module as app.ts registers it: health and readiness. */
export function systemModule({ database }: SharedDeps) {
  return defineModule({
    name: 'system',
    routes: [routes(systemRoutes, { database })],
    jobs: [],
  })
}
