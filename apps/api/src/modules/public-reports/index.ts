// The public-reports module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { hotlineRoutes } from './hotline.routes.js'
export { HotlineIntakeService } from './hotline.service.js'
export { intakeRoutes } from './intake.routes.js'
export { PublicIntakeService, receiveReport } from './intake.service.js'
export { publicReportFileAccess } from './public-reports.access.js'
export { PublicKeys } from './public-reports.keys.js'
export { publicReportsRoutes } from './public-reports.routes.js'
export { PublicReportsService } from './public-reports.service.js'
