import { expect } from 'vitest'
import { verifyAuditChain } from '../../src/modules/audit/audit.service.js'
import { PASSWORD } from '../factories.js'
import { loginToken, REQUEST_TIMEOUT_MS } from './api-process.js'
import type { Stage } from './stage.js'

/**
 * PostgreSQL stopped under a write load and started again, with the real API process in front
 * (issue 13): 5 writers each create units for 30 s, every request with a fresh Idempotency-Key
 * (the unit's code is the key, so the database answers what was written); PostgreSQL goes down
 * at 8 s (an immediate stop: a crash for every connection) and comes back at 14 s.
 */
const RUN_MS = 30_000
const STOP_AT_MS = 8_000
const START_AT_MS = 14_000
const WRITERS = 5
/** The client gives up this long after the server's own timeout: an answer that late is a hang. */
const CLIENT_TIMEOUT_MS = REQUEST_TIMEOUT_MS + 10_000

interface Answer {
  key: string
  sent: number
  received: number
  status: number | null
  type: string | null
  retryAfter: string | null
  /** A network error instead of an answer (reset, refused, timed out). */
  error: string | null
}

/** The outage, checked; prints its figures. */
export async function restartUnderLoad({ cluster, api, database, world }: Stage) {
  const cityId = world.units.city.id
  const token = await loginToken(api.base, world.users.admin.username, PASSWORD)
  const unitBody = (key: string) => ({
    code: key,
    name: `故障测试${key}`,
    kind: 'department',
    parentId: cityId,
  })
  const answers: Answer[] = []
  const stopped = { begin: 0, end: 0 }
  const started = { begin: 0, end: 0 }
  const t0 = performance.now()
  const now = () => performance.now() - t0
  /** The idempotent write every writer sends (and a retry repeats): a unit coded by its key. */
  const send = (key: string) =>
    fetch(`${api.base}/api/v1/units`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(unitBody(key)),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    })
  const post = async (key: string): Promise<Answer> => {
    const sent = now()
    try {
      const res = await send(key)
      await res.arrayBuffer()
      return {
        key,
        sent,
        received: now(),
        status: res.status,
        type: res.headers.get('content-type'),
        retryAfter: res.headers.get('retry-after'),
        error: null,
      }
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause
      const error = `${(err as Error).name}: ${cause?.code ?? (err as Error).message}`
      return { key, sent, received: now(), status: null, type: null, retryAfter: null, error }
    }
  }
  /** What a retry with `key` says: the stored answer replayed, or the write known as done. */
  const confirm = async (key: string) => {
    const res = await send(key)
    const body = (await res.json()) as { code?: string }
    if (res.status === 201 && res.headers.get('idempotent-replayed')) return 'replayed'
    return `${res.status} ${body.code ?? ''}`.trim()
  }
  const writer = async (w: number) => {
    // Past 30 s if PostgreSQL is slow to come back: writes must be seen working again.
    for (let i = 0; now() < Math.max(RUN_MS, started.end ? started.end + 10_000 : RUN_MS); i++) {
      const a = await post(`F${w}-${i}`)
      answers.push(a)
      // A refused write is followed by the next one soon, not at Retry-After: the test
      // measures how soon writes work again.
      if (a.status !== 201) await new Promise((r) => setTimeout(r, 100))
    }
  }

  let readyDuringOutage: number | null = null
  const outage = (async () => {
    await new Promise((r) => setTimeout(r, STOP_AT_MS))
    stopped.begin = now()
    await cluster.stop('immediate')
    stopped.end = now()
    await new Promise((r) => setTimeout(r, 1000))
    readyDuringOutage = (await fetch(`${api.base}/api/v1/ready`)).status
    await new Promise((r) => setTimeout(r, Math.max(0, START_AT_MS - now())))
    started.begin = now()
    await cluster.start()
    started.end = now()
  })()
  await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), outage])

  // The process lived through it and is ready again.
  expect(api.crashed, api.output()).toBeNull()
  expect((await fetch(`${api.base}/api/v1/ready`)).status).toBe(200)
  expect(readyDuringOutage).toBe(503)

  // Every request got an answer, within the request timeout: no resets, no hangs.
  const failed = answers.filter((a) => a.error)
  expect(failed, JSON.stringify(failed.slice(0, 5))).toEqual([])
  const slowest = Math.max(...answers.map((a) => a.received - a.sent))
  expect(slowest).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS)
  // Every answer is the write done (201) or 503 problem+json with Retry-After: never a 500.
  const other = answers.filter(
    (a) =>
      a.status !== 201 &&
      !(a.status === 503 && /^application\/problem\+json/.test(a.type ?? '') && a.retryAfter),
  )
  expect(other, JSON.stringify(other.slice(0, 5))).toEqual([])
  // A request made while the server was down was refused.
  const whileDown = answers.filter((a) => a.sent >= stopped.end && a.received <= started.begin)
  expect(whileDown.length).toBeGreaterThan(0)
  expect(whileDown.every((a) => a.status === 503)).toBe(true)

  // Writes work again within 5 s of PostgreSQL accepting connections.
  const firstWrite = answers
    .filter((a) => a.status === 201 && a.sent >= started.end)
    .sort((a, b) => a.received - b.received)[0]
  expect(firstWrite, 'no write succeeded after PostgreSQL came back').toBeDefined()
  const recoveryMs = firstWrite!.received - started.end
  expect(recoveryMs).toBeLessThanOrEqual(5000)

  // Every acknowledged write is in the database, once, with its audit entry.
  const units = await database.query<{ code: string; audits: number }>(
    `select u.code, (select count(*)::int from audit_log a
       where a.action = 'unit.created' and a.entity_id = u.id::text) as audits
     from units u where u.code like 'F%-%'`,
  )
  const stored = new Map(units.map((u) => [u.code, u.audits]))
  const acknowledged = answers.filter((a) => a.status === 201)
  const lost = acknowledged.filter((a) => stored.get(a.key) !== 1)
  expect(lost.map((a) => a.key)).toEqual([])
  // A write answered 503 that did commit is confirmed by a retry with its key (never run
  // twice); one that did not commit is not in the database.
  const refused = answers.filter((a) => a.status !== 201)
  const committedAnyway = refused.filter((a) => stored.has(a.key))
  const unconfirmed: string[] = []
  for (const a of committedAnyway) {
    const answer = await confirm(a.key)
    if (answer !== 'replayed' && answer !== '409 idempotency_done')
      unconfirmed.push(`${a.key}: ${answer}`)
  }
  expect(unconfirmed).toEqual([])
  expect((await verifyAuditChain(database)).ok).toBe(true)

  const figures = {
    requests: answers.length,
    acknowledged: acknowledged.length,
    refused503: refused.length,
    committedButAnswered503: committedAnyway.length,
    stopMs: Math.round(stopped.end - stopped.begin),
    startMs: Math.round(started.end - started.begin),
    outageMs: Math.round(started.end - stopped.begin),
    recoveryMs: Math.round(recoveryMs),
    slowestAnswerMs: Math.round(slowest),
  }
  console.log(`fault test, PostgreSQL restart: ${JSON.stringify(figures)}`)
}
