import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { buildApp } from '../src/app.js'
import { openDatabase } from '../src/db/client.js'
import { isDatabaseUnavailable } from '../src/lib/db-unavailable.js'
import {
  TEST_SIGNING_KEY,
  buildAppOn,
  createTestApp,
  testConfig,
  type TestApp,
} from './build-app.js'
import { pngBytes } from './evidence-factories.js'
import { login, makeWorld } from './factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
})
afterAll(() => t.close())

describe('while the database is unreachable', () => {
  it('answers 503 problem+json with Retry-After, and /ready says not ready', async () => {
    // Port 1 on the loopback: nothing listens, every connection is refused at once.
    const down = await openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' })
    // The keys were opened while the database was up (server.ts opens them before buildApp,
    // and refuses to start without them); then the database went away.
    const app = await buildApp(testConfig(), {
      database: down,
      signingKey: TEST_SIGNING_KEY,
      cipher: t.cipher,
    })
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'office', password: 'x' },
      })
      expect(res.statusCode, res.body).toBe(503)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(res.headers['retry-after']).toBe('5')
      expect(res.json()).toMatchObject({ type: 'urn:rectify:error:unavailable', status: 503 })
      expect(res.body).not.toMatch(/ECONNREFUSED|at .*\.js/)
      const ready = await app.inject({ method: 'GET', url: '/api/v1/ready' })
      expect(ready.statusCode, ready.body).toBe(503)
      expect(ready.json()).toMatchObject({ status: 'not_ready', database: false })
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200)
    } finally {
      await app.close()
      await down.close()
    }
  })

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'survives a connection killed inside a transaction (PostgreSQL only: PGlite has no server)',
    async () => {
      const { db } = t.database
      let error: unknown
      await db
        .transaction(async (tx) => {
          const r = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
            rows: { pid: number }[]
          }
          await t.database.query('select pg_terminate_backend($1)', [r.rows[0]!.pid])
          // The connection, checked out and idle, now emits 'error' on itself: unhandled, that
          // would end the process. Then the transaction's next statement fails.
          await new Promise((r) => setTimeout(r, 200))
          await tx.execute(sql`select 1`)
        })
        .catch((err: unknown) => (error = err))
      expect(isDatabaseUnavailable(error), String(error)).toBe(true)
      // The pool replaced the connection: the next query works.
      expect(await t.database.query('select 1 as one')).toEqual([{ one: 1 }])
    },
  )
})

describe('headers', () => {
  it('sends HSTS only over HTTPS, here as told by a trusted proxy', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/health' })
    expect(plain.headers['strict-transport-security']).toBeUndefined()
    const proxied = await buildAppOn(t.database, { TRUST_PROXY: true })
    try {
      const https = await proxied.inject({
        method: 'GET',
        url: '/api/v1/health',
        headers: { 'x-forwarded-proto': 'https' },
      })
      expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/)
      const http = await proxied.inject({ method: 'GET', url: '/api/v1/health' })
      expect(http.headers['strict-transport-security']).toBeUndefined()
    } finally {
      await proxied.close()
    }
    // An untrusted X-Forwarded-Proto is ignored.
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(forged.headers['strict-transport-security']).toBeUndefined()
  })

  it('gives the docs UI the same Content-Security-Policy as the API and the app', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/health' })
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-security-policy']).toBe(api.headers['content-security-policy'])
  })
})

/** Sends raw bytes and collects what comes back until the server closes the connection. */
function exchange(port: number, chunks: (string | Buffer)[]) {
  return new Promise<{ text: string; closedByServer: boolean }>((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1')
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (d: string) => (text += d))
    socket.on('error', reject)
    socket.on('end', () => resolve({ text, closedByServer: true }))
    socket.on('connect', () => chunks.forEach((c) => socket.write(c)))
  })
}

function parseResponse(text: string) {
  const [head, ...rest] = text.split('\r\n\r\n')
  const [statusLine, ...lines] = head!.split('\r\n')
  const headers = Object.fromEntries(
    lines.map((l) => [
      l.slice(0, l.indexOf(':')).toLowerCase(),
      l.slice(l.indexOf(':') + 1).trim(),
    ]),
  )
  return { status: Number(statusLine!.split(' ')[1]), headers, body: rest.join('\r\n\r\n') }
}

describe('connections', () => {
  let app: Awaited<ReturnType<typeof buildAppOn>>
  let port: number
  let token: string
  beforeAll(async () => {
    app = await buildAppOn(t.database, { FILE_MAX_BYTES: 1024, REQUEST_TIMEOUT_MS: 1000 })
    await app.listen({ host: '127.0.0.1', port: 0 })
    port = (app.server.address() as { port: number }).port
    token = (await login(app, world.users.office.username)).accessToken
  })
  afterAll(() => app.close())

  it('closes the connection after refusing an upload that is too large (413)', async () => {
    const boundary = 'rectifyboundary'
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n` +
      'Content-Type: image/png\r\n\r\n'
    // The body claims 100 kB; 5 kB are sent, over the 1 kB limit, and the client then sends its
    // next request on the same connection, as a keep-alive client does after an answer.
    const { text, closedByServer } = await exchange(port, [
      `POST /api/v1/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 100000\r\n\r\n`,
      Buffer.concat([Buffer.from(head), pngBytes(64), Buffer.alloc(5000)]),
    ])
    const res = parseResponse(text)
    expect(res.status).toBe(413)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.headers.connection).toBe('close')
    expect(JSON.parse(res.body).code).toBe('payload_too_large')
    // Closed right after the answer: the unread rest is never taken for a next request.
    expect(closedByServer).toBe(true)
    expect(text).not.toMatch(/ 408 /)
  })

  it('keeps a keep-alive connection usable after a JSON body refused by size (413)', async () => {
    const big = JSON.stringify({ username: 'x', password: 'y'.repeat(2_000_000) })
    const first = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    })
    expect(first.status).toBe(413)
    expect(first.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    // The next request (undici reuses or reopens the connection) is answered, not a 408.
    const second = await fetch(`http://127.0.0.1:${port}/api/v1/health`)
    expect(second.status).toBe(200)
  })

  it('answers a request that does not arrive in time with 408 problem+json', async () => {
    const { text } = await exchange(port, [
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/json\r\nContent-Length: 50\r\n\r\n{"user',
    ])
    const res = parseResponse(text)
    expect(res.status).toBe(408)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(JSON.parse(res.body)).toMatchObject({
      status: 408,
      type: 'urn:rectify:error:request_timeout',
    })
  })
})
