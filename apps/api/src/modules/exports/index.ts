// The exports module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { exportsRoutes } from './exports.routes.js'
import { ExportsService } from './exports.service.js'
export { exportsRoutes } from './exports.routes.js'
export { ExportsService } from './exports.service.js'

/**
 * The exports module (streamed .xlsx) as app.ts registers it: rows from the replica (readDb),
 * the audit entry of each download on the primary.
 */
export function exportsModule({ db, readDb }: SharedDeps) {
  return defineModule({
    name: 'exports',
    routes: [routes(exportsRoutes, { exports: new ExportsService(db, readDb) })],
    jobs: [],
  })
}
