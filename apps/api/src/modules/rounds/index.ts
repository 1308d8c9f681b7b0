// The rounds module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { roundsRoutes } from './rounds.routes.js'
import { RoundsService } from './rounds.service.js'
import { roundsRepository } from './rounds.repository.js'
export { roundsRoutes } from './rounds.routes.js'
export { RoundsService, roundSettings } from './rounds.service.js'

/** The rounds module as app.ts registers it. */
export function roundsModule({ db }: SharedDeps) {
  return defineModule({
    name: 'rounds',
    routes: [routes(roundsRoutes, { rounds: new RoundsService(db) })],
    jobs: [],
  })
}

/** A round by id (undefined: none), for the modules that file records under a round. */
export const findRound = roundsRepository.findById
