import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import fp from 'fastify-plugin'
import type { FastifyError, FastifyInstance } from 'fastify'
import { NON_BLANK_PATTERN, type ErrorCode } from '@rectify/schemas'
import { AppError, problem } from '../errors.js'
import { UNAVAILABLE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../lib/db-unavailable.js'

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation',
  428: 'precondition_required',
  429: 'rate_limited',
  503: 'unavailable',
}

/** PostgreSQL errors that mean "bad input", never a server fault (a 5xx is always a bug). */
const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'duplicate',
  '23503': 'unprocessable',
  '23514': 'unprocessable',
  '22P02': 'bad_request',
  '22001': 'validation',
  '22007': 'bad_request',
  '22008': 'bad_request',
  // Two transactions collided; nothing was written: the client may retry.
  '40P01': 'conflict',
  '40001': 'conflict',
}

/** query_canceled: a statement ran past statement_timeout (DATABASE_STATEMENT_TIMEOUT_MS). */
const QUERY_CANCELED = '57014'

function pgCode(err: unknown): string | undefined {
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
  }
  return undefined
}

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (a request that took
 * longer than REQUEST_TIMEOUT_MS to arrive: 408; headers too large: 431; anything malformed:
 * 400) with problem+json like every other error, then closes the connection, whose state is
 * unknown. Passed to Fastify as `clientErrorHandler`.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const [status, code, detail]: [number, ErrorCode, string] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'The request did not arrive in time']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'bad_request', 'The request headers are too large']
        : [400, 'bad_request', 'The request is not valid HTTP']
  if (socket.writable) {
    const body = JSON.stringify({ ...problem(code, detail), status })
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}

/**
 * The one error handler: coded errors → RFC 9457 problem details. 5xx are logged with the
 * request and answered without their detail. Also answers unknown routes (404) and known paths
 * with the wrong method (405).
 */
export default fp(
  async function errorsPlugin(app: FastifyInstance) {
    // Requests arriving while the server shuts down: 503 problem+json (Fastify's own 503 is plain
    // JSON, so return503OnClosing is off in app.ts), and the connection is not kept.
    let closing = false
    app.addHook('preClose', async () => {
      closing = true
    })
    app.addHook('onRequest', async (_request, reply) => {
      if (!closing) return
      void reply.header('connection', 'close')
      void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS))
      throw new AppError('unavailable', 'The server is shutting down; retry shortly')
    })

    const patterns: { re: RegExp; methods: Set<string> }[] = []
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) return
      const re = new RegExp(`^${route.url.replace(/:[^/]+/g, '[^/]+').replace(/\*/g, '.*')}$`)
      const methods = ([] as string[]).concat(route.method)
      const existing = patterns.find((p) => p.re.source === re.source)
      if (existing) methods.forEach((m) => existing.methods.add(m))
      else patterns.push({ re, methods: new Set(methods) })
    })

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? ''
      const match = patterns.find((p) => p.re.test(path))
      const instance = path
      if (match) {
        void reply.header('allow', [...match.methods].join(', '))
        return reply
          .code(405)
          .type('application/problem+json')
          .send(
            problem('method_not_allowed', `${request.method} is not allowed here`, {
              instance,
              requestId: request.id,
            }),
          )
      }
      return reply
        .code(404)
        .type('application/problem+json')
        .send(problem('not_found', 'No such route', { instance, requestId: request.id }))
    })

    app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
      const base = { instance: request.url.split('?')[0], requestId: request.id }
      let body
      if (err instanceof AppError) {
        body = problem(err.code, err.message, { ...base, ...err.extra, status: err.status })
      } else if (isDatabaseUnavailable(err)) {
        // The database is down or restarting: nothing was written; the client may retry soon.
        request.log.warn({ err: { message: (err as Error).message } }, 'database unavailable')
        body = problem('unavailable', 'The database is unavailable; retry shortly', base)
        void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS))
      } else if (pgCode(err) === QUERY_CANCELED) {
        // A statement was stuck (a lock held elsewhere, a runaway query) and PostgreSQL ended it;
        // its transaction was rolled back, nothing was written.
        request.log.warn({ err: { message: (err as Error).message } }, 'statement timed out')
        body = problem('unavailable', 'The database took too long to answer; retry shortly', base)
        void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS))
      } else if ((err as FastifyError).validation) {
        const fe = err as FastifyError
        const inBody = fe.validationContext === 'body'
        const prefix = inBody ? '' : `/${fe.validationContext ?? ''}`
        // TypeBox reports an unknown property twice (on the property and on its object): keep one.
        const errors = fe
          .validation!.filter((v) => v.keyword !== 'additionalProperties')
          .map((v) => ({
            path: `${prefix}${v.instancePath || ''}` || '/',
            message: validationMessage(v),
          }))
        body = problem(
          inBody ? 'validation' : 'bad_request',
          'The request does not match the schema',
          { ...base, errors },
        )
      } else if (pgCode(err) && PG_CODES[pgCode(err)!]) {
        const code = PG_CODES[pgCode(err)!]!
        request.log.info({ err }, 'database refused the input')
        body = problem(
          code,
          code === 'duplicate'
            ? 'A record with these values already exists'
            : 'The data breaks a database rule',
          base,
        )
      } else {
        const status = (err as FastifyError).statusCode ?? 500
        const code =
          status < 500
            ? (BY_STATUS[status] ?? 'bad_request')
            : status === 503
              ? 'unavailable'
              : 'internal'
        if (status >= 500) {
          request.log.error({ err }, 'request failed')
          body = problem(code, undefined, base)
        } else {
          body = problem(code, err.message, base)
        }
      }
      if (body.status === 429 && !reply.getHeader('retry-after'))
        void reply.header('retry-after', '60')
      // A refused request whose body was not read to its end (413, 415, an early 4xx): the
      // unread rest would be taken for the next request on a kept-alive connection, so close it.
      if (!request.raw.complete) void reply.header('connection', 'close')
      return reply.code(body.status).type('application/problem+json').send(body)
    })
  },
  { name: 'errors' },
)

/** A schema failure in words: an unknown property, text of spaces only, else the validator's. */
function validationMessage(v: {
  keyword?: string
  message?: string
  params?: Record<string, unknown>
}): string {
  if (v.message === 'schema is false') return 'unknown property'
  if (v.keyword === 'pattern' && v.params?.pattern === NON_BLANK_PATTERN)
    return 'must hold text, not only spaces'
  return v.message ?? 'is invalid'
}
