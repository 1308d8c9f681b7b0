// The reports module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { reportsRoutes } from './reports.routes.js'
import { ReportsService } from './reports.service.js'
import type { DbOrTx } from '../../db/client.js'
import { reportsRepository } from './reports.repository.js'
export { reportsRoutes } from './reports.routes.js'
export { ReportsService } from './reports.service.js'
export { toReport } from './reports.view.js'

/** The reports module as app.ts registers it; the progress-import module submits through it. */
export function reportsModule({ db, config }: SharedDeps) {
  const reports = new ReportsService(db, config)
  return defineModule({
    name: 'reports',
    routes: [routes(reportsRoutes, { reports })],
    jobs: [],
    service: reports,
  })
}

/** What reportsModule gives the modules registered after it. */
export type ReportsModule = ReturnType<typeof reportsModule>

/** A problem's progress reports, oldest first, at most `limit` (the acceptance snapshot). */
export function reportsOfProblem(db: DbOrTx, problemId: string, limit: number) {
  return reportsRepository.list(db, { problem: problemId }, 'asc', limit, null)
}
