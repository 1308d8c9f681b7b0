// The changes module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { changesRoutes } from './changes.routes.js'
import { ChangesService } from './changes.service.js'
import { changesRepository } from './changes.repository.js'
export { changesRoutes } from './changes.routes.js'
export { ChangesService } from './changes.service.js'
export { feedRows } from './changes.writer.js'

/** The changes module as app.ts registers it: the change feed, kept CHANGES_RETENTION_DAYS. */
export function changesModule({ db, config }: SharedDeps) {
  return defineModule({
    name: 'changes',
    routes: [
      routes(changesRoutes, { changes: new ChangesService(db, config.CHANGES_RETENTION_DAYS) }),
    ],
    jobs: [],
  })
}

/** Deletes change-feed rows older than `days` (the housekeeping job); the number deleted. */
export const purgeChanges = changesRepository.purge
