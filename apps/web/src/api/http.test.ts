import type { TokenPair } from '@rectify/schemas'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  anonymous,
  api,
  ApiError,
  configureAuth,
  ifMatch,
  named,
  ok,
  toSearch,
  upload,
  type TokenStorage,
} from './http'
import { json, problem } from '@/test/fake-api'

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>

const pair = (n: number): TokenPair => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  tokenType: 'Bearer',
  expiresIn: 900,
})

function memoryTokens(initial: TokenPair | null): TokenStorage & { current: TokenPair | null } {
  const store = {
    current: initial,
    // An empty access token stands for none held (a reload: only the refresh token is left).
    accessToken: () => store.current?.accessToken || null,
    refreshToken: () => store.current?.refreshToken ?? null,
    save: (next: TokenPair) => void (store.current = next),
    clear: () => void (store.current = null),
  }
  return store
}

let calls: { url: string; init: RequestInit }[]
function serve(handler: Handler) {
  calls = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return handler(url, init)
  })
}
const header = (i: number, name: string) => new Headers(calls[i]!.init.headers).get(name)

/** A server where `access-N` is valid for the latest N, and refresh-N rotates to N+1. */
function rotatingServer(startAt: number, refreshDelayMs = 0) {
  let valid = startAt
  return async (url: string, init: RequestInit) => {
    if (url.endsWith('/auth/refresh')) {
      const body = JSON.parse(String(init.body)) as { refreshToken: string }
      if (body.refreshToken !== `refresh-${valid}`) return problem(401, 'session_expired')
      await new Promise((r) => setTimeout(r, refreshDelayMs))
      valid += 1
      return json(pair(valid))
    }
    const auth = new Headers(init.headers).get('Authorization')
    if (auth !== `Bearer access-${valid}`) return problem(401, 'unauthorized')
    return json({ ok: true, url })
  }
}

