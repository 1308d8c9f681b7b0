// The progress-import module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { workbookLimits } from '../../lib/workbook/index.js'
import type { FilesModule } from '../files/index.js'
import type { ReportsModule } from '../reports/index.js'
import { progressImportRoutes } from './progress-import.routes.js'
import { ProgressImportService } from './progress-import.service.js'
export { progressImportRoutes } from './progress-import.routes.js'
export { ProgressImportService } from './progress-import.service.js'

/**
 * The monthly progress tables (整改进展情况表) as app.ts registers them: reports the office
 * submits on the units' behalf, through the reports module.
 */
export function progressImportModule(
  { db, config }: SharedDeps,
  { files, reports }: { files: FilesModule; reports: ReportsModule },
) {
  return defineModule({
    name: 'progress-import',
    routes: [
      routes(progressImportRoutes, {
        progressImport: new ProgressImportService(
          db,
          files.store,
          reports.service,
          workbookLimits(config),
        ),
      }),
    ],
    jobs: [],
  })
}
