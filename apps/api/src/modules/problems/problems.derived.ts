import { and, asc, eq, inArray, isNull, ne, or, sql, type Placeholder, type SQL } from 'drizzle-orm'
import type { LightInfo, ProblemStatus } from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { measures, milestones, problemUnits, problems, units } from '../../db/schema/index.js'
import type { Actor } from '../../lib/context.js'
import { likeEscape } from '../../lib/http.js'
import { emitEvent, type DomainEvent } from '../events/index.js'
import {
  DEFAULT_LIGHT_SETTINGS,
  problemLight,
  problemPlanned,
  type LightSettings,
  type MeasureFacts,
} from './lights.js'

/**
 * The object scope of problems (and everything hanging off one: measures, reports, files):
 * a unit user or unit-scoped client sees a problem when any unit it concerns — lead,
 * co-responsible, region or a measure's unit — lies in the actor's subtree.
 */
export function problemScope(
  actor: Actor,
  problemId: SQL | typeof problems.id = problems.id,
): SQL | undefined {
  const scope = readScope(actor)
  if (!scope) return sql`false`
  return scope.kind === 'all'
    ? undefined
    : underUnitPath(unitPathPattern(scope.unitPath), problemId)
}

/** Whose problems a read may see: all of them, or those concerning a unit path's subtree. */
export type Scope = { kind: 'all' } | { kind: 'under'; unitPath: string }

/** problemScope's rule as data (null: nothing, an account without a unit path). */
export function readScope(actor: Actor): Scope | null {
  if (actor.cityWide) return { kind: 'all' }
  return actor.unitPath ? { kind: 'under', unitPath: actor.unitPath } : null
}

/** The LIKE pattern of a unit path's subtree, as problemScope matches it. */
export function unitPathPattern(unitPath: string): string {
  return `${likeEscape(unitPath)}%`
}

/**
 * problemScope's condition for a subtree's pattern (unitPathPattern), given as a value or as a
 * prepared statement's placeholder.
 */
export function underUnitPath(
  pattern: string | Placeholder,
  problemId: SQL | typeof problems.id = problems.id,
): SQL {
  return sql`exists (select 1 from ${problemUnits} pu join ${units} u on u.id = pu.unit_id
    where pu.problem_id = ${problemId} and u.path like ${pattern})`
}

/**
 * Rewrites the derived unit links of a problem (lead, region, measure units) from its current
 * rows; co-responsible links (role `co`) are the source of truth and left alone.
 */
export async function syncProblemUnits(tx: DbOrTx, problemId: string): Promise<void> {
  await tx
    .delete(problemUnits)
    .where(and(eq(problemUnits.problemId, problemId), ne(problemUnits.role, 'co')))
  await tx.execute(sql`
    insert into ${problemUnits} (problem_id, unit_id, role)
    select id, lead_unit_id, 'lead' from ${problems} where id = ${problemId}
    union select id, region_id, 'region' from ${problems} where id = ${problemId} and region_id is not null
    union select problem_id, unit_id, 'measure' from ${measures} where problem_id = ${problemId}
    on conflict do nothing`)
}

/** Loads the plan facts the lights need, for many problems at once (two queries). */
async function loadFacts(tx: DbOrTx, ids: string[]) {
  const ms = await tx
    .select()
    .from(measures)
    .where(inArray(measures.problemId, ids))
    .orderBy(asc(measures.seq))
  const mls = ms.length
    ? await tx
        .select()
        .from(milestones)
        .where(
          inArray(
            milestones.measureId,
            ms.map((m) => m.id),
          ),
        )
        .orderBy(asc(milestones.seq))
    : []
  const byMeasure = new Map<string, MeasureFacts['milestones']>()
  for (const x of mls) {
    const list = byMeasure.get(x.measureId) ?? []
    list.push({ name: x.name, dueDate: x.dueDate, weight: x.weight, doneDate: x.doneDate })
    byMeasure.set(x.measureId, list)
  }
  const byProblem = new Map<string, MeasureFacts[]>()
  for (const m of ms) {
    const list = byProblem.get(m.problemId) ?? []
    list.push({
      id: m.id,
      startDate: m.startDate,
      deadline: m.deadline,
      weight: m.weight,
      status: m.status as MeasureFacts['status'],
      percent: m.percent,
      milestones: byMeasure.get(m.id) ?? [],
    })
    byProblem.set(m.problemId, list)
  }
  return byProblem
}

