// The problem-import module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { workbookLimits } from '../../lib/workbook/index.js'
import type { FilesModule } from '../files/index.js'
import type { ProblemsModule } from '../problems/index.js'
import { LedgerExportService } from './ledger-export.js'
import { problemImportRoutes } from './problem-import.routes.js'
import { ProblemImportService } from './problem-import.service.js'
export { LedgerExportService } from './ledger-export.js'
export { problemImportRoutes } from './problem-import.routes.js'
export { ProblemImportService } from './problem-import.service.js'

/** The problem-list import and the ledger export as app.ts registers them. */
export function problemImportModule(
  { db, readDb, config }: SharedDeps,
  { files, problems }: { files: FilesModule; problems: ProblemsModule },
) {
  return defineModule({
    name: 'problem-import',
    routes: [
      routes(problemImportRoutes, {
        problemImport: new ProblemImportService(
          db,
          files.store,
          problems.lights,
          workbookLimits(config),
        ),
        // Rows from the replica (readDb), the download's audit entry on the primary.
        ledgerExport: new LedgerExportService(db, readDb, problems.lights),
      }),
    ],
    jobs: [],
  })
}
