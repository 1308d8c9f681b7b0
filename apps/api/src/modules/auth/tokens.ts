import { SignJWT, jwtVerify, errors as joseErrors } from 'jose'

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

export class TokenService {
  constructor(
    private readonly key: Uint8Array,
    readonly ttlSeconds: number,
  ) {}

  async sign(claims: AccessClaims): Promise<string> {
    return new SignJWT({ kind: claims.kind, sid: claims.sid, scope: claims.scope })
      .setProtectedHeader({ alg: ALG, typ: ACCESS_TYP })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key)
  }

  /** Verifies an access token: algorithm pinned, iss, aud, typ and expiry checked. Null when invalid. */
  async verify(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALG],
        issuer: ISSUER,
        audience: AUDIENCE,
        typ: ACCESS_TYP,
        requiredClaims: ['sub', 'exp', 'iat'],
      })
      const kind = payload.kind
      if (kind !== 'user' && kind !== 'client') return null
      if (kind === 'user' && typeof payload.sid !== 'string') return null
      return {
        sub: payload.sub!,
        kind,
        ...(typeof payload.sid === 'string' ? { sid: payload.sid } : {}),
        ...(typeof payload.scope === 'string' ? { scope: payload.scope } : {}),
      }
    } catch (err) {
      if (err instanceof joseErrors.JOSEError || err instanceof TypeError) return null
      throw err
    }
  }
}
