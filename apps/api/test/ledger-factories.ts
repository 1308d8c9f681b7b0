import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../src/db/client.js'
import { measures, problemUnits, problems, rounds, units } from '../src/db/schema/index.js'
import { shanghaiDate, addDays } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { searchTokens } from '../src/lib/search.js'
import { refreshDerived, syncProblemUnits } from '../src/modules/problems/problems.derived.js'
import { as, client } from './factories.js'

type UnitRow = typeof units.$inferSelect
type ProblemRow = typeof problems.$inferSelect

let n = 0
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`

export async function makeRound(db: Db, o: { name?: string } = {}) {
  const [row] = await db
    .insert(rounds)
    .values({
      id: uuidv7(),
      name: o.name ?? `第二轮第${uniq()}批中央生态环境保护督察`,
      kind: 'central',
      settings: { acceptanceLevels: ['county', 'city'], publicityDays: 5 },
    })
    .returning()
  return row!
}

export interface ProblemOverrides {
  round: { id: string }
  leadUnit: UnitRow
  region?: UnitRow | null
  coUnits?: UnitRow[]
  code?: string
  title?: string
  description?: string
  status?: ProblemRow['status']
  mode?: ProblemRow['mode']
  source?: ProblemRow['source']
  nature?: ProblemRow['nature']
  domain?: ProblemRow['domain']
  /** Days from today (Asia/Shanghai), or a date. */
  deadline?: number | string
  leadLeader?: { name: string; post: string } | null
  parentId?: string | null
  rebound?: boolean
  reportedProgress?: number
  /** Store the light as computed today (default) or leave it as given (e.g. stale). */
  light?: { color: 'green' | 'blue' | 'yellow' | 'red'; asOf: string | null }
}

/** A problem inserted straight into the database, with its unit links and light as the services keep them. */
export async function makeProblem(db: Db, o: ProblemOverrides): Promise<ProblemRow> {
  const id = uuidv7()
  const code = o.code ?? `P-${uniq()}`
  const title = o.title ?? `问题${n}`
  const description = o.description ?? ''
  const deadline =
    typeof o.deadline === 'string' ? o.deadline : addDays(shanghaiDate(), o.deadline ?? 90)
  await db.insert(problems).values({
    id,
    roundId: o.round.id,
    code,
    title,
    description,
    source: o.source ?? 'feedback',
    nature: o.nature ?? 'individual',
    domain: o.domain ?? 'water',
    regionId: o.region?.id ?? null,
    mode: o.mode ?? 'time_bound',
    deadline,
    leadLeader: o.leadLeader ?? null,
    leadUnitId: o.leadUnit.id,
    parentId: o.parentId ?? null,
    status: o.status ?? 'draft',
    // A closed problem always has its outcome (problems_outcome_check).
    ...(o.status === 'closed' && { outcome: 'rectified', closedOn: shanghaiDate() }),
    rebound: o.rebound ?? false,
    reportedProgress: o.reportedProgress ?? 0,
    searchTokens: searchTokens(code, title, description),
  })
  if (o.coUnits?.length)
    await db
      .insert(problemUnits)
      .values(o.coUnits.map((u) => ({ problemId: id, unitId: u.id, role: 'co' })))
  await syncProblemUnits(db, id)
  if (o.light)
    await db
      .update(problems)
      .set({ light: o.light.color, lightAsOf: o.light.asOf })
      .where(eq(problems.id, id))
  else await refreshDerived(db, [id], shanghaiDate())
  const [row] = await db.select().from(problems).where(eq(problems.id, id))
  return row!
}

/** A measure of a problem (the measures module owns their API; tests only need rows). */
export async function makeMeasure(
  db: Db,
  o: {
    problem: { id: string }
    unit: UnitRow
    startDate?: string
    deadline?: string
    percent?: number
  },
) {
  const today = shanghaiDate()
  const [row] = await db
    .insert(measures)
    .values({
      id: uuidv7(),
      problemId: o.problem.id,
      seq: 1,
      content: '措施',
      unitId: o.unit.id,
      startDate: o.startDate ?? addDays(today, -30),
      deadline: o.deadline ?? addDays(today, 60),
      percent: o.percent ?? 0,
    })
    .returning()
  await syncProblemUnits(db, o.problem.id)
  await refreshDerived(db, [o.problem.id], today)
  return row!
}

/** An API client with `scopes` (unit-scoped with `unitId`), logged in through client credentials. */
export async function apiClient(
  app: FastifyInstance,
  admin: { username: string },
  scopes: string[],
  unitId?: string,
) {
  const adminApi = await as(app, admin)
  const created = await adminApi.post('/api/v1/clients', {
    name: `ledger ${uniq()}`,
    scopes,
    ...(unitId ? { unitId } : {}),
  })
  if (created.statusCode !== 201) throw new Error(`client: ${created.statusCode} ${created.body}`)
  const { client: c, clientSecret } = created.json<{
    client: { clientId: string }
    clientSecret: string
  }>()
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    payload: {
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: clientSecret,
    },
  })
  return client(app, res.json<{ access_token: string }>().access_token)
}

/** `?a=1&b=2` from an object, skipping undefined values. */
export function qs(o: Record<string, string | number | boolean | undefined>): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(o)) if (v !== undefined) p.set(k, String(v))
  const s = p.toString()
  return s ? `?${s}` : ''
}
