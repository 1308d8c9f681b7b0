// The dossier module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import type { FilesModule } from '../files/index.js'
import { dossierRoutes } from './dossier.routes.js'
import { DossierService } from './dossier.service.js'
export { label } from './dossier.format.js'
export { dossierRoutes } from './dossier.routes.js'
export { DossierService } from './dossier.service.js'

/** The dossier module as app.ts registers it: it reads evidence bytes from the file store. */
export function dossierModule({ db }: SharedDeps, { files }: { files: FilesModule }) {
  return defineModule({
    name: 'dossier',
    routes: [routes(dossierRoutes, { dossier: new DossierService(db, files.store) })],
    jobs: [],
  })
}
