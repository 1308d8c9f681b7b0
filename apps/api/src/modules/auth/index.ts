// The auth module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { authRepository } from './auth.repository.js'
export { authRoutes } from './auth.routes.js'
export { AuthService } from './auth.service.js'
export { hashPassword } from './passwords.js'
export { TokenService, accessTokenJwtOptions } from './tokens.js'
