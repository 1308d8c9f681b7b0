import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { OAuthErrorCode } from '@rectify/schemas'
import { AppError } from '../../errors.js'

/** An RFC 6749 §5.2 error of the token endpoint; answered as `{"error": ...}`, not problem+json. */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    message: string,
    readonly status = 400,
  ) {
    super(message)
  }
}

export interface ClientCredentials {
  clientId: string
  clientSecret: string
  method: 'client_secret_basic' | 'client_secret_post'
}

/**
 * The client's credentials from the Authorization header (`client_secret_basic`: RFC 6749 §2.3.1,
 * each part form-urlencoded before base64) or from the body (`client_secret_post`). Using both,
 * or neither, is an invalid request.
 */
export function clientCredentials(
  authorization: string | undefined,
  body: { client_id?: string; client_secret?: string },
): ClientCredentials {
  const inBody = body.client_id !== undefined || body.client_secret !== undefined
  const basic = authorization ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization) : null
  if (authorization && !basic)
    throw new OAuthError('invalid_client', 'The Authorization header must be HTTP Basic', 401)
  if (basic && inBody)
    throw new OAuthError('invalid_request', 'Use one client authentication method, not two')
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 1) throw new OAuthError('invalid_client', 'Malformed HTTP Basic credentials', 401)
    try {
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
        method: 'client_secret_basic',
      }
    } catch {
      throw new OAuthError('invalid_client', 'Malformed HTTP Basic credentials', 401)
    }
  }
  if (!body.client_id || !body.client_secret)
    throw new OAuthError(
      'invalid_client',
      'Client authentication needed: HTTP Basic or client_id and client_secret',
      401,
    )
  return {
    clientId: body.client_id,
    clientSecret: body.client_secret,
    method: 'client_secret_post',
  }
}

/**
 * The token endpoint's error handler: everything it can refuse — schema, media type, rate limit,
 * credentials, scopes — in RFC 6749's form. A failed client authentication answers 401 with
 * `WWW-Authenticate: Basic` (RFC 6749 §5.2).
 */
export function oauthErrorHandler(
  err: FastifyError | OAuthError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  let status: number
  let body: { error: OAuthErrorCode; error_description?: string }
  if (err instanceof OAuthError) {
    status = err.status
    body = { error: err.error, error_description: err.message }
  } else {
    // AppError carries `status` (the input guard's 400, the database outage's 503); Fastify's own
    // errors carry `statusCode`.
    const code = err instanceof AppError ? err.status : ((err as FastifyError).statusCode ?? 500)
    if (code === 429) {
      status = 429
      body = { error: 'rate_limited', error_description: 'Too many token requests' }
      if (!reply.getHeader('retry-after')) void reply.header('retry-after', '60')
    } else if (code === 503) {
      status = 503
      body = { error: 'temporarily_unavailable', error_description: 'Try again shortly' }
      if (!reply.getHeader('retry-after')) void reply.header('retry-after', '5')
    } else if (code >= 500) {
      request.log.error({ err }, 'token request failed')
      status = 500
      body = { error: 'server_error' }
    } else {
      status = 400
      body = {
        error: 'invalid_request',
        error_description:
          (err as FastifyError).validation || err instanceof AppError
            ? 'The request does not match the schema'
            : err.message,
      }
    }
  }
  if (status === 401) void reply.header('www-authenticate', 'Basic realm="rectify"')
  void reply
    .code(status)
    .headers({ 'cache-control': 'no-store', pragma: 'no-cache' })
    .type('application/json; charset=utf-8')
    .send(body)
}
