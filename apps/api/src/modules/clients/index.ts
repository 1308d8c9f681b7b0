// The clients module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { clientsRoutes } from './clients.routes.js'
import { ClientsService } from './clients.service.js'
export { clientsRoutes } from './clients.routes.js'
export { ClientsService } from './clients.service.js'

/** The clients module as app.ts registers it. */
export function clientsModule({ db }: SharedDeps) {
  return defineModule({
    name: 'clients',
    routes: [routes(clientsRoutes, { clients: new ClientsService(db) })],
    jobs: [],
  })
}
