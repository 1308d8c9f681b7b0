// The exports module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { exportsRoutes } from './exports.routes.js'
export { ExportsService } from './exports.service.js'
