/**
 * The one place in the SPA that talks to the server (`fetch`, and XMLHttpRequest for uploads with
 * progress). Every API module goes through `request`, `download` or `upload`, which add the
 * bearer token, refresh it once on a 401, send `If-Match` and `Idempotency-Key`, and turn RFC 9457
 * problem details into an `ApiError` the UI can branch on by `code`.
 */
import type { ProblemDetails, TokenPair } from '@rectify/schemas'

/** Prefix of every API route. */
export const API_BASE = '/api/v1'

/** Codes the SPA synthesises when no problem document came back (network down, proxy error). */
export type ClientErrorCode = 'network' | 'bad_response'

export type FieldError = { path: string; message: string }

/** An API failure: the server's problem document, or a synthesised one for transport failures. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly detail: string | undefined
  readonly errors: FieldError[]
  readonly problem: ProblemDetails
  /** Seconds to wait before trying again, from a 429's `Retry-After` header. */
  readonly retryAfter: number | undefined

  constructor(problem: ProblemDetails, retryAfter?: number) {
    super(problem.detail ?? problem.title)
    this.retryAfter = retryAfter
    this.name = 'ApiError'
    this.problem = problem
    this.status = problem.status
    this.code = problem.code
    this.detail = problem.detail
    this.errors = problem.errors ?? []
  }
}

/** Where the session keeps its tokens; the session store supplies the real one. */
export interface TokenStorage {
  accessToken(): string | null
  refreshToken(): string | null
  save(pair: TokenPair): void
  clear(): void
}

type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  query?: Query
  body?: unknown
  /** The record version read earlier; sent as `If-Match: "<version>"`. */
  version?: number
  /** Send the bearer token and refresh it on 401 (default true). */
  auth?: boolean
  /** Send an `Idempotency-Key` (default: on every POST). */
  idempotent?: boolean
  signal?: AbortSignal
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

function isProblem(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.status === 'number' && typeof v.code === 'string'
}

/** `Retry-After` in seconds (the delta form; an HTTP date is read as "unknown"). */
function retryAfterOf(response: Response): number | undefined {
  const value = Number(response.headers.get('Retry-After') ?? '')
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : undefined
}

/** Turns any non-2xx response into an ApiError, whether or not it carries problem+json. */
export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = retryAfterOf(response)
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // A proxy's HTML error page or an empty body: fall through to the synthesised problem.
  }
  if (isProblem(body)) return new ApiError(body, retryAfter)
  return new ApiError(
    {
      type: 'about:blank',
      title: response.statusText || 'Error',
      status: response.status,
      code: response.status >= 500 ? 'unavailable' : 'bad_response',
    },
    retryAfter,
  )
}

function networkError(cause: unknown): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    code: 'network' satisfies ClientErrorCode,
    detail: cause instanceof Error ? cause.message : undefined,
  })
}

async function send(
  path: string,
  options: RequestOptions,
  key: string | null,
  access: string | null,
) {
  const headers = new Headers({ Accept: 'application/json' })
  if (options.body !== undefined) headers.set('Content-Type', 'application/json')
  if (access) headers.set('Authorization', `Bearer ${access}`)
  if (options.version !== undefined) headers.set('If-Match', `"${options.version}"`)
  if (key) headers.set('Idempotency-Key', key)
  try {
    return await fetch(`${API_BASE}${path}${toSearch(options.query)}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
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
    const response = await send(
      '/auth/refresh',
      { method: 'POST', body: { refreshToken } },
      null,
      null,
    )
    if (!response.ok) {
      tokens.clear()
      return false
    }
    tokens.save((await response.json()) as TokenPair)
    return true
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

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204 || response.headers.get('Content-Length') === '0') {
    return undefined as T
  }
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** One attempt at a request with the given access token (fetch or XHR). */
type Attempt = (access: string | null) => Promise<Response>

/**
 * Runs `attempt` with the bearer token, renews the token once on a 401 and tries again, ends the
 * session when it cannot be renewed, and turns a failure into an ApiError. Every route goes
 * through here, whatever carries it (JSON, a download, an upload with progress).
 */
async function authorized(attempt: Attempt, auth: boolean): Promise<Response> {
  const access = auth ? await currentAccess() : null
  let response = await attempt(access)

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

/** Calls `path` under `/api/v1` and returns the parsed JSON body (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const key = (options.idempotent ?? method === 'POST') ? newIdempotencyKey() : null
  const response = await authorized(
    (access) => send(path, options, key, access),
    options.auth ?? true,
  )
  return parse<T>(response)
}

/** `GET path` for a binary body (an evidence file), with the same auth as every call. */
export async function download(path: string, signal?: AbortSignal): Promise<Blob> {
  const response = await authorized((access) => send(path, { signal }, null, access), true)
  return response.blob()
}

/** A downloaded file and the name the server gave it (null when it gave none). */
export interface NamedBlob {
  blob: Blob
  filename: string | null
}

/**
 * The file name of a `Content-Disposition` header: RFC 6266's `filename*=UTF-8''…` (how Chinese
 * names travel) before the plain `filename="…"`; null when there is none.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(header)
  if (extended) {
    try {
      return decodeURIComponent(extended[2]!.trim().replace(/^"|"$/g, ''))
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*("((?:\\.|[^"\\])*)"|[^;]+)/i.exec(header)
  if (!plain) return null
  const name = plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1]!.trim()
  return name || null
}

/** `GET path` for a file download (the dossier), with the name from `Content-Disposition`. */
export async function downloadNamed(path: string, signal?: AbortSignal): Promise<NamedBlob> {
  const response = await authorized((access) => send(path, { signal }, null, access), true)
  const filename = filenameFromDisposition(response.headers.get('Content-Disposition'))
  return { blob: await response.blob(), filename }
}

/**
 * `POST path` with a JSON body for a file answer (an import's error workbook, written from the
 * same body as the dry run), with the name from `Content-Disposition`. It writes nothing on the
 * server, so it carries no Idempotency-Key.
 */
export async function postForFile(
  path: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<NamedBlob> {
  const response = await authorized(
    (access) => send(path, { method: 'POST', body, signal }, null, access),
    true,
  )
  const filename = filenameFromDisposition(response.headers.get('Content-Disposition'))
  return { blob: await response.blob(), filename }
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
    xhr.open('POST', `${API_BASE}${path}`)
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

/**
 * `POST path` with a multipart body, reporting upload progress. Same bearer token, refresh on
 * 401, Idempotency-Key (kept for the retry) and ApiError as `request`.
 */
export async function upload<T>(
  path: string,
  form: FormData,
  options: UploadOptions = {},
): Promise<T> {
  const key = newIdempotencyKey()
  const response = await authorized(
    (access) => sendForm(path, form, key, access, options),
    options.auth ?? true,
  )
  return parse<T>(response)
}
