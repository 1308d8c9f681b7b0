import { lookup as dnsLookup } from 'node:dns/promises'
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import { blockedAddress, checkTarget } from './webhooks.target.js'

/** Resolves a host name to its addresses (dns.lookup by default; tests inject their own). */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>

export const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true })

/** Outbound limits: connect 3 s, whole exchange 10 s, at most 64 KB of the answer read. */
export const SEND_LIMITS = { connectMs: 3000, totalMs: 10_000, maxBodyBytes: 64 * 1024 }

export interface OutboundRequest {
  url: string
  headers: Record<string, string>
  body: string
}

export interface SendResult {
  ok: boolean
  statusCode: number | null
  latencyMs: number
  error: string | null
  /** True when retrying cannot help: the target is refused by the outbound rules. */
  refused: boolean
}

/**
 * A `lookup` for the connection itself: every address the name resolves to is checked and the
 * connection goes to a checked one, so a name that resolves to a public address when saved and
 * to 127.0.0.1 when sent (DNS rebinding) is refused at the moment it matters.
 */
function guardedLookup(resolve: Resolver, exempt: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((found) => {
        const list = options.family ? found.filter((a) => a.family === options.family) : found
        if (!list.length)
          throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' })
        const bad = exempt ? null : list.map((a) => blockedAddress(a.address)).find(Boolean)
        if (bad)
          throw Object.assign(new Error(`refused: ${hostname} resolves to ${bad}`), {
            code: 'EREFUSED_TARGET',
          })
        if (options.all) callback(null, list)
        else callback(null, list[0]!.address, list[0]!.family)
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, '', 0))
  }
}

/**
 * POSTs one webhook request under the outbound rules. node:http/https rather than fetch: their
 * `lookup` option lets us check the very address the socket connects to (fetch/undici would need
 * a custom dispatcher for the same), and they never follow redirects — a 3xx is a failure here.
 * An IP-literal host never reaches `lookup`, so checkTarget checks it before connecting.
 */
export async function sendWebhook(
  req: OutboundRequest,
  opts: { allowedHosts: ReadonlySet<string>; resolve?: Resolver; limits?: typeof SEND_LIMITS },
): Promise<SendResult> {
  const started = performance.now()
  const limits = opts.limits ?? SEND_LIMITS
  const done = (r: Omit<SendResult, 'latencyMs' | 'refused'> & { refused?: boolean }) => ({
    refused: false,
    ...r,
    latencyMs: Math.round(performance.now() - started),
  })
  const target = checkTarget(req.url, opts.allowedHosts)
  if ('error' in target)
    return done({
      ok: false,
      statusCode: null,
      error: `refused: URL ${target.error}`,
      refused: true,
    })
  const { url, allowed } = target
  const lib = url.protocol === 'https:' ? https : http
  return new Promise<SendResult>((settle) => {
    let finished = false
    const finish = (r: Parameters<typeof done>[0]) => {
      if (finished) return
      finished = true
      clearTimeout(total)
      request.destroy()
      settle(done(r))
    }
    const request = lib.request(url, {
      method: 'POST',
      headers: {
        ...req.headers,
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(req.body)),
        'user-agent': 'Rectify-Webhooks/1',
      },
      lookup: guardedLookup(opts.resolve ?? systemResolver, allowed),
      agent: false,
    })
    const total = setTimeout(
      () => finish({ ok: false, statusCode: null, error: `timed out after ${limits.totalMs} ms` }),
      limits.totalMs,
    )
    request.on('socket', (socket) => {
      const connect = setTimeout(
        () =>
          finish({
            ok: false,
            statusCode: null,
            error: `no connection within ${limits.connectMs} ms`,
          }),
        limits.connectMs,
      )
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () =>
        clearTimeout(connect),
      )
      socket.once('close', () => clearTimeout(connect))
    })
    request.on('error', (err: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        statusCode: null,
        error: err.message.slice(0, 500),
        refused: err.code === 'EREFUSED_TARGET',
      }),
    )
    request.on('response', (res) => {
      const code = res.statusCode ?? 0
      let read = 0
      const end = () =>
        finish(
          code >= 200 && code < 300
            ? { ok: true, statusCode: code, error: null }
            : {
                ok: false,
                statusCode: code,
                error:
                  code >= 300 && code < 400
                    ? `redirect not followed (${code} to ${String(res.headers.location ?? '?').slice(0, 200)})`
                    : `answered ${code}`,
              },
        )
      // The answer is read only to free the connection; past the cap it is cut off.
      res.on('data', (chunk: Buffer) => {
        read += chunk.length
        if (read > limits.maxBodyBytes) end()
      })
      res.on('end', end)
      res.on('error', end)
    })
    request.end(req.body)
  })
}
