// The measures module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { measuresRoutes } from './measures.routes.js'
import { MeasuresService } from './measures.service.js'
export {
  findMeasure,
  findPlanProblem,
  lockPlanProblem,
  moveMeasureProgress,
  setReportedProgress,
} from './measures.plan.js'
export { type PlanProblem } from './measures.repository.js'
export { measuresRoutes } from './measures.routes.js'
export { MeasuresService } from './measures.service.js'
export { lightSettings, loadMeasures, planFacts, toMeasure } from './measures.view.js'
export { reverseSchedule } from './schedule.js'

/** The measures module as app.ts registers it. */
export function measuresModule({ db, config }: SharedDeps) {
  return defineModule({
    name: 'measures',
    routes: [routes(measuresRoutes, { measures: new MeasuresService(db, config) })],
    jobs: [],
  })
}
