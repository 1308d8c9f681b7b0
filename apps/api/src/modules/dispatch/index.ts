// The dispatch module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { dispatchRoutes } from './dispatch.routes.js'
import { DispatchService } from './dispatch.service.js'
export { computeSummary } from './dispatch.board.js'
import { dispatchRepository } from './dispatch.repository.js'
export type { DispatchPeriodRow } from './dispatch.repository.js'
export { dispatchRoutes } from './dispatch.routes.js'
export { DispatchService } from './dispatch.service.js'

/** The dispatch module as app.ts registers it. */
export function dispatchModule({ db }: SharedDeps) {
  return defineModule({
    name: 'dispatch',
    routes: [routes(dispatchRoutes, { dispatch: new DispatchService({ db }) })],
    jobs: [],
  })
}

/** A dispatch period by id (locked for update with `lock`), for the bulletin and the progress import. */
export const findDispatchPeriod = dispatchRepository.findById
