// The notices module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { noticeFileAccess } from './notices.access.js'
export { noticesRepository, overdueSql } from './notices.repository.js'
export { noticesRoutes } from './notices.routes.js'
export { NoticesService } from './notices.service.js'
export { LEVEL_NAMES, visibleTo } from './notices.shared.js'
export { noticeNumber } from './notices.view.js'
