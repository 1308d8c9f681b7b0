import type { ClientToken, Me, Refreshed, Role, Scope, TokenPair } from '@rectify/schemas'
import type { Config } from '../../config.js'
import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import { isCityWide, type Actor, type Ctx } from '../../lib/context.js'
import { digestsEqual, sha256Hex } from '../../lib/hash.js'
import { randomToken, uuidv7 } from '../../lib/ids.js'
import { recordAudit } from '../audit/index.js'
import { authRepository as repo } from './auth.repository.js'
import { burnVerify, checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js'
import { OAuthError, type ClientCredentials } from './oauth.js'
import { PrincipalCache } from './principals.js'
import type { TokenService } from './tokens.js'
import { principalsChanged } from '../../lib/principals.js'

/** How stale `last_seen_at` may get before a request refreshes it (saves a write per request). */
const TOUCH_AFTER_MS = 60_000

export interface AuthDeps {
  db: Db
  config: Config
  /** Absent where no token is ever issued or verified (the admin CLI). */
  tokens?: TokenService
}

type UserPrincipal = NonNullable<Awaited<ReturnType<typeof repo.userPrincipal>>>
type ClientPrincipal = NonNullable<Awaited<ReturnType<typeof repo.clientPrincipal>>>

/** Logins, sessions with rotating refresh tokens, client credentials and principal look-up. */
export class AuthService {
  /** Each request's principal look-up, kept a few seconds (principals.ts): one round trip less. */
  private readonly users = new PrincipalCache<UserPrincipal>()
  private readonly clients = new PrincipalCache<ClientPrincipal>()

  constructor(private readonly deps: AuthDeps) {}

  private get db() {
    return this.deps.db
  }

  private get tokens(): TokenService {
    if (!this.deps.tokens) throw new Error('This AuthService was built without a token service')
    return this.deps.tokens
  }

  async login(ctx: Ctx, username: string, password: string): Promise<TokenPair> {
    const { config } = this.deps
    const key = username.trim().toLowerCase()
    const now = new Date()
    const throttle = await repo.throttle(this.db, key)
    if (throttle?.lockedUntil && throttle.lockedUntil > now) {
      await this.db.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: 'auth.login_locked',
          entityType: 'user',
          after: { username: key },
        }),
      )
      throw new AppError('account_locked', 'Too many failed logins; try again later')
    }
    const user = await repo.findUserByUsername(this.db, key)
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : (await burnVerify(password), false)
    if (!user || !ok) {
      const lockUntil = new Date(now.getTime() + config.LOGIN_LOCK_MINUTES * 60_000)
      await this.db.transaction(async (tx) => {
        const { failures, locked } = await repo.addFailure(
          tx,
          key,
          now,
          config.LOGIN_MAX_FAILURES,
          lockUntil,
        )
        await recordAudit(
          tx,
          ctx,
          {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user?.id ?? null,
            unitId: user?.unitId ?? null,
            after: { username: key, failures },
          },
          ...(locked
            ? [
                {
                  action: 'auth.account_locked',
                  entityType: 'user',
                  entityId: user?.id ?? null,
                  unitId: user?.unitId ?? null,
                  after: { username: key, lockedUntil: lockUntil.toISOString() },
                },
              ]
            : []),
        )
      })
      throw new AppError('invalid_credentials')
    }
    if (user.status !== 'active') {
      await this.db.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: 'auth.login_disabled',
          entityType: 'user',
          entityId: user.id,
          unitId: user.unitId,
        }),
      )
      throw new AppError('account_disabled')
    }
    const sessionId = uuidv7()
    const refreshToken = randomToken()
    const actorCtx: Ctx = {
      ...ctx,
      actor: { ...ctx.actor, type: 'user', id: user.id, name: user.username, unitId: user.unitId },
    }
    await this.db.transaction(async (tx) => {
      await repo.clearThrottle(tx, key)
      await repo.insertSession(tx, {
        id: sessionId,
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + config.SESSION_ABSOLUTE_HOURS * 3_600_000),
        ip: ctx.meta.ip,
        userAgent: ctx.meta.userAgent?.slice(0, 500) ?? null,
      })
      await repo.insertRefreshToken(tx, {
        id: uuidv7(),
        sessionId,
        tokenHash: sha256Hex(refreshToken),
        createdAt: now,
      })
      await repo.setLastLogin(tx, user.id, now)
      await recordAudit(tx, actorCtx, {
        action: 'auth.login',
        entityType: 'session',
        entityId: sessionId,
      })
    })
    return this.pair(user.id, sessionId, refreshToken)
  }

  /**
   * Rotates a refresh token. A token that was already rotated is a sign of theft: the whole
   * session (the token family) is revoked and the event audited. The answer names the account
   * too, as GET /me would, so the SPA's reload needs no /me after it.
   */
  async refresh(ctx: Ctx, refreshToken: string): Promise<Refreshed> {
    const now = new Date()
    const found = await repo.findRefreshToken(this.db, sha256Hex(refreshToken))
    if (!found) throw new AppError('unauthorized', 'Invalid refresh token')
    const { token, session } = found
    const sessionCtx: Ctx = { ...ctx, actor: { ...ctx.actor, type: 'user', id: session.userId } }
    if (session.revokedAt) throw new AppError('session_expired')
    if (token.usedAt || !(await repo.markUsed(this.db, token.id, now))) {
      await this.db.transaction(async (tx) => {
        await repo.revokeSession(tx, session.id, 'refresh_token_reuse', now)
        await recordAudit(tx, sessionCtx, {
          action: 'auth.refresh_reuse',
          entityType: 'session',
          entityId: session.id,
          after: { revoked: true },
        })
      })
      principalsChanged()
      throw new AppError('session_expired', 'Refresh token reused; the session has been revoked')
    }
    const idleLimit = now.getTime() - this.deps.config.SESSION_IDLE_MINUTES * 60_000
    const principal = await repo.userPrincipal(this.db, session.userId, session.id)
    if (
      !principal ||
      principal.status !== 'active' ||
      session.expiresAt <= now ||
      session.lastSeenAt.getTime() < idleLimit
    ) {
      await repo.revokeSession(this.db, session.id, 'expired', now)
      principalsChanged()
      throw new AppError('session_expired')
    }
    const next = randomToken()
    await this.db.transaction(async (tx) => {
      await repo.insertRefreshToken(tx, {
        id: uuidv7(),
        sessionId: session.id,
        tokenHash: sha256Hex(next),
        createdAt: now,
      })
      await repo.touchSession(tx, session.id, now)
    })
    const me = await this.account(session.userId, session.id)
    if (!me) throw new AppError('session_expired')
    return { ...(await this.pair(session.userId, session.id, next)), me }
  }

  /** Ends the session a refresh token belongs to. Unknown tokens are ignored (idempotent). */
  async logout(ctx: Ctx, refreshToken: string): Promise<void> {
    const found = await repo.findRefreshToken(this.db, sha256Hex(refreshToken))
    if (!found || found.session.revokedAt) return
    const { session } = found
    await this.db.transaction(async (tx) => {
      await repo.revokeSession(tx, session.id, 'logout', new Date())
      await recordAudit(
        tx,
        { ...ctx, actor: { ...ctx.actor, type: 'user', id: session.userId } },
        {
          action: 'auth.logout',
          entityType: 'session',
          entityId: session.id,
        },
      )
    })
    principalsChanged()
  }

  /**
   * RFC 6749 §4.4 client credentials grant. Refusals are OAuthErrors (RFC 6749 §5.2); a failed
   * client authentication is audited.
   */
  async clientToken(
    ctx: Ctx,
    grantType: string,
    credentials: ClientCredentials,
    scope?: string,
  ): Promise<ClientToken> {
    const { clientId, clientSecret } = credentials
    const client = await repo.findClientByClientId(this.db, clientId)
    const valid =
      client && client.active && digestsEqual(client.secretHash, sha256Hex(clientSecret))
    if (!client || !valid) {
      await this.db.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: 'auth.client_failed',
          entityType: 'api_client',
          entityId: client?.id ?? null,
          after: { clientId, method: credentials.method },
        }),
      )
      throw new OAuthError('invalid_client', 'Invalid client credentials', 401)
    }
    if (grantType !== 'client_credentials')
      throw new OAuthError(
        'unsupported_grant_type',
        'Only the client_credentials grant is supported here',
      )
    const granted = client.scopes as Scope[]
    const requested = scope ? (scope.split(/\s+/).filter(Boolean) as Scope[]) : granted
    const outside = requested.filter((s) => !granted.includes(s))
    if (outside.length)
      throw new OAuthError(
        'invalid_scope',
        `Scopes not granted to this client: ${outside.join(' ')}`,
      )
    const scopeString = [...new Set(requested)].join(' ')
    const accessToken = await this.tokens.sign({
      sub: client.id,
      kind: 'client',
      scope: scopeString,
    })
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.tokens.ttlSeconds,
      scope: scopeString,
    }
  }

  /** Changes the caller's password and ends the caller's other sessions. */
  async changePassword(ctx: Ctx, current: string, next: string): Promise<void> {
    const { actor } = ctx
    if (actor.type !== 'user' || !actor.id) throw new AppError('forbidden')
    const user = await repo.findUserByUsername(this.db, actor.name ?? '')
    if (!user || user.id !== actor.id) throw new AppError('unauthorized')
    if (!(await verifyPassword(user.passwordHash, current)))
      throw new AppError('validation', 'Current password is wrong', {
        errors: [{ path: '/currentPassword', message: 'is wrong' }],
      })
    this.assertPolicy(next, user.username)
    if (await verifyPassword(user.passwordHash, next))
      throw new AppError('password_policy', 'The new password must differ from the current one', {
        errors: [{ path: '/newPassword', message: 'must differ from the current password' }],
      })
    const passwordHash = await hashPassword(next)
    const now = new Date()
    await this.db.transaction(async (tx) => {
      await repo.setPassword(tx, user.id, passwordHash, now)
      const ended = await repo.revokeUserSessions(
        tx,
        user.id,
        'password_changed',
        now,
        actor.sessionId ?? undefined,
      )
      await recordAudit(tx, ctx, {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
        after: { sessionsEnded: ended },
      })
    })
    principalsChanged()
  }

  /** Throws password_policy (422) listing what the password lacks. */
  assertPolicy(password: string, username?: string): void {
    const problems = checkPasswordPolicy(this.deps.config.PASSWORD_POLICY, password, username)
    if (problems.length)
      throw new AppError('password_policy', `Password ${problems.join('; ')}`, {
        errors: problems.map((message) => ({ path: '/password', message })),
      })
  }

  /**
   * Resolves a bearer token to an actor, checking everything that can revoke it at once:
   * session revoked, idle or expired; user disabled; client deactivated.
   */
  async authenticate(token: string): Promise<Actor | null> {
    const claims = await this.tokens.verify(token)
    if (!claims) return null
    const now = new Date()
    if (claims.kind === 'client') {
      const row = await this.clients.read(claims.sub, () =>
        repo.clientPrincipal(this.db, claims.sub),
      )
      if (!row || !row.client.active) return null
      const granted = new Set(row.client.scopes)
      const scopes = (claims.scope ?? '').split(' ').filter((s) => granted.has(s)) as Scope[]
      return {
        type: 'client',
        id: row.client.id,
        name: row.client.name,
        unitId: row.client.unitId,
        unitPath: row.client.unitId ? row.unitPath : null,
        roles: [],
        scopes,
        sessionId: null,
        cityWide: !row.client.unitId,
      }
    }
    const sid = claims.sid!
    const p = await this.users.read(sid, () => repo.userPrincipal(this.db, claims.sub, sid))
    // A session id names one user: a token pairing it with another is nobody.
    if (!p || p.id !== claims.sub) return null
    if (p.status !== 'active' || p.sessionRevokedAt || p.sessionExpiresAt <= now) return null
    const idleLimit = now.getTime() - this.deps.config.SESSION_IDLE_MINUTES * 60_000
    if (p.sessionLastSeenAt.getTime() < idleLimit) return null
    if (now.getTime() - p.sessionLastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await repo.touchSession(this.db, sid, now)
      p.sessionLastSeenAt = now
    }
    const roles = p.roles as Role[]
    const cityWide = isCityWide(roles)
    return {
      type: 'user',
      id: p.id,
      name: p.username,
      unitId: p.unitId,
      unitPath: cityWide ? null : p.unitPath,
      roles,
      scopes: [],
      sessionId: sid,
      cityWide,
    }
  }

  /** Session facts for GET /me. */
  /** The caller's own account and session, in one query (GET /me). */
  async me(ctx: Ctx): Promise<Me> {
    const { actor } = ctx
    const me = actor.id && actor.sessionId ? await this.account(actor.id, actor.sessionId) : null
    if (!me) throw new AppError('unauthorized')
    return me
  }

  /** The account a session signs in, as `GET /me` shows it; null when there is none. */
  private async account(userId: string, sessionId: string): Promise<Me | null> {
    const row = await repo.me(this.db, userId, sessionId)
    if (!row) return null
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
      roles: row.roles as Role[],
      passwordChangedAt: row.passwordChangedAt?.toISOString() ?? null,
      session: {
        idleTimeoutSeconds: this.deps.config.SESSION_IDLE_MINUTES * 60,
        expiresAt: row.expiresAt.toISOString(),
      },
    }
  }

  private async pair(userId: string, sessionId: string, refreshToken: string): Promise<TokenPair> {
    const accessToken = await this.tokens.sign({ sub: userId, kind: 'user', sid: sessionId })
    return {
      accessToken,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
    }
  }
}
