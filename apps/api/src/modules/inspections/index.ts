// The inspections module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { inspectionFileAccess } from './inspections.access.js'
export { inspectionsRoutes } from './inspections.routes.js'
export { InspectionsService } from './inspections.service.js'
