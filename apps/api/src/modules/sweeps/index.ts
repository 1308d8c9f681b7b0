// The sweeps module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { sweepsRoutes } from './sweeps.routes.js'
export { SweepsService } from './sweeps.service.js'
