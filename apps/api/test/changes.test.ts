import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Change, ChangePage } from '@rectify/schemas'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { changesRepository } from '../src/modules/changes/changes.repository.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { apiClient, makeRound } from './ledger-factories.js'
import { makeBatch, makeCase } from './petition-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
type Api = Awaited<ReturnType<typeof as>>
let office: Api
let round: { id: string }
const today = shanghaiDate()
/** Writers and pollers at once; on PostgreSQL they interleave over the pool's connections. */
const WRITERS = 4
const STEPS = 4

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  office = await as(t.app, world.users.office)
  round = await makeRound(t.database.db)
})
afterAll(() => t.close())

const rows = async <T>(q: ReturnType<typeof sql>) => {
  const r = (await t.database.db.execute(q)) as unknown as { rows?: T[] } | T[]
  return (Array.isArray(r) ? r : r.rows!) as T[]
}

async function page(api: Api, after?: string, limit = 7) {
  const res = await api.get(`/api/v1/changes?limit=${limit}${after ? `&after=${after}` : ''}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<ChangePage>()
}

/**
 * An integrator: polls the feed and follows its links, keeping the problems it may read with
 * their versions and measures, and the petitions. A problem deleted for it takes its measures.
 */
class Follower {
  cursor: string | undefined
  seen: Change[] = []
  problems = new Map<string, { version: number; measures: Set<string> }>()
  petitions = new Map<string, number>()
  constructor(readonly api: Api) {}

  async poll(): Promise<void> {
    for (;;) {
      const p = await page(this.api, this.cursor)
      for (const c of p.items) await this.apply(c)
      this.cursor = p.nextCursor
      if (!p.hasMore) return
    }
  }

  private async refetchProblem(id: string) {
    const res = await this.api.get(`/api/v1/problems/${id}`)
    if (res.statusCode === 404) return void this.problems.delete(id)
    expect(res.statusCode).toBe(200)
    const ms = await this.api.get(`/api/v1/problems/${id}/measures`)
    if (ms.statusCode === 404) return void this.problems.delete(id)
    this.problems.set(id, {
      version: res.json<{ version: number }>().version,
      measures: new Set(ms.json<{ items: { id: string }[] }>().items.map((m) => m.id)),
    })
  }

  private async apply(c: Change) {
    this.seen.push(c)
    if (c.type === 'problem') {
      if (c.action === 'deleted') this.problems.delete(c.id)
      else await this.refetchProblem(c.id)
    } else if (c.type === 'measure') {
      if (c.action === 'deleted') this.problems.get(c.problemId!)?.measures.delete(c.id)
      else await this.refetchProblem(c.problemId!)
    } else if (c.type === 'petition') {
      if (c.action === 'deleted') return void this.petitions.delete(c.id)
      const res = await this.api.get(c.href!)
      if (res.statusCode === 404) this.petitions.delete(c.id)
      else this.petitions.set(c.id, res.json<{ version: number }>().version)
    }
  }

  /** What the lists say the caller may read now. */
  async truth() {
    const problems = new Map<string, { version: number; measures: Set<string> }>()
    let cursor = ''
    do {
      const res = await this.api.get(`/api/v1/problems?limit=200${cursor && `&cursor=${cursor}`}`)
      const p = res.json<{ items: { id: string; version: number }[]; nextCursor: string | null }>()
      for (const x of p.items) {
        const ms = await this.api.get(`/api/v1/problems/${x.id}/measures`)
        problems.set(x.id, {
          version: x.version,
          measures: new Set(ms.json<{ items: { id: string }[] }>().items.map((m) => m.id)),
        })
      }
      cursor = p.nextCursor ?? ''
    } while (cursor)
    return problems
  }
}

const sorted = (m: Map<string, { version: number; measures: Set<string> }>) =>
  [...m.entries()]
    .map(([id, v]) => ({ id, version: v.version, measures: [...v.measures].sort() }))
    .sort((a, b) => a.id.localeCompare(b.id))

/** Which counties ever could see each problem (lead, co or measure unit in their subtree). */
const everIn = new Map<string, Set<string>>()
const mark = (problemId: string, ...unitIds: string[]) => {
  const s = everIn.get(problemId) ?? new Set<string>()
  for (const u of unitIds) s.add(u)
  everIn.set(problemId, s)
}

/** One writer: creates a problem, gives it a measure, moves it between counties, removes the measure. */
async function writer(i: number) {
  const { countyA, countyB, townA } = world.units
  const first = i % 3 === 0 ? [countyA.id] : i % 3 === 1 ? [countyB.id] : []
  const created = await office.post('/api/v1/problems', {
    roundId: round.id,
    code: `反馈问题第${uuidv7().slice(-8)}项`,
    title: `并发写入问题${i}`,
    description: '',
    source: 'feedback',
    nature: 'individual',
    domain: 'water',
    mode: 'time_bound',
    deadline: addDays(today, 120),
    leadUnitId: world.units.eeb.id,
    coUnitIds: first,
  })
  expect(created.statusCode, created.body).toBe(201)
  const id = created.json<{ id: string }>().id
  mark(id, ...first)
  let version = 1
  for (let step = 0; step < STEPS; step++) {
    const unit = [countyA, countyB, townA][(i + step) % 3]!
    mark(id, unit.id)
    const m = await office.post(`/api/v1/problems/${id}/measures`, {
      content: `措施${step}`,
      unitId: unit.id,
      startDate: today,
      deadline: addDays(today, 60),
    })
    expect(m.statusCode, m.body).toBe(201)
    const co = step % 2 === 0 ? [] : [[countyA, countyB][(i + step) % 2]!.id]
    mark(id, ...co)
    const patched = await office.patch(
      `/api/v1/problems/${id}`,
      { coUnitIds: co, title: `并发写入问题${i}-${step}` },
      { 'if-match': `"${version}"` },
    )
    expect(patched.statusCode, patched.body).toBe(200)
    version = patched.json<{ version: number }>().version
    if (step % 2 === 1) {
      const measure = m.json<{ id: string; version: number }>()
      const del = await office.delete(`/api/v1/measures/${measure.id}`, {
        'if-match': `"${measure.version}"`,
      })
      expect(del.statusCode, del.body).toBe(204)
    }
  }
}

describe('the change feed', () => {
  it('brings every follower to exactly what it may read, under concurrent writers', async () => {
    const users = world.users
    const followers = {
      office: new Follower(office),
      unitA: new Follower(await as(t.app, users.unitA)),
      unitB: new Follower(await as(t.app, users.unitB)),
      townA: new Follower(await as(t.app, users.townA)),
      clientA: new Follower(
        await apiClient(
          t.app,
          users.admin,
          ['changes:read', 'problems:read'],
          world.units.countyA.id,
        ),
      ),
    }
    let done = false
    const polling = Object.values(followers).map(async (f) => {
      while (!done) {
        await f.poll()
        await new Promise((r) => setTimeout(r, 20))
      }
      await f.poll()
    })
    try {
      await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)))
    } finally {
      done = true
      await Promise.all(polling)
    }

    for (const [name, f] of Object.entries(followers)) {
      expect(sorted(f.problems), name).toEqual(sorted(await f.truth()))
      // Commit order: cursors only grow.
      const seqs = f.seen.map((c) =>
        BigInt(JSON.parse(Buffer.from(c.cursor, 'base64url').toString())[0]),
      )
      for (let k = 1; k < seqs.length; k++) expect(seqs[k]! > seqs[k - 1]!, name).toBe(true)
    }
    // Nothing missed: the city-wide follower saw every change the feed holds, once.
    const all = await rows<{ seq: string }>(
      sql`select seq::text seq from changes where entity_type in ('problem','measure') order by changes.seq`,
    )
    const officeSeqs = followers.office.seen.map(
      (c) => JSON.parse(Buffer.from(c.cursor, 'base64url').toString())[0] as string,
    )
    expect(officeSeqs).toEqual(all.map((r) => r.seq))
    // Nothing out of scope: a county's follower only ever heard of problems its subtree reached.
    const { countyA, countyB } = world.units
    for (const [name, unit] of [
      ['unitA', countyA],
      ['clientA', countyA],
      ['unitB', countyB],
    ] as const)
      for (const c of followers[name].seen) {
        const problemId = c.type === 'problem' ? c.id : c.problemId!
        const reached = [...(everIn.get(problemId) ?? [])]
        const paths = await rows<{ path: string }>(
          sql`select path from units where id = any(${`{${reached.join(',')}}`}::uuid[])`,
        )
        expect(
          paths.some((p) => p.path.startsWith(unit.path)),
          `${name} heard of ${problemId}`,
        ).toBe(true)
      }
    // Deletions reached the county followers as such.
    expect(followers.unitB.seen.some((c) => c.action === 'deleted')).toBe(true)
  }, 180_000)

  it('gives a problem a change with its measure only when the measure widened its reach', async () => {
    const created = await office.post('/api/v1/problems', {
      roundId: round.id,
      code: `反馈问题第${uuidv7().slice(-8)}项`,
      title: '范围变化',
      description: '',
      source: 'feedback',
      nature: 'individual',
      domain: 'water',
      mode: 'time_bound',
      deadline: addDays(today, 120),
      leadUnitId: world.units.eeb.id,
      coUnitIds: [],
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json<{ id: string }>().id
    const feed = () =>
      rows<{ type: string; action: string }>(
        sql`select entity_type type, action from changes
          where entity_id = ${id} or problem_id = ${id} order by seq`,
      )
    const measure = async (unitId: string) => {
      const m = await office.post(`/api/v1/problems/${id}/measures`, {
        content: '措施',
        unitId,
        startDate: today,
        deadline: addDays(today, 60),
      })
      expect(m.statusCode, m.body).toBe(201)
    }
    await measure(world.units.eeb.id)
    const before = (await feed()).length
    await measure(world.units.countyA.id)
    await measure(world.units.countyA.id)
    // The county's first measure lets the county read the problem; its second changes nothing.
    expect((await feed()).slice(before)).toEqual([
      { type: 'measure', action: 'created' },
      { type: 'problem', action: 'updated' },
      { type: 'measure', action: 'created' },
    ])
  })

  it('shows petitions to case readers only, and a reassignment as leaving one unit for another', async () => {
    const batch = await makeBatch(t.database.db, { round })
    const c = await makeCase(t.database.db, { batch })
    const unitA = new Follower(await as(t.app, world.users.unitA))
    const unitB = new Follower(await as(t.app, world.users.unitB))
    const admin = new Follower(await as(t.app, world.users.admin))
    for (const f of [unitA, unitB, admin]) await f.poll()
    const assign = (unitId: string) =>
      office.post('/api/v1/petitions/assign', { petitionIds: [c.id], unitId })
    expect((await assign(world.units.countyA.id)).statusCode).toBe(200)
    await unitA.poll()
    expect([...unitA.petitions.keys()]).toEqual([c.id])
    expect((await assign(world.units.countyB.id)).statusCode).toBe(200)
    for (const f of [unitA, unitB, admin]) await f.poll()
    expect(unitA.petitions.size).toBe(0)
    expect(unitA.seen.at(-1)).toMatchObject({
      type: 'petition',
      id: c.id,
      action: 'deleted',
      version: null,
      href: null,
    })
    expect(unitB.seen.at(-1)).toMatchObject({ type: 'petition', id: c.id, action: 'created' })
    expect([...unitB.petitions.keys()]).toEqual([c.id])
    // The admin reads no petition cases, so the feed never names one to it.
    expect(admin.seen.filter((x) => x.type === 'petition')).toEqual([])
  }, 120_000)

  it('shows a client without read scopes nothing, but moves its cursor on', async () => {
    const bare = await apiClient(t.app, world.users.admin, ['changes:read'])
    const p = await page(bare)
    expect(p.items).toEqual([])
    expect(p.retentionDays).toBe(30)
    expect(p.nextCursor).toBeTruthy()
    const none = await apiClient(t.app, world.users.admin, ['problems:read'])
    expect((await none.get('/api/v1/changes')).statusCode).toBe(403)
  })

  it('answers 410 cursor_expired for a cursor older than the retention, after a purge', async () => {
    const start = await page(office, undefined, 1)
    const [{ max }] = (await rows<{ max: string }>(
      sql`select max(seq)::text max from changes`,
    )) as [{ max: string }]
    await t.database.db.execute(
      sql`update changes set at = now() - interval '31 days' where seq <= ${max}::bigint`,
    )
    // One more change after the old ones.
    await writer(99)
    expect(await changesRepository.purge(t.database.db, 30)).toBeGreaterThan(0)
    const res = await office.get(`/api/v1/changes?after=${start.items[0]!.cursor}`)
    expect(res.statusCode).toBe(410)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json()).toMatchObject({ code: 'cursor_expired', status: 410 })
    // The newest purged position is still a valid place to resume from.
    const latest = Buffer.from(JSON.stringify([max])).toString('base64url')
    const ok = await page(office, latest, 200)
    expect(ok.items.length).toBeGreaterThan(0)
    expect(ok.items.every((c) => new Date(c.at) > new Date(Date.now() - 86_400_000))).toBe(true)
  })

  it('filters the main lists by updatedSince', async () => {
    const ids = async (url: string) =>
      (await office.get(url)).json<{ items: { id: string }[] }>().items.map((x) => x.id)
    const before = await ids('/api/v1/problems?limit=200')
    await new Promise((r) => setTimeout(r, 10))
    const since = new Date().toISOString()
    expect(await ids(`/api/v1/problems?updatedSince=${since}`)).toEqual([])
    await writer(100)
    const changed = await ids(`/api/v1/problems?limit=200&updatedSince=${since}`)
    expect(changed).toHaveLength(1)
    expect(before).not.toContain(changed[0])
    for (const list of ['reports', 'petitions', 'notices'])
      expect((await office.get(`/api/v1/${list}?updatedSince=${since}`)).statusCode).toBe(200)
    expect((await office.get('/api/v1/problems?updatedSince=yesterday')).statusCode).toBe(400)
  })

  it('refuses a malformed cursor with 400', async () => {
    expect((await office.get('/api/v1/changes?after=garbage')).statusCode).toBe(400)
    const neg = Buffer.from(JSON.stringify(['-1'])).toString('base64url')
    expect((await office.get(`/api/v1/changes?after=${neg}`)).statusCode).toBe(400)
  })
})
