// The institutions module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { institutionFileAccess } from './institutions.access.js'
export { publicInstitutionsRoutes } from './institutions.public.js'
export { institutionsRoutes } from './institutions.routes.js'
export { InstitutionsService } from './institutions.service.js'
