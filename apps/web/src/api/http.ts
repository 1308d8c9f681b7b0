/**
 * The one place in the SPA that talks to the server (`fetch`, and XMLHttpRequest for uploads with
 * progress). The API modules call `api` (or `anonymous`), an openapi-fetch client over the types
 * generated from the served OpenAPI (`schema.d.ts`, `pnpm --filter @rectify/web gen:api`): paths,
 * parameters, bodies and answers are the server's contract, so a renamed route or field fails the
 * SPA's typecheck. Under it every call goes through one pipeline that adds the bearer token,
 * refreshes it once on a 401, sends `Idempotency-Key`, sends a read or keyed POST again after a
 * 503's Retry-After, and turns RFC 9457 problem details into an
 * `ApiError` the UI can branch on by `code`.
 */
import createClient, { type Client, type MethodResponse } from 'openapi-fetch'
import type { Me, TokenPair } from '@rectify/schemas'
import { ApiError, isProblem, networkError, toApiError } from './problem'
import type { paths } from './schema'

export { ApiError, toApiError, type ClientErrorCode, type FieldError } from './problem'
export { filenameFromDisposition, named, type NamedBlob } from './named-blob'

/** Prefix of every API route. */
export const API_BASE = '/api/v1'

/** Where the session keeps its tokens; the session store supplies the real one. */
export interface TokenStorage {
  accessToken(): string | null
  refreshToken(): string | null
  /** Keeps a new pair; a refresh also gives the account it signs in (what /me answers). */
  save(pair: TokenPair, me?: Me): void
  clear(): void
}

type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

/** How a call is carried: with the session's bearer token, and with an Idempotency-Key. */
interface Carriage {
  /** Send the bearer token and refresh it on 401. */
  auth: boolean
  /** Send an `Idempotency-Key` (kept for the retry after a refresh). */
  idempotent: boolean
}

function memoryStorage(): TokenStorage {
  let pair: TokenPair | null = null
  return {
    accessToken: () => pair?.accessToken ?? null,
    refreshToken: () => pair?.refreshToken ?? null,
    save: (next) => (pair = next),
    clear: () => (pair = null),
  }
}

/**
 * 401 codes about credentials in the request body (the current password when changing it), not
 * about the bearer token. A disabled or locked account, by contrast, ends the session.
 */
const CREDENTIAL_CODES = new Set(['invalid_credentials'])

let tokens: TokenStorage = memoryStorage()
let onSessionExpired: () => void = () => {}
/** The refresh in flight, shared by every request that hit a 401 meanwhile. */
let refreshing: Promise<boolean> | null = null

/**
 * Plug in the session: where tokens live, and what to do when the session cannot be renewed
 * (the refresh token was rejected) — typically clearing the user and showing the login page.
 */
export function configureAuth(storage: TokenStorage, sessionExpired: () => void): void {
  tokens = storage
  onSessionExpired = sessionExpired
}

/** `?a=1&b=x`, leaving out empty values; `''` when nothing is left. */
export function toSearch(query: Query | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const search = params.toString()
  return search ? `?${search}` : ''
}

/** A random UUID; `crypto.randomUUID` exists only in secure contexts, intranets often use http. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A request as openapi-fetch built it, read once so every attempt sends the same bytes. */
interface Outgoing {
  /** Path and query, relative to the page (`/api/v1/units?parent=p1`). */
  url: string
  method: string
  body: string | undefined
  /** The record version read earlier, as the operation declares it: `"<version>"`. */
  ifMatch: string | null
  signal?: AbortSignal
}

/**
 * openapi-fetch builds a `Request`, which needs an absolute URL; this origin only stands in for
 * the page's own while the URL is built, and is cut off again before anything is sent.
 */
const BUILD_ORIGIN = 'http://rectify.invalid'

async function outgoing(request: Request): Promise<Outgoing> {
  const url = new URL(request.url)
  return {
    url: `${url.pathname}${url.search}`,
    method: request.method,
    body: request.body === null ? undefined : await request.text(),
    ifMatch: request.headers.get('If-Match'),
    signal: request.signal,
  }
}

