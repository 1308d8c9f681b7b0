// The bulletin module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { bulletinRoutes } from './bulletin.routes.js'
export { BulletinService } from './bulletin.service.js'
