/**
 * A fake server behind `fetch` for store and component tests: the SPA's own client (api/http.ts,
 * the API modules) runs unchanged, and the test answers per route and reads back what was sent —
 * method, path, query, If-Match, Idempotency-Key, body (uploads included: XMLHttpRequest is
 * served from the same routes). An answer may be a promise, to order answers by hand. A call to
 * a route the test did not answer fails the test (a 501 problem, and `unrouted` must stay empty).
 */
import { afterEach, beforeEach, expect, vi } from 'vitest'

/** One request as the server saw it. */
export interface Sent {
  method: string
  path: string
  query: Record<string, string>
  headers: Headers
  /** The JSON body parsed, an upload's FormData, or undefined when none was sent. */
  body: unknown
}

/** What a route answers: a Response as is, anything else as a 200 JSON body. */
type Answer = Response | ((request: Sent) => unknown) | unknown

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

export const noContent = () => new Response(null, { status: 204 })

/** An RFC 9457 problem document, as the API sends it. */
export const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  new Response(
    JSON.stringify({ type: `urn:rectify:error:${code}`, title: code, status, code, ...extra }),
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  )

/** A page as every list route answers it. */
export const page = <T>(items: T[], nextCursor: string | null = null, total = items.length) => ({
  items,
  nextCursor,
  total,
})

export interface FakeApi {
  /**
   * Answers `METHOD /api/v1/path` (the path as sent, without the query). Several answers are
   * given in turn, the last one for every later call.
   */
  on(route: string, ...answers: Answer[]): FakeApi
  /** Every request, in order. */
  sent: Sent[]
  /** The requests to one route (`METHOD /api/v1/path`), in order. */
  to(route: string): Sent[]
  /** `METHOD /path` of every request, in order. */
  routes(): string[]
  /** Requests no route answered. */
  unrouted: string[]
}

/** A request's answer as the route table gives it (a 501 problem for an unanswered route). */
type Route = (request: Sent) => Promise<Response>

/**
 * Just enough of XMLHttpRequest for api/http.ts's uploads: the request goes to the same route
 * table as fetch (its body is the FormData), with one progress event at half the bytes.
 */
function fakeXhr(route: Route) {
  return class FakeXhr {
    method = ''
    url = ''
    headers = new Headers()
    status = 0
    statusText = ''
    responseText = ''
    responseHeaders = ''
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null }
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    onabort: (() => void) | null = null
    open(method: string, url: string) {
      this.method = method
      this.url = url
    }
    setRequestHeader(name: string, value: string) {
      this.headers.set(name, value)
    }
    getAllResponseHeaders() {
      return this.responseHeaders
    }
    abort() {
      this.onabort?.()
    }
    send(body: unknown) {
      const url = new URL(this.url, 'http://rectify.invalid')
      const request: Sent = {
        method: this.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: this.headers,
        body,
      }
      void (async () => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 2 } as ProgressEvent)
        const response = await route(request)
        this.status = response.status
        this.statusText = response.statusText
        this.responseText = await response.text()
        this.responseHeaders = [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\r\n')
        this.onload?.()
      })()
    }
  }
}

/**
 * Installs a fresh fake for each test of the file (stubbing `fetch`, and XMLHttpRequest for
 * uploads), checks after each that no request went unanswered, and restores both. Returns the
 * fake of the running test.
 */
export function useFakeApi(): FakeApi {
  const fake = {} as FakeApi
  beforeEach(() => {
    const answers = new Map<string, Answer[]>()
    fake.sent = []
    fake.unrouted = []
    fake.on = (route, ...given) => {
      answers.set(route, given)
      return fake
    }
    fake.to = (route) => fake.sent.filter((s) => `${s.method} ${s.path}` === route)
    fake.routes = () => fake.sent.map((s) => `${s.method} ${s.path}`)
    const route: Route = async (request) => {
      fake.sent.push(request)
      const key = `${request.method} ${request.path}`
      const queue = answers.get(key)
      if (!queue?.length) {
        fake.unrouted.push(key)
        return problem(501, 'unrouted_in_test', { detail: key })
      }
      const answer = queue.length > 1 ? queue.shift() : queue[0]
      const value: unknown =
        typeof answer === 'function' ? await (answer as (r: Sent) => unknown)(request) : answer
      return value instanceof Response ? value.clone() : json(value)
    }
    vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://rectify.invalid')
      const text = typeof init.body === 'string' ? init.body : undefined
      return route({
        method: init.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: new Headers(init.headers),
        body: text === undefined ? undefined : JSON.parse(text),
      })
    })
    vi.stubGlobal('XMLHttpRequest', fakeXhr(route))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    expect(fake.unrouted, 'requests no route of the test answered').toEqual([])
  })
  return fake
}

/** A promise the test settles by hand, to order answers as it likes. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
