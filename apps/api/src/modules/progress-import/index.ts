// The progress-import module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { progressImportRoutes } from './progress-import.routes.js'
export { ProgressImportService } from './progress-import.service.js'
