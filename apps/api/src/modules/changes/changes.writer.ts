import { and, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { changeHeads, type changes } from '../../db/schema/index.js'
import { send } from '../../lib/commit-hooks.js'

/** The entity types the change feed carries (GET /changes). */
export const FEED_TYPES = ['problem', 'measure', 'report', 'petition', 'notice'] as const
export type FeedType = (typeof FEED_TYPES)[number]

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Audit entries that record a read (an export, a viewed complainant), not a change. */
const READS = /^export\.|_exported$|_viewed$/

/** What the writer needs of one audit entry about to be appended. */
export interface AuditedChange {
  /** Its position among the entries the transaction appends (0-based). */
  entry: number
  action: string
  entityType: string
  entityId: string | null
}

/** A change-feed row, but for its `seq` and `audit_seq` that the chain's append gives it. */
export type FeedRow = Omit<typeof changes.$inferInsert, 'seq' | 'at' | 'auditSeq'> & {
  /** The audit entry (AuditedChange.entry) whose seq the change carries. */
  entry: number
}

interface Current {
  id: string
  version: number
  reach: string[]
  problem_id: string | null
  /** A measure's or report's problem's version, read with it (its reach is the child's). */
  problem_version?: number | null
}

/** Ids (checked UUIDs) as one uuid[] parameter, not one parameter each. */
const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`

/**
 * An entity's state now, inside the writing transaction: its version, the units whose subtree may
 * read it (the same rules as problemScope, petitionScope and the notices' scope) and its problem.
 */
function currentOf(type: FeedType, ids: string[]) {
  const list = uuids(ids)
  const problemReach = (col: string) =>
    sql.raw(`array(select unit_id from problem_units where problem_id = ${col} order by unit_id)`)
  switch (type) {
    case 'problem':
      return sql`select id, version, ${problemReach('p.id')} reach, id problem_id
        from problems p where id = any(${list})`
    case 'measure':
      return sql`select id, version, ${problemReach('m.problem_id')} reach, problem_id,
        (select version from problems where id = m.problem_id) problem_version
        from measures m where id = any(${list})`
    case 'report':
      return sql`select id, version, ${problemReach('r.problem_id')} reach, problem_id,
        (select version from problems where id = r.problem_id) problem_version
        from progress_reports r where id = any(${list})`
    case 'petition':
      return sql`select id, version, array_remove(array[handling_unit_id], null) reach,
        null::uuid problem_id from petitions where id = any(${list})`
    case 'notice':
      return sql`select id, version, array[unit_id] reach, null::uuid problem_id
        from notices where id = any(${list})`
  }
}

interface Head {
  entity_type: string
  entity_id: string
  reach: string[]
  problem_id: string | null
}

/**
 * The heads of the touched entities and of the problems their measures and reports belong to
 * (an implied change compares its problem's reach with the problem's head), in one statement.
 */
function headsOf(byType: Map<FeedType, string[]>) {
  const keys = [...byType].flatMap(([type, ids]) => ids.map((id) => ({ type, id })))
  const types = `{${keys.map((k) => k.type).join(',')}}`
  const parents = (['measure', 'report'] as const)
    .filter((type) => byType.has(type))
    .map(
      (type) =>
        sql`select problem_id from ${sql.raw(type === 'measure' ? 'measures' : 'progress_reports')}
          where id = any(${uuids(byType.get(type)!)})`,
    )
  const byParent = parents.length
    ? sql` union all select * from change_heads where entity_type = 'problem'
        and entity_id in (${sql.join(parents, sql` union all `)})`
    : sql``
  return sql`select * from change_heads where (entity_type, entity_id) in
      (select * from unnest(${types}::text[], ${uuids(keys.map((k) => k.id))}))${byParent}`
}

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[]
const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join()

/**
 * The change-feed rows for the audit entries a transaction is about to append, read at its end
 * (the entities' state as it commits), with `change_heads` brought up to date. Called by the
 * audit writer only, before the chain's append (which inserts these rows under the chain's lock,
 * so `changes.seq` follows commit order): every audited write of a feed entity lands in the feed
 * without its service doing anything. A measure's or report's write also re-checks its problem,
 * whose reach a measure unit changes; the problem gets a change only when its reach did change.
 * The heads need no global lock: a write to an entity holds the entity's row until it commits.
 */
export async function feedRows(tx: DbOrTx, entries: AuditedChange[]): Promise<FeedRow[]> {
  const touched = new Map<string, { type: FeedType; id: string; entry: number }>()
  for (const e of entries) {
    if (!e.entityId || !UUID.test(e.entityId) || READS.test(e.action)) continue
    if (!(FEED_TYPES as readonly string[]).includes(e.entityType)) continue
    const type = e.entityType as FeedType
    touched.set(`${type}:${e.entityId}`, { type, id: e.entityId, entry: e.entry })
  }
  if (!touched.size) return []

  const current = new Map<string, Current>()
  const byType = new Map<FeedType, string[]>()
  for (const t of touched.values()) {
    const ids = byType.get(t.type)
    if (ids) ids.push(t.id)
    else byType.set(t.type, [t.id])
  }
  // The entities' state and their heads (with the heads of the measures' and reports' problems,
  // found by the same ids) are read at once: one round trip on a pipelined connection.
  const [states, headRows] = await Promise.all([
    Promise.all([...byType].map(([type, ids]) => tx.execute(currentOf(type, ids)))),
    tx.execute(headsOf(byType)),
  ])
  for (const [i, type] of [...byType.keys()].entries())
    for (const r of rowsOf<Current>(states[i])) current.set(`${type}:${r.id}`, r)

  // A measure's or report's problem, checked for a changed reach (implied changes). Its state
  // came with the child's row: the same statement, so the same snapshot, and the same reach.
  const implied = new Map<string, number>()
  for (const t of touched.values()) {
    const child = current.get(`${t.type}:${t.id}`)
    const pid = child?.problem_id
    if (t.type === 'problem' || !pid || touched.has(`problem:${pid}`)) continue
    implied.set(pid, t.entry)
    if (child.problem_version != null && !current.has(`problem:${pid}`))
      current.set(`problem:${pid}`, {
        id: pid,
        version: child.problem_version,
        reach: child.reach,
        problem_id: pid,
      })
  }

  const heads = new Map<string, { reach: string[]; problemId: string | null }>()
  for (const h of rowsOf<Head>(headRows))
    heads.set(`${h.entity_type}:${h.entity_id}`, { reach: h.reach, problemId: h.problem_id })

  // A deleted measure or report was read through its problem: whoever may read the problem now
  // must hear of the deletion, even if the problem's reach grew after the child's last change.
  const parents = new Set<string>()
  for (const t of touched.values()) {
    const pid = heads.get(`${t.type}:${t.id}`)?.problemId
    if (t.type !== 'problem' && !current.has(`${t.type}:${t.id}`) && pid) parents.add(pid)
  }
  const missing = [...parents].filter((id) => !current.has(`problem:${id}`))
  if (missing.length)
    for (const r of rowsOf<Current>(await tx.execute(currentOf('problem', missing))))
      current.set(`problem:${r.id}`, r)

  const rows: FeedRow[] = []
  const add = (type: FeedType, id: string, entry: number, onlyIfReachChanged: boolean) => {
    const key = `${type}:${id}`
    const cur = current.get(key)
    const head = heads.get(key)
    if (onlyIfReachChanged && cur && head && sameSet(cur.reach, head.reach)) return
    rows.push({
      entityType: type,
      entityId: id,
      action: !cur ? 'deleted' : head ? 'updated' : 'created',
      version: cur?.version ?? null,
      problemId: type === 'problem' ? null : (cur?.problem_id ?? head?.problemId ?? null),
      reach: cur?.reach ?? [],
      prevReach:
        !cur && head?.problemId && type !== 'problem'
          ? [
              ...new Set([
                ...head.reach,
                ...(current.get(`problem:${head.problemId}`)?.reach ?? []),
              ]),
            ]
          : (head?.reach ?? []),
      entry,
    })
  }
  for (const t of touched.values()) add(t.type, t.id, t.entry, false)
  for (const [id, entry] of implied) add('problem', id, entry, true)
  if (!rows.length) return []

  const deleted = rows.filter((r) => r.action === 'deleted')
  for (const [type, ids] of groupIds(deleted.map((r) => ({ type: r.entityType, id: r.entityId }))))
    await tx
      .delete(changeHeads)
      .where(
        and(
          sql`${changeHeads.entityType} = ${type}`,
          sql`${changeHeads.entityId} = any(${uuids(ids)})`,
        ),
      )
  const live = rows.filter((r) => r.action !== 'deleted')
  if (live.length) {
    const json = JSON.stringify(
      live.map((r) => ({
        entity_type: r.entityType,
        entity_id: r.entityId,
        reach: r.reach,
        problem_id: r.problemId ?? null,
      })),
    )
    // Nobody reads its answer: sent in front of the chain's append (lib/commit-hooks.ts send).
    await send(
      tx,
      tx.execute(sql`
      insert into ${changeHeads} (entity_type, entity_id, reach, problem_id)
      select entity_type, entity_id, reach, problem_id
      from jsonb_populate_recordset(null::change_heads, ${json}::jsonb)
      on conflict (entity_type, entity_id) do update
        set reach = excluded.reach, problem_id = excluded.problem_id`),
    )
  }
  return rows
}

function groupIds(keys: { type: string; id: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const k of keys) {
    const ids = out.get(k.type)
    if (ids) ids.push(k.id)
    else out.set(k.type, [k.id])
  }
  return out
}
