import type { Light, Sweep, SweepRollup, SweepUnit } from '@rectify/schemas'
import type { SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { daysBetween } from '../../lib/dates.js'
import { sweepsRepository as repo, type SweepRow } from './sweeps.repository.js'

/**
 * The light of a sweep on `today`, on its due date alone: green when closed or when every target
 * (the caller can see) has reported; otherwise red past the due date, blue within `nearDays` of
 * it (the problems' near-deadline window, LIGHT_NEAR_DAYS), green before that.
 */
export function sweepLight(
  s: { status: string; dueDate: string; pending: number },
  today: string,
  nearDays: number,
): Light {
  if (s.status === 'closed' || s.pending === 0) return 'green'
  const left = daysBetween(today, s.dueDate)
  if (left < 0) return 'red'
  return left <= nearDays ? 'blue' : 'green'
}

/** The roll-up of a set of target rows and the child problems their findings opened. */
export function rollupOf(
  targets: readonly { status: string }[],
  findings: readonly { status: string }[],
): SweepRollup {
  const pending = targets.filter((t) => t.status === 'pending').length
  return {
    units: targets.length,
    reported: targets.length - pending,
    pending,
    noneFound: targets.filter((t) => t.status === 'none').length,
    findings: findings.length,
    childrenClosed: findings.filter((f) => f.status === 'closed').length,
  }
}

/**
 * Rows → sweeps, a page at a time (parents, targets and findings in one query each). Only the
 * targets `targetScope` lets through are shown and counted, with their findings.
 */
export async function toSweeps(
  db: DbOrTx,
  rows: readonly SweepRow[],
  targetScope: SQL | undefined,
  today: string,
  nearDays: number,
): Promise<Sweep[]> {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const [parents, targets, findings] = await Promise.all([
    repo.problems(db, [...new Set(rows.map((r) => r.problemId))]),
    repo.targets(db, ids, targetScope),
    repo.findings(db, ids),
  ])
  return rows.map((r) => {
    const mine = targets.filter((t) => t.sweepId === r.id)
    const shown = new Set(mine.map((t) => t.unitId))
    const found = findings.filter((f) => f.sweepId === r.id && shown.has(f.unitId))
    const units: SweepUnit[] = mine.map((t) => ({
      unit: { id: t.unitId, code: t.unitCode, name: t.unitName },
      status: t.status as SweepUnit['status'],
      reportedAt: t.reportedAt?.toISOString() ?? null,
      reportedBy: t.reportedAt ? { id: t.reportedBy, name: t.reportedByName ?? '' } : null,
      statement: t.statement,
      signedBy: t.signedBy,
      findings: found
        .filter((f) => f.unitId === t.unitId)
        .map(({ id, code, title, status }) => ({ id, code, title, status })),
    }))
    const rollup = rollupOf(mine, found)
    const parent = parents.find((p) => p.id === r.problemId)
    return {
      id: r.id,
      problem: {
        id: r.problemId,
        code: parent?.code ?? '',
        title: parent?.title ?? '',
        status: parent?.status ?? '',
      },
      title: r.title,
      instructions: r.instructions,
      dueDate: r.dueDate,
      status: r.status as Sweep['status'],
      light: sweepLight({ ...r, pending: rollup.pending }, today, nearDays),
      rollup,
      units,
      createdBy: r.createdByName !== null ? { id: r.createdBy, name: r.createdByName } : null,
      createdAt: r.createdAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      version: r.version,
    }
  })
}

/** The audit entry's sweep (problemId: the entry belongs to the parent problem's timeline). */
export function auditView(r: SweepRow, unitIds: readonly string[]) {
  return {
    problemId: r.problemId,
    title: r.title,
    instructions: r.instructions,
    dueDate: r.dueDate,
    status: r.status,
    unitIds,
  }
}
