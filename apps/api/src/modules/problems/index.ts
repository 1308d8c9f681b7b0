// The problems module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { ExtensionsService } from './extensions.service.js'
import { lightsJob } from './lights.job.js'
import type { LightSettings } from './lights.js'
import { OverviewService } from './overview.service.js'
import { problemsRoutes } from './problems.routes.js'
import { ProblemsService } from './problems.service.js'
import { TransitionsService } from './transitions.js'
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
  countProblems,
  findProblem,
  findProblems,
  listProblems,
  lockProblem,
  problemCodeTaken,
  reviseProblem,
} from './problems.lookup.js'
export {
  overdueSql,
  problemWhere,
  type ProblemBucket,
  type ProblemFilter,
} from './problems.filter.js'
export { problemColumns, type ProblemRow } from './problems.repository.js'
export { sortSpec } from './problems.sort.js'
export { PHONE_CONTEXT, sealPhones } from './problems.persons.js'
export { GROUPED_FILTERS, keyedPart, rollup, type RollupKey } from './problems.rollup.js'
export { problemsRoutes } from './problems.routes.js'
export { EXACT_TOTAL_UP_TO, ProblemsService, SEARCH_EXACT_UP_TO } from './problems.service.js'
export { cappedTotal } from './problems.totals.js'
export { readProblem, readProblems } from './problems.view.js'
export { TransitionsService } from './transitions.js'

/**
 * The problems module as app.ts registers it: the ledger's services, with the lights computed
 * at the configured tolerance and near-deadline window (`lights`, which the modules built on
 * the ledger take too), and the job that refreshes the lights against today every 30 s.
 */
export function problemsModule({ db, config, cipher }: SharedDeps) {
  const lights: LightSettings = {
    tolerance: config.LIGHT_TOLERANCE_POINTS,
    nearDays: config.LIGHT_NEAR_DAYS,
  }
  const problems = new ProblemsService(db, lights, cipher)
  const overview = new OverviewService(db, lights)
  return defineModule({
    name: 'problems',
    routes: [
      routes(problemsRoutes, {
        problems,
        transitions: new TransitionsService(db, lights, cipher),
        extensions: new ExtensionsService(db, lights),
        overview,
      }),
    ],
    jobs: [lightsJob(db, lights)],
    service: problems,
    overview,
    lights,
  })
}

/** What problemsModule gives the modules registered after it. */
export type ProblemsModule = ReturnType<typeof problemsModule>
