// The dashboard module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { dashboardRoutes } from './dashboard.routes.js'
export { DashboardService } from './dashboard.service.js'
