// The users module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import type { AuthModule } from '../auth/index.js'
import { usersRoutes } from './users.routes.js'
import { UsersService } from './users.service.js'
export { actorName } from './actor-name.js'
import { usersRepository } from './users.repository.js'
export { usersRoutes } from './users.routes.js'
export { UsersService } from './users.service.js'

/** The users module as app.ts registers it; accounts' passwords and sessions go through auth. */
export function usersModule({ db }: SharedDeps, { auth }: { auth: AuthModule }) {
  return defineModule({
    name: 'users',
    routes: [routes(usersRoutes, { users: new UsersService(db, auth.service) })],
    jobs: [],
  })
}

/** The display names of users by id (rows of `{ id, name }`), for views that name who did what. */
export const userDisplayNames = usersRepository.displayNames
