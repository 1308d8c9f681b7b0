// The accountability module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { accountabilityFileAccess, accountabilityScope } from './accountability.access.js'
export { accountabilityRepository } from './accountability.repository.js'
export { accountabilityRoutes } from './accountability.routes.js'
export { AccountabilityService } from './accountability.service.js'
