import type { FastifyJWTOptions, JWT } from '@fastify/jwt'

export const ISSUER = 'rectify'
export const AUDIENCE = 'rectify-api'
/** JWT `typ` of access tokens (RFC 9068). Refresh tokens are opaque and never JWTs. */
export const ACCESS_TYP = 'at+jwt'
const ALG = 'HS256'

export interface AccessClaims {
  sub: string
  /** `user`: sid is the session; `client`: scope lists the granted scopes. */
  kind: 'user' | 'client'
  sid?: string
  scope?: string
}

/**
 * How `@fastify/jwt` is registered for access tokens: HS256 only (pinned on both sides, so
 * `alg: none` and algorithm confusion are refused), issuer, audience and `typ` set when signing
 * and required when verifying, with `sub`, `exp` and `iat` required claims.
 */
export function accessTokenJwtOptions(key: Uint8Array, ttlSeconds: number): FastifyJWTOptions {
  return {
    secret: Buffer.from(key),
    sign: {
      algorithm: ALG,
      iss: ISSUER,
      aud: AUDIENCE,
      header: { alg: ALG, typ: ACCESS_TYP },
      expiresIn: ttlSeconds,
    },
    verify: {
      algorithms: [ALG],
      allowedIss: ISSUER,
      allowedAud: AUDIENCE,
      checkTyp: ACCESS_TYP,
      requiredClaims: ['sub', 'exp', 'iat'],
    },
  }
}

/** Issues and verifies access tokens through the `app.jwt` decorator of `@fastify/jwt`. */
export class TokenService {
  constructor(
    private readonly jwt: JWT,
    readonly ttlSeconds: number,
  ) {}

  sign(claims: AccessClaims): Promise<string> {
    const payload = {
      sub: claims.sub,
      kind: claims.kind,
      ...(claims.sid ? { sid: claims.sid } : {}),
      ...(claims.scope !== undefined ? { scope: claims.scope } : {}),
    }
    return Promise.resolve(this.jwt.sign(payload))
  }

  /**
   * Verifies an access token with the registered options (algorithm, iss, aud, typ, expiry,
   * required claims) and checks the claims Rectify adds. Null when anything is off.
   */
  verify(token: string): Promise<AccessClaims | null> {
    let payload: Record<string, unknown>
    try {
      payload = this.jwt.verify<Record<string, unknown>>(token)
    } catch (err) {
      // fast-jwt throws a TokenError (code FAST_JWT_*) for every malformed, forged, expired or
      // foreign token; anything else is a bug and is not hidden as a 401.
      if (isTokenError(err)) return Promise.resolve(null)
      throw err
    }
    const { sub, kind, sid, scope } = payload
    if (typeof sub !== 'string' || (kind !== 'user' && kind !== 'client'))
      return Promise.resolve(null)
    if (kind === 'user' && typeof sid !== 'string') return Promise.resolve(null)
    return Promise.resolve({
      sub,
      kind,
      ...(typeof sid === 'string' ? { sid } : {}),
      ...(typeof scope === 'string' ? { scope } : {}),
    })
  }
}

function isTokenError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('FAST_JWT_')
}