async function send(out: Outgoing, key: string | null, access: string | null) {
  const headers = new Headers({ Accept: 'application/json' })
  if (out.body !== undefined) headers.set('Content-Type', 'application/json')
  if (access) headers.set('Authorization', `Bearer ${access}`)
  if (out.ifMatch) headers.set('If-Match', out.ifMatch)
  if (key) headers.set('Idempotency-Key', key)
  try {
    return await fetch(out.url, {
      method: out.method,
      headers,
      body: out.body,
      credentials: 'same-origin',
      signal: out.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw networkError(cause)
  }
}

/** Exchanges the refresh token once; concurrent callers share the same exchange. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = tokens.refreshToken()
    if (!refreshToken) return false
    try {
      const answer = ok(await anonymous.POST('/api/v1/auth/refresh', { body: { refreshToken } }))
      tokens.save(answer, answer.me)
      return true
    } catch (error) {
      // Refused (not merely unreachable): the session cannot be renewed.
      if (!(error instanceof ApiError) || error.status === 0) throw error
      tokens.clear()
      return false
    }
  })().finally(() => {
    refreshing = null
  })
  return refreshing
}

/**
 * The access token to send. When only the refresh token is held (a reload: the storage no
 * longer has a live access token), it is renewed first rather than after a 401, so a returning
 * session makes no failing call; concurrent first calls share the one renewal.
 */
async function currentAccess(): Promise<string | null> {
  if (tokens.accessToken() === null && tokens.refreshToken() !== null) await refreshSession()
  return tokens.accessToken()
}

/**
 * Whether a 401 means "your token is missing or expired" rather than a wrong password given in
 * the body (e.g. the current password when changing it), which must not end the session.
 */
async function isExpiredToken(response: Response): Promise<boolean> {
  try {
    const body: unknown = await response.clone().json()
    return !(isProblem(body) && CREDENTIAL_CODES.has(body.code))
  } catch {
    return true
  }
}

/**
 * How often a request the server answered 503 ("unavailable: retry shortly", e.g. while its
 * database restarts) is sent again, when sending it again cannot do anything twice: a read, or a
 * POST with its Idempotency-Key (the server answers a repeat with the first answer).
 */
const UNAVAILABLE_RETRIES = 2
/** The wait the answer asks for (Retry-After, in seconds), 1 s without one, at most 5 s. */
function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('Retry-After'))
  return Math.min(5, Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000
}

/** One attempt at a request with the given access token (fetch or XHR). */
type Attempt = (access: string | null) => Promise<Response>

/**
 * Runs `attempt` with the bearer token, renews the token once on a 401 and tries again, ends the
 * session when it cannot be renewed, and turns a failure into an ApiError. Every route goes
 * through here, whatever carries it (JSON, a download, an upload with progress).
 */
async function authorized(attempt: Attempt, auth: boolean, retryable = false): Promise<Response> {
  const access = auth ? await currentAccess() : null
  let response = await attempt(access)
  for (
    let retry = 0;
    retryable && response.status === 503 && retry < UNAVAILABLE_RETRIES;
    retry++
  ) {
    await new Promise((resolve) => setTimeout(resolve, retryAfterMs(response)))
    response = await attempt(tokens.accessToken() ?? access)
  }

  if (response.status === 401 && auth && (await isExpiredToken(response))) {
    // Another request may already have renewed the token while this one was in flight.
    const renewed =
      tokens.refreshToken() !== null &&
      (tokens.accessToken() !== access || (await refreshSession()))
    if (renewed) {
      // The same idempotency key: the first attempt was refused, so nothing was created.
      response = await attempt(tokens.accessToken())
    }
    if (response.status === 401 && (await isExpiredToken(response))) onSessionExpired()
  }
  if (!response.ok) throw await toApiError(response)
  return response
}

/**
 * The pipeline as a `fetch` for openapi-fetch: the request it built (URL with the path and query
 * parameters, the JSON body, the `If-Match` the operation declares) goes out through `authorized`.
 */
function carried(carriage: Carriage) {
  return async (request: Request): Promise<Response> => {
    const out = await outgoing(request)
    // One key for both attempts: the first was refused, so nothing was created.
    const key = carriage.idempotent && out.method === 'POST' ? newIdempotencyKey() : null
    const retryable = out.method === 'GET' || key !== null
    return authorized((access) => send(out, key, access), carriage.auth, retryable)
  }
}

/** `a=1&b=x`: empty values left out, everything else as its string (the operations' queries are flat). */
const querySerializer = (query: unknown) => toSearch(query as Query).slice(1)

const clientFor = (carriage: Carriage): Client<paths> =>
  createClient<paths>({ baseUrl: BUILD_ORIGIN, querySerializer, fetch: carried(carriage) })

/**
 * The signed-in client: the bearer token (renewed once on a 401), an Idempotency-Key on every
 * POST, a failure thrown as ApiError. Paths are the contract's (`/api/v1/...`).
 */
export const api = clientFor({ auth: true, idempotent: true })

/**
 * The anonymous client for the public board and the login: no token (a clerk signed in in the
 * same tab must not be identified to, or logged out by, a public call) and no Idempotency-Key.
 */
export const anonymous = clientFor({ auth: false, idempotent: false })

/**
 * Per-call option for a signed-in POST sent without an Idempotency-Key (changing one's own
 * password: no replayable record of a body that carries passwords).
 */
export const withoutIdempotencyKey = { fetch: carried({ auth: true, idempotent: false }) }

/** `If-Match: "<version>"` for an operation that declares it (the record version read earlier). */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` }
}

/**
 * The answer of a call through `api` or `anonymous`. Failures never get here (the pipeline threw
 * them as ApiError), so only the success branch's `data` is left; it is undefined for a 204.
 */
export function ok<T>(result: { data?: T }): T {
  return result.data as T
}

export interface UploadOptions {
  /** Called as the request body goes out: bytes sent so far and in all. */
  onProgress?: (loaded: number, total: number) => void
  signal?: AbortSignal
  /**
   * Send the bearer token and refresh it on 401 (default true). The public board passes false:
   * an anonymous upload must neither carry a signed-in clerk's token nor end their session.
   */
  auth?: boolean
}

/** Statuses whose response may not carry a body (`new Response` refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304])

function headersOf(raw: string): Headers {
  const headers = new Headers()
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':')
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim())
  }
  return headers
}

/**
 * One multipart POST through XMLHttpRequest: `fetch` cannot report upload progress. The answer
 * is wrapped in a `Response` so the rest of the pipeline treats it like any other.
 */
function sendForm(
  path: string,
  form: FormData,
  key: string,
  access: string | null,
  options: UploadOptions,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'))
      return
    }
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    xhr.setRequestHeader('Accept', 'application/json')
    if (access) xhr.setRequestHeader('Authorization', `Bearer ${access}`)
    xhr.setRequestHeader('Idempotency-Key', key)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total)
    }
    xhr.onload = () => {
      const body = NULL_BODY.has(xhr.status) ? null : xhr.responseText
      resolve(
        new Response(body, {
          status: xhr.status,
          statusText: xhr.statusText,
          headers: headersOf(xhr.getAllResponseHeaders()),
        }),
      )
    }
    xhr.onerror = () => reject(networkError(new Error('The upload could not be sent')))
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'))
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(form)
  })
}

/** The contract's multipart uploads (evidence, and the public board's attachments). */
export type UploadPath = '/api/v1/files' | '/api/v1/public/files'

/**
 * `POST path` with a multipart body, reporting upload progress. Same bearer token, refresh on
 * 401, Idempotency-Key (kept for the retry) and ApiError as `api`; the answer is the contract's.
 */
export async function upload<P extends UploadPath>(
  path: P,
  form: FormData,
  options: UploadOptions = {},
): Promise<MethodResponse<typeof api, 'post', P>> {
  const key = newIdempotencyKey()
  const response = await authorized(
    (access) => sendForm(path, form, key, access, options),
    options.auth ?? true,
  )
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as MethodResponse<typeof api, 'post', P>
}
