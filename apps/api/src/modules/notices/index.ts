// The notices module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import type { FilesModule } from '../files/index.js'
import { noticeFileAccess } from './notices.access.js'
import { noticesRoutes } from './notices.routes.js'
import { NoticesService } from './notices.service.js'
export { noticeFileAccess } from './notices.access.js'
import { noticesRepository } from './notices.repository.js'
export { overdueSql } from './notices.repository.js'
export { noticesRoutes } from './notices.routes.js'
export { NoticesService } from './notices.service.js'
export { LEVEL_NAMES, visibleTo } from './notices.shared.js'
export { noticeNumber } from './notices.view.js'

/** The notices module as app.ts registers it, with who may read its notices' and replies' files. */
export function noticesModule({ db }: SharedDeps, { files }: { files: FilesModule }) {
  files.service.allowReads(noticeFileAccess)
  return defineModule({
    name: 'notices',
    routes: [routes(noticesRoutes, { notices: new NoticesService(db) })],
    jobs: [],
  })
}

/** The notices of a problem within a scope (the dossier). */
export const noticesOfProblem = noticesRepository.ofProblem
/** The name of the unit of a notice's issuer (the bulletin). */
export const issuerUnitName = noticesRepository.issuerUnitName
