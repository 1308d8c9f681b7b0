// The users module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { actorName } from './actor-name.js'
export { usersRepository } from './users.repository.js'
export { usersRoutes } from './users.routes.js'
export { UsersService } from './users.service.js'
