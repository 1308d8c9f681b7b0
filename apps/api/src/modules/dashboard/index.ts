// The dashboard module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { dashboardRoutes } from './dashboard.routes.js'
import { DashboardService } from './dashboard.service.js'
import { rollupMergeJob } from './dashboard.rollup.js'
export { dashboardRoutes } from './dashboard.routes.js'
export { DashboardService } from './dashboard.service.js'
export { rollupMergeJob } from './dashboard.rollup.js'

/**
 * The dashboard module as app.ts registers it. Its figures read the replica (readDb): seconds
 * behind the ledger, which reads the primary. Its job merges the rollup's deltas (on the primary) every
 * ROLLUP_MERGE_INTERVAL_SECONDS (0: not scheduled).
 */
export function dashboardModule({ config, db, readDb }: SharedDeps) {
  return defineModule({
    name: 'dashboard',
    routes: [routes(dashboardRoutes, { dashboard: new DashboardService(readDb) })],
    jobs: config.ROLLUP_MERGE_INTERVAL_SECONDS
      ? [rollupMergeJob(db, config.ROLLUP_MERGE_INTERVAL_SECONDS)]
      : [],
  })
}
