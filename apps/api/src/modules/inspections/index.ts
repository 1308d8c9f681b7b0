// The inspections module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import type { FilesModule } from '../files/index.js'
import type { ProblemsModule } from '../problems/index.js'
import { inspectionFileAccess } from './inspections.access.js'
import { inspectionsRoutes } from './inspections.routes.js'
import { InspectionsService } from './inspections.service.js'
export { inspectionFileAccess } from './inspections.access.js'
export { inspectionsRoutes } from './inspections.routes.js'
export { InspectionsService } from './inspections.service.js'

/** The inspections module as app.ts registers it, with who may read its findings' files. */
export function inspectionsModule(
  { db }: SharedDeps,
  { files, problems }: { files: FilesModule; problems: ProblemsModule },
) {
  files.service.allowReads(inspectionFileAccess)
  return defineModule({
    name: 'inspections',
    routes: [
      routes(inspectionsRoutes, { inspections: new InspectionsService(db, problems.service) }),
    ],
    jobs: [],
  })
}