/** The status, deadline and reported progress of a problem: what its light needs besides the plan. */
export interface DerivedInput {
  id: string
  status: string
  deadline: string
  reportedProgress: number
}

export interface Derived {
  plannedProgress: number
  light: LightInfo
}

/**
 * Planned progress and light of the given problems on `date`, computed without writing (a GET
 * whose stored light is from another day answers with this). Two queries for any number.
 */
export async function computeDerived(
  tx: DbOrTx,
  rows: readonly DerivedInput[],
  date: string,
  settings: LightSettings = DEFAULT_LIGHT_SETTINGS,
): Promise<Map<string, Derived>> {
  const out = new Map<string, Derived>()
  if (!rows.length) return out
  const facts = await loadFacts(
    tx,
    rows.map((r) => r.id),
  )
  for (const r of rows) {
    const p = {
      status: r.status as ProblemStatus,
      deadline: r.deadline,
      reportedProgress: r.reportedProgress,
      measures: facts.get(r.id) ?? [],
    }
    out.set(r.id, {
      plannedProgress: problemPlanned(p, date),
      light: problemLight(p, date, settings),
    })
  }
  return out
}

/**
 * Recomputes planned progress and the light of the given problems for `date` and stores them.
 * Derived data: neither the version nor updated_at changes, and nothing is audited. A light
 * that changes colour emits `problem.light_changed` (one multi-row insert for the whole batch).
 */
export async function refreshDerived(
  tx: DbOrTx,
  ids: string[],
  date: string,
  settings: LightSettings = DEFAULT_LIGHT_SETTINGS,
): Promise<void> {
  if (!ids.length) return
  const rows = await tx
    .select({
      id: problems.id,
      status: problems.status,
      deadline: problems.deadline,
      reportedProgress: problems.reportedProgress,
      light: problems.light,
      leadUnitId: problems.leadUnitId,
      code: problems.code,
      title: problems.title,
    })
    .from(problems)
    .where(inArray(problems.id, ids))
  const derived = await computeDerived(tx, rows, date, settings)
  const changed: DomainEvent[] = []
  for (const r of rows) {
    const to = derived.get(r.id)?.light.color
    if (to && to !== r.light)
      changed.push({
        type: 'problem.light_changed',
        entityType: 'problem',
        entityId: r.id,
        unitId: r.leadUnitId,
        data: { problemId: r.id, code: r.code, title: r.title, from: r.light, to, date },
      })
  }
  await emitEvent(tx, ...changed)
  for (const [id, d] of derived) {
    await tx
      .update(problems)
      .set({
        plannedProgress: d.plannedProgress,
        light: d.light.color,
        lightReasons: d.light.reasons,
        lightAsOf: date,
      })
      .where(eq(problems.id, id))
  }
}

/**
 * Brings every problem's light up to `date` (run at start and whenever the Asia/Shanghai date
 * changes), in batches so a province-sized ledger never holds one long transaction. Stops
 * between batches when `signal` aborts (the server is closing).
 */
export async function refreshStaleLights(
  db: Db,
  date: string,
  settings: LightSettings = DEFAULT_LIGHT_SETTINGS,
  opts: { batch?: number; signal?: AbortSignal } = {},
): Promise<number> {
  let done = 0
  for (;;) {
    if (opts.signal?.aborted) return done
    const stale = await db
      .select({ id: problems.id })
      .from(problems)
      .where(or(isNull(problems.lightAsOf), ne(problems.lightAsOf, date)))
      .limit(opts.batch ?? 500)
    if (!stale.length) return done
    await db.transaction((tx) =>
      refreshDerived(
        tx,
        stale.map((s) => s.id),
        date,
        settings,
      ),
    )
    done += stale.length
  }
}
