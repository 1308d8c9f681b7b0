// The acceptance module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { acceptanceRoutes } from './acceptance.routes.js'
export { AcceptanceService } from './acceptance.service.js'
export { closeoutRepository } from './closeout.repository.js'
