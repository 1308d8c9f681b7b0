// The cards module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { cardsRoutes } from './cards.routes.js'
import { CardsService } from './cards.service.js'
import { RankingsService } from './rankings.service.js'
export { cardsRoutes } from './cards.routes.js'
export { CardsService } from './cards.service.js'
export { RankingsService } from './rankings.service.js'

/** The cards module as app.ts registers it; the bulletin ranks with its `rankings`. */
export function cardsModule({ db, readDb }: SharedDeps) {
  // The rankings read the replica (readDb); the rule table is edited and read on the primary.
  const rankings = new RankingsService(db, readDb)
  return defineModule({
    name: 'cards',
    routes: [routes(cardsRoutes, { cards: new CardsService(db), rankings })],
    jobs: [],
    rankings,
  })
}

/** What cardsModule gives the modules registered after it. */
export type CardsModule = ReturnType<typeof cardsModule>
