// The auth module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import type { JWT } from '@fastify/jwt'
import { authRoutes } from './auth.routes.js'
import { AuthService } from './auth.service.js'
import { TokenService } from './tokens.js'
export { endSessions, findAccount, replacePassword } from './accounts.js'
export { authRoutes } from './auth.routes.js'
export { AuthService } from './auth.service.js'
export { hashPassword } from './passwords.js'
export { TokenService, accessTokenJwtOptions } from './tokens.js'

/**
 * The auth module as app.ts registers it: its service (which the auth plugin and the users
 * module take) over access tokens signed by @fastify/jwt (`app.jwt`, registered before it).
 */
export function authModule({ db, config }: SharedDeps, jwt: JWT) {
  const tokens = new TokenService(jwt, config.ACCESS_TOKEN_TTL_SECONDS)
  const auth = new AuthService({ db, config, tokens })
  return defineModule({
    name: 'auth',
    routes: [routes(authRoutes, { auth, config })],
    jobs: [],
    service: auth,
  })
}

/** What authModule gives the modules registered after it. */
export type AuthModule = ReturnType<typeof authModule>
