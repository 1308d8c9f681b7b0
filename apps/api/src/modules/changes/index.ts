// The changes module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { changesRepository } from './changes.repository.js'
export { changesRoutes } from './changes.routes.js'
export { ChangesService } from './changes.service.js'
export { feedRows } from './changes.writer.js'
