// The bulletin module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import type { CardsModule } from '../cards/index.js'
import type { ProblemsModule } from '../problems/index.js'
import { bulletinRoutes } from './bulletin.routes.js'
import { BulletinService } from './bulletin.service.js'
export { bulletinRoutes } from './bulletin.routes.js'
export { BulletinService } from './bulletin.service.js'

/** The dispatch bulletin (调度通报) as app.ts registers it. */
export function bulletinModule(
  { db }: SharedDeps,
  { problems, cards }: { problems: ProblemsModule; cards: CardsModule },
) {
  return defineModule({
    name: 'bulletin',
    routes: [
      routes(bulletinRoutes, {
        bulletin: new BulletinService(db, problems.overview, cards.rankings),
      }),
    ],
    jobs: [],
  })
}
