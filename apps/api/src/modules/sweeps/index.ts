// The sweeps module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import type { ProblemsModule } from '../problems/index.js'
import { sweepsRoutes } from './sweeps.routes.js'
import { SweepsService } from './sweeps.service.js'
export { sweepsRoutes } from './sweeps.routes.js'
export { SweepsService } from './sweeps.service.js'

/** The sweeps module (举一反三) as app.ts registers it. */
export function sweepsModule({ db }: SharedDeps, { problems }: { problems: ProblemsModule }) {
  return defineModule({
    name: 'sweeps',
    routes: [
      routes(sweepsRoutes, { sweeps: new SweepsService(db, problems.service, problems.lights) }),
    ],
    jobs: [],
  })
}
