// The institutions module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import type { FilesModule } from '../files/index.js'
import { institutionFileAccess } from './institutions.access.js'
import { publicInstitutionsRoutes } from './institutions.public.js'
import { institutionsRoutes } from './institutions.routes.js'
import { InstitutionsService } from './institutions.service.js'
export { institutionFileAccess } from './institutions.access.js'
export { publicInstitutionsRoutes } from './institutions.public.js'
export { institutionsRoutes } from './institutions.routes.js'
export { InstitutionsService } from './institutions.service.js'

/** The institutions module (建章立制) as app.ts registers it, with its public list. */
export function institutionsModule({ db, config }: SharedDeps, { files }: { files: FilesModule }) {
  files.service.allowReads(institutionFileAccess)
  const institutions = new InstitutionsService(db)
  return defineModule({
    name: 'institutions',
    routes: [
      routes(institutionsRoutes, { institutions }),
      routes(publicInstitutionsRoutes, {
        institutions,
        cacheSeconds: config.PUBLIC_CACHE_SECONDS,
        rateLimitMax: config.PUBLIC_RATE_LIMIT_MAX,
      }),
    ],
    jobs: [],
  })
}
