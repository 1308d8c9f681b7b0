// The cards module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { cardsRoutes } from './cards.routes.js'
export { CardsService } from './cards.service.js'
export { RankingsService } from './rankings.service.js'
