// The acceptance module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import type { ProblemsModule } from '../problems/index.js'
import { acceptanceRoutes } from './acceptance.routes.js'
import { AcceptanceService } from './acceptance.service.js'
import { snapshotRedactionJob } from './snapshot-redaction.js'
export { acceptanceRoutes } from './acceptance.routes.js'
export { AcceptanceService } from './acceptance.service.js'
export { reopenCloseout } from './closeout.service.js'

/** The acceptance module as app.ts registers it. */
export function acceptanceModule(
  { db, config }: SharedDeps,
  { problems }: { problems: ProblemsModule },
) {
  return defineModule({
    name: 'acceptance',
    routes: [routes(acceptanceRoutes, { acceptance: new AcceptanceService(db, problems.lights) })],
    // Old snapshots' phones (issue 18), on the housekeeping schedule (0: not scheduled); once
    // they are rewritten, each run finds nothing.
    jobs: config.HOUSEKEEPING_INTERVAL_MINUTES
      ? [snapshotRedactionJob(db, config.HOUSEKEEPING_INTERVAL_MINUTES * 60_000)]
      : [],
  })
}
export { redactSnapshotPhones } from './snapshot-redaction.js'
