// The problem-import module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { LedgerExportService } from './ledger-export.js'
export { problemImportRoutes } from './problem-import.routes.js'
export { ProblemImportService } from './problem-import.service.js'
