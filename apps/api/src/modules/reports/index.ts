// The reports module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { reportsRepository } from './reports.repository.js'
export { reportsRoutes } from './reports.routes.js'
export { ReportsService } from './reports.service.js'
export { toReport } from './reports.view.js'
