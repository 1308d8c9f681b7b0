/**
 * A fake server behind `fetch` for store and component tests: the SPA's own client (api/http.ts,
 * the API modules) runs unchanged, and the test answers per route and reads back what was sent —
 * method, path, query, If-Match, Idempotency-Key, body. A call to a route the test did not
 * answer fails the test (its answer is a 501 problem, and `unrouted` must stay empty).
 */
import { afterEach, beforeEach, expect, vi } from 'vitest'

/** One request as the server saw it. */
export interface Sent {
  method: string
  path: string
  query: Record<string, string>
  headers: Headers
  /** The JSON body, parsed; undefined when none was sent. */
  body: unknown
}

/** What a route answers: a Response as is, anything else as a 200 JSON body. */
type Answer = Response | ((request: Sent) => Response | unknown) | unknown

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

/**
 * Installs a fresh fake for each test of the file (stubbing `fetch`), checks after each that no
 * request went unanswered, and restores `fetch`. Returns the fake of the running test.
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
    vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://rectify.invalid')
      const text = typeof init.body === 'string' ? init.body : undefined
      const request: Sent = {
        method: init.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: new Headers(init.headers),
        body: text === undefined ? undefined : JSON.parse(text),
      }
      fake.sent.push(request)
      const route = `${request.method} ${request.path}`
      const queue = answers.get(route)
      if (!queue?.length) {
        fake.unrouted.push(route)
        return problem(501, 'unrouted_in_test', { detail: route })
      }
      const answer = queue.length > 1 ? queue.shift() : queue[0]
      const value =
        typeof answer === 'function' ? (answer as (r: Sent) => unknown)(request) : answer
      return value instanceof Response ? value.clone() : json(value)
    })
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
