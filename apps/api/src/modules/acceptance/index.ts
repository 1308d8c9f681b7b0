// The acceptance module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import type { ProblemsModule } from '../problems/index.js'
import { acceptanceRoutes } from './acceptance.routes.js'
import { AcceptanceService } from './acceptance.service.js'
export { acceptanceRoutes } from './acceptance.routes.js'
export { AcceptanceService } from './acceptance.service.js'
export { closeoutRepository } from './closeout.repository.js'

/** The acceptance module as app.ts registers it. */
export function acceptanceModule({ db }: SharedDeps, { problems }: { problems: ProblemsModule }) {
  return defineModule({
    name: 'acceptance',
    routes: [routes(acceptanceRoutes, { acceptance: new AcceptanceService(db, problems.lights) })],
    jobs: [],
  })
}
