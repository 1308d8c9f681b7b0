import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { Challenge } from '@rectify/schemas'
import type { Config } from '../src/config.js'
import type { Db } from '../src/db/client.js'
import { acceptances, problems, publicities } from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { leadingZeroBits } from '../src/modules/public-reports/public-reports.keys.js'
import { multipart } from './evidence-factories.js'

/**
 * Test data for the public board and public reports: config that keeps the proof-of-work cheap
 * and the limits out of the way, challenge solving, submission and upload as an anonymous
 * visitor, and problems put in publicity straight in SQL (the acceptance routes are another
 * module's).
 */

/** Cheap challenges, no in-process cache, limits out of reach (tests that need them set them). */
export const PUBLIC_TEST_CONFIG: Partial<Config> = {
  PUBLIC_CHALLENGE_BITS: 4,
  PUBLIC_CACHE_SECONDS: 0,
  PUBLIC_RATE_LIMIT_MAX: 1_000_000,
  PUBLIC_REPORT_RATE_LIMIT_MAX: 1_000_000,
  PUBLIC_UPLOAD_RATE_LIMIT_MAX: 1_000_000,
}

const bits = (salt: string, nonce: number) =>
  leadingZeroBits(createHash('sha256').update(`${salt}${nonce}`).digest())

/** The first nonce that solves the challenge. */
export function solve(c: Challenge): string {
  for (let n = 0; ; n++) if (bits(c.salt, n) >= c.difficulty) return String(n)
}

/** The first nonce that does not solve it. */
export function wrongNonce(c: Challenge): string {
  for (let n = 0; ; n++) if (bits(c.salt, n) < c.difficulty) return String(n)
}

export async function challenge(app: FastifyInstance): Promise<Challenge> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/public/challenge' })
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.statusCode} ${res.body}`)
  return res.json<Challenge>()
}

/** Submits a report as an anonymous visitor with a freshly solved challenge. */
export async function submit(
  app: FastifyInstance,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const c = await challenge(app)
  return app.inject({
    method: 'POST',
    url: '/api/v1/public/reports',
    payload: {
      reporterType: 'citizen',
      content: '河道边有人夜间偷排污水，气味很大。',
      ...body,
      challenge: { token: c.token, nonce: solve(c) },
    },
    headers,
  })
}

/** Uploads one file on the public board. */
export function uploadPublic(
  app: FastifyInstance,
  file: { filename: string; data: Buffer; contentType?: string },
  headers: Record<string, string> = {},
) {
  const body = multipart([
    {
      name: 'file',
      filename: file.filename,
      contentType: file.contentType ?? 'application/octet-stream',
      data: file.data,
    },
  ])
  return app.inject({
    method: 'POST',
    url: '/api/v1/public/files',
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  })
}

/**
 * Puts a problem in publicity as the acceptance module would leave it: a passed acceptance, an
 * open close-out notice (today to a week on, or `period`), status `publicity`. Returns the
 * publicity id.
 */
export async function putInPublicity(
  db: Db,
  problemId: string,
  notice = '拟销号公示',
  period: { startDate?: string; endDate?: string } = {},
) {
  const acceptanceId = uuidv7()
  await db.insert(acceptances).values({
    id: acceptanceId,
    problemId,
    seq: 1,
    status: 'passed',
    selfCheck: '已完成自验。',
    levels: ['city'],
    criteria: [],
    appliedByName: '牵头单位',
  })
  const id = uuidv7()
  const today = shanghaiDate()
  await db.insert(publicities).values({
    id,
    problemId,
    acceptanceId,
    notice,
    days: 5,
    startDate: period.startDate ?? today,
    endDate: period.endDate ?? addDays(today, 7),
    openedByName: '整改办',
  })
  await db.update(problems).set({ status: 'publicity' }).where(eq(problems.id, problemId))
  return id
}

/** Marks problems public. */
export async function publish(db: Db, ...ids: string[]) {
  for (const id of ids) await db.update(problems).set({ public: true }).where(eq(problems.id, id))
}
