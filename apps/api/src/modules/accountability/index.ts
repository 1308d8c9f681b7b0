// The accountability module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import type { FilesModule } from '../files/index.js'
import { accountabilityFileAccess } from './accountability.access.js'
import { accountabilityRoutes } from './accountability.routes.js'
import { AccountabilityService } from './accountability.service.js'
export { accountabilityFileAccess, accountabilityScope } from './accountability.access.js'
import { accountabilityRepository } from './accountability.repository.js'
export { accountabilityRoutes } from './accountability.routes.js'
export { AccountabilityService } from './accountability.service.js'

/** The accountability module as app.ts registers it, with who may read its cases' files. */
export function accountabilityModule({ db }: SharedDeps, { files }: { files: FilesModule }) {
  files.service.allowReads(accountabilityFileAccess)
  return defineModule({
    name: 'accountability',
    routes: [routes(accountabilityRoutes, { accountability: new AccountabilityService(db) })],
    jobs: [],
  })
}

/** The accountability cases of a problem within a scope (the dossier). */
export const accountabilityOfProblem = accountabilityRepository.ofProblem
/** Accountability case counts by unit under a filter (the exports). */
export const accountabilityCountByUnit = accountabilityRepository.countByUnit
