// The rounds module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { roundsRepository } from './rounds.repository.js'
export { roundsRoutes } from './rounds.routes.js'
export { RoundsService, roundSettings } from './rounds.service.js'
