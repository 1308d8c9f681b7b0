import type {
  BoardProblem,
  DispatchBoard,
  DispatchProblemRef,
  DispatchSummary,
} from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import type { Actor } from '../../lib/context.js'
import { canSeeUnitPath } from '../../lib/scope.js'
import { summaryBucket } from '../problems/index.js'
import { problemScope } from '../problems/index.js'
import { dispatchRepository as repo } from './dispatch.repository.js'

/**
 * Who has to report for a period and who has: the in_progress problems of the round within the
 * actor's scope, and for each the units expected to report (the lead unit and the measures'
 * units; a unit user sees only those of its subtree) with whether each has a live report.
 */
export async function computeBoard(
  db: DbOrTx,
  actor: Actor,
  roundId: string,
  period: string,
  today: string,
): Promise<DispatchBoard> {
  const rows = await repo.roundProblems(db, roundId, today, problemScope(actor), ['in_progress'])
  const ids = rows.map((r) => r.id)
  const [measureUnits, leads, live] = await Promise.all([
    repo.measureUnits(db, ids),
    repo.unitsByIds(db, [...new Set(rows.map((r) => r.leadUnitId))]),
    repo.liveReports(db, ids, period),
  ])
  const reported = new Set(live.map((l) => `${l.problemId}:${l.unitId}`))
  const leadPath = new Map(leads.map((u) => [u.id, u.path]))
  const byProblem = new Map<string, typeof measureUnits>()
  for (const m of measureUnits)
    byProblem.set(m.problemId, [...(byProblem.get(m.problemId) ?? []), m])

  const problems: BoardProblem[] = []
  const missing = new Map<string, { unitId: string; unitName: string; problems: number }>()
  let done = 0
  let notDone = 0
  for (const r of rows) {
    const expected: BoardProblem['units'] = []
    const add = (unitId: string, unitName: string, path: string, role: 'lead' | 'measure') => {
      if (expected.some((u) => u.unitId === unitId) || !canSeeUnitPath(actor, path)) return
      expected.push({ unitId, unitName, role, reported: reported.has(`${r.id}:${unitId}`) })
    }
    add(r.leadUnitId, r.leadUnitName, leadPath.get(r.leadUnitId) ?? '', 'lead')
    for (const m of byProblem.get(r.id) ?? []) add(m.unitId, m.unitName, m.path, 'measure')
    if (!expected.length) continue
    for (const u of expected) {
      if (u.reported) done++
      else {
        notDone++
        const entry = missing.get(u.unitId) ?? {
          unitId: u.unitId,
          unitName: u.unitName,
          problems: 0,
        }
        entry.problems++
        missing.set(u.unitId, entry)
      }
    }
    problems.push({
      id: r.id,
      code: r.code,
      title: r.title,
      leadUnitName: r.leadUnitName,
      light: r.light,
      deadline: r.deadline,
      units: expected,
    })
  }
  return {
    problems,
    reported: done,
    notReported: notDone,
    notReportedUnits: [...missing.values()].sort(
      (a, b) => b.problems - a.problems || a.unitName.localeCompare(b.unitName, 'zh-CN'),
    ),
  }
}

/**
 * The figures reported upward when a period closes, over the whole round (the office closes it):
 * the summary sentence's buckets as modules/problems/overview.service.ts counts them, overdue,
 * and the problems with a unit that has not reported — each with its list.
 */
export async function computeSummary(
  db: DbOrTx,
  actor: Actor,
  roundId: string,
  period: string,
  today: string,
): Promise<DispatchSummary> {
  const rows = await repo.roundProblems(db, roundId, today, undefined)
  const board = await computeBoard(db, actor, roundId, period, today)
  const lists: DispatchSummary['lists'] = {
    completed: [],
    onSchedule: [],
    behind: [],
    overdue: [],
    notReported: [],
    closedNotRectified: [],
  }
  const refs = new Map<string, DispatchProblemRef>()
  for (const r of rows) {
    const ref: DispatchProblemRef = {
      id: r.id,
      code: r.code,
      title: r.title,
      leadUnitId: r.leadUnitId,
      leadUnitName: r.leadUnitName,
      light: r.light,
    }
    refs.set(r.id, ref)
    const bucket = summaryBucket(r)
    if (bucket) lists[bucket].push(ref)
    if (r.overdue) lists.overdue.push(ref)
  }
  for (const p of board.problems)
    if (p.units.some((u) => !u.reported)) lists.notReported.push(refs.get(p.id)!)
  return {
    asOf: today,
    total: rows.length,
    completed: lists.completed.length,
    onSchedule: lists.onSchedule.length,
    behind: lists.behind.length,
    overdue: lists.overdue.length,
    notReported: lists.notReported.length,
    closedNotRectified: lists.closedNotRectified.length,
    lists,
  }
}
