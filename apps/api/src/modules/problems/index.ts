// The problems module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { ExtensionsService } from './extensions.service.js'
export { moveProblem, overturnPublicity } from './lifecycle.js'
export { lightsJob } from './lights.job.js'
export {
  DEFAULT_LIGHT_SETTINGS,
  isOverdue,
  measureLight,
  measurePlanned,
  measuresReported,
  problemLight,
  problemPlanned,
  type LightSettings,
  type MeasureFacts,
  type ProblemFacts,
} from './lights.js'
export { OverviewService, summaryBucket } from './overview.service.js'
export {
  actsAsLeadUnit,
  actsAsOffice,
  actsAsUnit,
  isOwnUnit,
  leadsProblem,
} from './problems.access.js'
export {
  computeDerived,
  problemScope,
  refreshDerived,
  refreshStaleLights,
  syncProblemUnits,
} from './problems.derived.js'
export {
  overdueSql,
  problemColumns,
  problemWhere,
  problemsRepository,
  sortSpec,
  type ProblemBucket,
  type ProblemFilter,
  type ProblemRow,
} from './problems.repository.js'
export { problemsRoutes } from './problems.routes.js'
export { ProblemsService } from './problems.service.js'
export { toProblem, toProblems } from './problems.view.js'
export { TransitionsService } from './transitions.js'
