// The units module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { unitsRepository } from './units.repository.js'
export { unitsRoutes } from './units.routes.js'
export { UnitsService, createUnitIn } from './units.service.js'
