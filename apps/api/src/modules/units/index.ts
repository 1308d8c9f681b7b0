// The units module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { unitsRoutes } from './units.routes.js'
import { UnitsService } from './units.service.js'
export { findUnit, findUnitByCode, holdUnit, findUnitPath, unitRefs } from './units.lookup.js'
export { unitsRoutes } from './units.routes.js'
export { UnitsService, createUnitIn } from './units.service.js'

/** The units module as app.ts registers it. */
export function unitsModule({ db }: SharedDeps) {
  return defineModule({
    name: 'units',
    routes: [routes(unitsRoutes, { units: new UnitsService(db) })],
    jobs: [],
  })
}