describe('the pipeline under api and anonymous', () => {
  let tokens: ReturnType<typeof memoryTokens>
  let expired: ReturnType<typeof vi.fn>

  beforeEach(() => {
    tokens = memoryTokens(pair(1))
    expired = vi.fn()
    configureAuth(tokens, expired as unknown as () => void)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('calls /api/v1 with the bearer token and leaves empty query values out', async () => {
    serve(rotatingServer(1))
    await api.GET('/api/v1/units', {
      params: { query: { parent: 'p1', q: '', active: true, cursor: undefined } },
    })
    expect(calls[0]!.url).toBe('/api/v1/units?parent=p1&active=true')
    expect(header(0, 'Authorization')).toBe('Bearer access-1')
  })

  it('refreshes once on 401 and retries with the new token', async () => {
    serve(rotatingServer(2))
    tokens.current = { ...pair(2), accessToken: 'access-stale' }
    expect(ok(await api.GET('/api/v1/me'))).toMatchObject({ ok: true })
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/me', '/api/v1/auth/refresh', '/api/v1/me'])
    expect(tokens.current).toEqual(pair(3))
    expect(expired).not.toHaveBeenCalled()
  })

  it('with only the refresh token held, renews first: no call is sent to fail with 401', async () => {
    const server = rotatingServer(2)
    const statuses: number[] = []
    serve(async (url, init) => {
      const response = await server(url, init)
      statuses.push(response.status)
      return response
    })
    tokens.current = { ...pair(2), accessToken: '' }
    await Promise.all([api.GET('/api/v1/me'), api.GET('/api/v1/units'), api.GET('/api/v1/rounds')])
    expect(calls[0]!.url).toBe('/api/v1/auth/refresh')
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1)
    expect(calls.slice(1).map((c) => header(calls.indexOf(c), 'Authorization'))).toEqual([
      'Bearer access-3',
      'Bearer access-3',
      'Bearer access-3',
    ])
    expect(statuses).toEqual([200, 200, 200, 200])
    expect(expired).not.toHaveBeenCalled()
  })

  it('with only a refused refresh token, ends the session', async () => {
    serve(rotatingServer(5))
    tokens.current = { ...pair(1), accessToken: '' }
    const error = await api.GET('/api/v1/me').catch((e: unknown) => e)
    expect((error as ApiError).status).toBe(401)
    expect(calls[0]!.url).toBe('/api/v1/auth/refresh')
    expect(tokens.current).toBeNull()
    expect(expired).toHaveBeenCalledOnce()
  })

  it('shares one refresh between concurrent requests (the refresh token rotates)', async () => {
    serve(rotatingServer(1, 20))
    tokens.current = { ...pair(1), accessToken: 'access-stale' }
    const results = await Promise.all([
      api.GET('/api/v1/me'),
      api.GET('/api/v1/units'),
      api.GET('/api/v1/audit'),
    ])
    expect(results).toHaveLength(3)
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1)
    expect(expired).not.toHaveBeenCalled()
  })

  it('ends the session when the refresh token is refused', async () => {
    serve(rotatingServer(5))
    tokens.current = { ...pair(1), accessToken: 'access-stale' }
    const error = await api.GET('/api/v1/me').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(401)
    expect(tokens.current).toBeNull()
    expect(expired).toHaveBeenCalledOnce()
  })

  it('does not refresh when a 401 is about credentials in the body', async () => {
    serve(() => problem(401, 'invalid_credentials'))
    const error = await api
      .POST('/api/v1/me/password', { body: {} as never })
      .catch((e: unknown) => e)
    expect((error as ApiError).code).toBe('invalid_credentials')
    expect(calls).toHaveLength(1)
    expect(expired).not.toHaveBeenCalled()
  })

  it('sends If-Match with the version on PATCH and a JSON body', async () => {
    serve(() => json({}))
    await api.PATCH('/api/v1/units/{id}', {
      params: { path: { id: '1' }, header: ifMatch(7) },
      body: { name: '市生态环境局' },
    })
    expect(header(0, 'If-Match')).toBe('"7"')
    expect(header(0, 'Content-Type')).toBe('application/json')
    expect(calls[0]!.init.body).toBe('{"name":"市生态环境局"}')
    expect(header(0, 'Idempotency-Key')).toBeNull()
  })

  it('sends one Idempotency-Key per POST and reuses it on the retry after a refresh', async () => {
    serve(rotatingServer(1))
    tokens.current = { ...pair(1), accessToken: 'access-stale' }
    await api.POST('/api/v1/units', { body: { code: 'X' } as never })
    const key = header(0, 'Idempotency-Key')
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(header(2, 'Idempotency-Key')).toBe(key)
    expect(header(1, 'Idempotency-Key')).toBeNull()
  })

  it('turns problem+json into an ApiError carrying code, detail and field errors', async () => {
    const errors = [{ path: '/code', message: 'must match pattern' }]
    serve(() => problem(422, 'validation', { detail: 'body/code', errors }))
    const error = (await api
      .POST('/api/v1/units', { body: {} as never })
      .catch((e: unknown) => e)) as ApiError
    expect(error).toMatchObject({ status: 422, code: 'validation', detail: 'body/code', errors })
  })

  it('maps a non-JSON gateway error to unavailable and a dropped connection to network', async () => {
    serve(
      () =>
        new Response('<html>502</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    )
    await expect(api.GET('/api/v1/me')).rejects.toMatchObject({ code: 'unavailable', status: 502 })
    serve(() => {
      throw new TypeError('Failed to fetch')
    })
    await expect(api.GET('/api/v1/me')).rejects.toMatchObject({ code: 'network', status: 0 })
  })

  it('sends no token and never refreshes or ends the session for a public call', async () => {
    serve(() => problem(401, 'unauthorized'))
    await expect(anonymous.GET('/api/v1/public/problems')).rejects.toMatchObject({ status: 401 })
    expect(calls).toHaveLength(1)
    expect(header(0, 'Authorization')).toBeNull()
    expect(expired).not.toHaveBeenCalled()
    expect(tokens.current).toEqual(pair(1))
  })

  it('tells how long to wait from the Retry-After of a 429', async () => {
    serve(() => {
      const response = problem(429, 'rate_limited')
      response.headers.set('Retry-After', '42')
      return response
    })
    await expect(
      anonymous.POST('/api/v1/public/reports', { body: {} as never }),
    ).rejects.toMatchObject({ code: 'rate_limited', retryAfter: 42 })
    serve(() => problem(429, 'rate_limited'))
    const error = (await api.GET('/api/v1/me').catch((e: unknown) => e)) as ApiError
    expect(error.retryAfter).toBeUndefined()
  })

  it('sends a read, or a POST with its key, again after a 503 and its Retry-After; not a PATCH', async () => {
    vi.useFakeTimers()
    try {
      let left = 2
      serve(() => {
        if (left-- > 0) {
          const response = problem(503, 'unavailable')
          response.headers.set('Retry-After', '5')
          return response
        }
        return json({ ok: true })
      })
      const read = api.GET('/api/v1/me')
      await vi.advanceTimersByTimeAsync(4_999)
      expect(calls).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(calls).toHaveLength(2)
      await vi.advanceTimersByTimeAsync(5_000)
      expect(ok(await read)).toEqual({ ok: true })
      expect(calls).toHaveLength(3)

      calls.length = 0
      left = 1
      const created = api.POST('/api/v1/units', { body: {} as never })
      await vi.advanceTimersByTimeAsync(5_000)
      await created
      expect(calls).toHaveLength(2)
      expect(header(1, 'Idempotency-Key')).toBe(header(0, 'Idempotency-Key'))

      calls.length = 0
      left = 3
      const patch = api.PATCH('/api/v1/units/{id}', {
        params: { path: { id: 'u1' }, header: { 'If-Match': '"1"' } },
        body: {} as never,
      })
      await expect(patch).rejects.toMatchObject({ status: 503, code: 'unavailable' })
      expect(calls).toHaveLength(1)

      calls.length = 0
      left = 3
      const stillDown = api.GET('/api/v1/me').catch((e: unknown) => e)
      await vi.advanceTimersByTimeAsync(10_000)
      expect(await stillDown).toMatchObject({ status: 503 })
      expect(calls).toHaveLength(3)
    } finally {
      vi.useRealTimers()
    }
  })

  it('returns undefined for 204 No Content', async () => {
    serve(() => new Response(null, { status: 204 }))
    const result = await anonymous.POST('/api/v1/auth/logout', { body: { refreshToken: 'r' } })
    expect(result.data).toBeUndefined()
  })
})

describe('toSearch', () => {
  it('is empty without values and encodes Chinese text', () => {
    expect(toSearch(undefined)).toBe('')
    expect(toSearch({ a: null, b: '' })).toBe('')
    expect(toSearch({ q: '污水', limit: 200 })).toBe('?q=%E6%B1%A1%E6%B0%B4&limit=200')
  })
})

/** Just enough of XMLHttpRequest for `upload`: headers in, progress and one answer out. */
class FakeXhr {
  static answer: (xhr: FakeXhr) => { status: number; body: unknown } = () => ({
    status: 201,
    body: {},
  })
  static sent: FakeXhr[] = []
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: unknown
  status = 0
  statusText = ''
  responseText = ''
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null

  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  getAllResponseHeaders() {
    return 'content-type: application/problem+json\r\netag: "1"\r\n'
  }
  send(body: unknown) {
    this.body = body
    FakeXhr.sent.push(this)
    queueMicrotask(() => {
      this.upload.onprogress?.({
        lengthComputable: true,
        loaded: 512,
        total: 1024,
      } as ProgressEvent)
      const { status, body: answer } = FakeXhr.answer(this)
      this.status = status
      this.responseText = JSON.stringify(answer)
      this.onload?.()
    })
  }
  abort() {
    this.onabort?.()
  }
}

describe('upload', () => {
  let tokens: ReturnType<typeof memoryTokens>

  beforeEach(() => {
    tokens = memoryTokens(pair(1))
    configureAuth(tokens, () => {})
    FakeXhr.sent = []
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('posts the form with the bearer token and an Idempotency-Key, reporting progress', async () => {
    FakeXhr.answer = () => ({ status: 201, body: { id: 'f1', sha256: 'ab' } })
    const progress: number[] = []
    const form = new FormData()
    const info = await upload('/api/v1/files', form, {
      onProgress: (loaded, total) => progress.push(loaded / total),
    })
    expect(info).toEqual({ id: 'f1', sha256: 'ab' })
    expect(progress).toEqual([0.5])
    const [xhr] = FakeXhr.sent
    expect(xhr).toMatchObject({ method: 'POST', url: '/api/v1/files', body: form })
    expect(xhr!.headers.Authorization).toBe('Bearer access-1')
    expect(xhr!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('renews an expired token once and sends the same upload again with the same key', async () => {
    serve(rotatingServer(2))
    tokens.current = { ...pair(2), accessToken: 'access-stale' }
    FakeXhr.answer = (xhr) =>
      xhr.headers.Authorization === 'Bearer access-3'
        ? { status: 201, body: { id: 'f2' } }
        : {
            status: 401,
            body: { type: 'x', title: 'x', status: 401, code: 'unauthorized' },
          }
    await expect(upload('/api/v1/files', new FormData())).resolves.toEqual({ id: 'f2' })
    expect(FakeXhr.sent).toHaveLength(2)
    expect(FakeXhr.sent[1]!.headers['Idempotency-Key']).toBe(
      FakeXhr.sent[0]!.headers['Idempotency-Key'],
    )
  })

  it('uploads without the bearer token and without a refresh when auth is off', async () => {
    FakeXhr.answer = () => ({
      status: 401,
      body: { type: 'x', title: 'x', status: 401, code: 'unauthorized' },
    })
    await expect(
      upload('/api/v1/public/files', new FormData(), { auth: false }),
    ).rejects.toMatchObject({
      status: 401,
    })
    expect(FakeXhr.sent).toHaveLength(1)
    expect(FakeXhr.sent[0]!.headers.Authorization).toBeUndefined()
    expect(tokens.current).toEqual(pair(1))
  })

  it('turns a refused file into an ApiError the form can name (415, 413)', async () => {
    FakeXhr.answer = () => ({
      status: 415,
      body: { type: 'x', title: 'x', status: 415, code: 'unsupported_media_type' },
    })
    await expect(upload('/api/v1/files', new FormData())).rejects.toMatchObject({
      status: 415,
      code: 'unsupported_media_type',
    })
  })
})

describe('the contract client', () => {
  let tokens: ReturnType<typeof memoryTokens>
  let expired: ReturnType<typeof vi.fn>

  beforeEach(() => {
    tokens = memoryTokens(pair(1))
    expired = vi.fn()
    configureAuth(tokens, expired as unknown as () => void)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('puts path parameters in the path, encoded', async () => {
    serve(rotatingServer(1))
    await api.GET('/api/v1/problems/{id}', { params: { path: { id: 'a/b c' } } })
    expect(calls[0]!.url).toBe('/api/v1/problems/a%2Fb%20c')
  })

  it('sends If-Match, a JSON body and one Idempotency-Key kept across the refresh', async () => {
    serve(rotatingServer(2))
    tokens.current = { ...pair(2), accessToken: 'access-stale' }
    await api.POST('/api/v1/problems/{id}/transitions', {
      params: { path: { id: 'p1' }, header: ifMatch(7) },
      body: { action: 'submit' },
    })
    const posts = calls.filter((c) => c.url.endsWith('/transitions'))
    expect(posts).toHaveLength(2)
    expect(posts.map((c) => new Headers(c.init.headers).get('If-Match'))).toEqual(['"7"', '"7"'])
    expect(posts.map((c) => c.init.body)).toEqual([
      JSON.stringify({ action: 'submit' }),
      JSON.stringify({ action: 'submit' }),
    ])
    const keys = posts.map((c) => new Headers(c.init.headers).get('Idempotency-Key'))
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(keys[1]).toBe(keys[0])
    expect(new Headers(posts[1]!.init.headers).get('Authorization')).toBe('Bearer access-3')
  })

  it('throws the problem document as an ApiError', async () => {
    serve(() => problem(409, 'conflict', { allowed: ['approve'] }))
    const error = (await api
      .POST('/api/v1/problems', { body: {} as never })
      .catch((e: unknown) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 409, code: 'conflict' })
    expect(error.problem).toMatchObject({ allowed: ['approve'] })
  })

  it('calls anonymously without token, key or refresh', async () => {
    serve(() => problem(401, 'unauthorized'))
    await expect(
      anonymous.POST('/api/v1/public/reports', { body: {} as never }),
    ).rejects.toMatchObject({ status: 401 })
    expect(calls).toHaveLength(1)
    expect(header(0, 'Authorization')).toBeNull()
    expect(header(0, 'Idempotency-Key')).toBeNull()
    expect(expired).not.toHaveBeenCalled()
    expect(tokens.current).toEqual(pair(1))
  })

  it('reads a file with the bearer token as a Blob, with its name', async () => {
    serve(
      () =>
        new Response(new Uint8Array([137, 80, 78, 71]), {
          status: 200,
          headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E5%8D%B7.png" },
        }),
    )
    const file = named(
      await api.GET('/api/v1/files/{id}', { params: { path: { id: 'f1' } }, parseAs: 'blob' }),
    )
    expect(file.blob.size).toBe(4)
    expect(file.filename).toBe('卷.png')
    expect(header(0, 'Authorization')).toBe('Bearer access-1')
  })
})
