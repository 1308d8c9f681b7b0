// The dashboard module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { dashboardRoutes } from './dashboard.routes.js'
import { DashboardService } from './dashboard.service.js'
export { dashboardRoutes } from './dashboard.routes.js'
export { DashboardService } from './dashboard.service.js'

/**
 * The dashboard module as app.ts registers it. Its figures read the replica (readDb): seconds
 * behind the ledger, which reads the primary.
 */
export function dashboardModule({ readDb }: SharedDeps) {
  return defineModule({
    name: 'dashboard',
    routes: [routes(dashboardRoutes, { dashboard: new DashboardService(readDb) })],
    jobs: [],
  })
}
