// The dispatch module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { computeSummary } from './dispatch.board.js'
export { dispatchRepository, type DispatchPeriodRow } from './dispatch.repository.js'
export { dispatchRoutes } from './dispatch.routes.js'
export { DispatchService } from './dispatch.service.js'
