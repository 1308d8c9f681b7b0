// The measures module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { measuresRepository, type PlanProblem } from './measures.repository.js'
export { measuresRoutes } from './measures.routes.js'
export { MeasuresService } from './measures.service.js'
export { lightSettings, planFacts, toMeasure } from './measures.view.js'
export { reverseSchedule } from './schedule.js'
