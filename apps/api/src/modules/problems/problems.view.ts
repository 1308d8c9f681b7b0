import type { Problem, UnitRef } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import type { FieldCipher } from '../../lib/crypto/field-cipher.js'
import { isOverdue, type LightSettings } from './lights.js'
import { computeDerived } from './problems.derived.js'
import { auditPhones, openPhones, withoutPhones } from './problems.persons.js'
import { problemsRepository as repo, type ProblemRow } from './problems.repository.js'
import { unitRefs } from '../units/index.js'

/**
 * Rows → the API's Problem: embedded unit refs for a whole page in one query, and the derived
 * fields for `today`. A light stored for another day (the refresher has not run yet) is computed
 * on the fly for the answer and not written: a GET never writes. `phones`: the cipher that opens
 * the responsible persons' phones, for the paths that show them; `null` leaves them out.
 */
export async function toProblems(
  db: DbOrTx,
  rows: readonly ProblemRow[],
  today: string,
  settings: LightSettings,
  phones: FieldCipher | null,
  /** The refs of every unit the rows name, when the caller's statement read them already. */
  known?: readonly UnitRef[],
): Promise<Problem[]> {
  if (!rows.length) return []
  const ids = new Set<string>()
  for (const r of rows) {
    ids.add(r.leadUnitId)
    if (r.regionId) ids.add(r.regionId)
    for (const u of r.coUnitIds) ids.add(u)
  }
  const stale = rows.filter((r) => r.lightAsOf !== today)
  const [refs, derived] = await Promise.all([
    known ?? unitRefs(db, [...ids]),
    computeDerived(db, stale, today, settings),
  ])
  const byId = new Map<string, UnitRef>(
    refs.map((u) => [u.id, { id: u.id, code: u.code, name: u.name }]),
  )
  const ref = (id: string): UnitRef => byId.get(id) ?? { id, code: '', name: '' }
  return rows.map((r) => {
    const d = derived.get(r.id)
    return {
      id: r.id,
      roundId: r.roundId,
      code: r.code,
      title: r.title,
      description: r.description,
      source: r.source as Problem['source'],
      nature: r.nature as Problem['nature'],
      domain: r.domain as Problem['domain'],
      region: r.regionId ? ref(r.regionId) : null,
      mode: r.mode as Problem['mode'],
      target: r.target,
      deadline: r.deadline,
      originalDeadline: r.originalDeadline,
      leadLeader: (r.leadLeader as Problem['leadLeader']) ?? null,
      leadUnit: ref(r.leadUnitId),
      coUnits: r.coUnitIds.map(ref).sort((a, b) => a.code.localeCompare(b.code)),
      collectiveUnits: r.collectiveUnits,
      responsiblePersons: phones
        ? openPhones(phones, r.responsiblePersons)
        : withoutPhones(r.responsiblePersons),
      parentId: r.parentId,
      public: r.public,
      status: r.status as Problem['status'],
      rebound: r.rebound,
      outcome: (r.outcome as Problem['outcome']) ?? null,
      closedOn: r.closedOn,
      plannedProgress: d ? d.plannedProgress : r.plannedProgress,
      reportedProgress: r.reportedProgress,
      overdue: isOverdue(r.status as Problem['status'], r.deadline, today),
      light: d
        ? d.light
        : {
            color: r.light as Problem['light']['color'],
            reasons: r.lightReasons as Problem['light']['reasons'],
            asOf: r.lightAsOf!,
          },
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }
  })
}

export async function toProblem(
  db: DbOrTx,
  row: ProblemRow,
  today: string,
  settings: LightSettings,
  phones: FieldCipher | null,
): Promise<Problem> {
  return (await toProblems(db, [row], today, settings, phones))[0]!
}

/** A problem as the API shows it, read afresh (after a write, for its answer and audit entry). */
export async function readProblem(
  db: DbOrTx,
  id: string,
  today: string,
  settings: LightSettings,
  phones: FieldCipher | null,
): Promise<Problem> {
  return toProblem(db, (await repo.findById(db, id))!, today, settings, phones)
}

/** Problems by id as the API shows them, in no particular order. */
export async function readProblems(
  db: DbOrTx,
  ids: string[],
  today: string,
  settings: LightSettings,
  phones: FieldCipher | null,
): Promise<Problem[]> {
  return toProblems(db, await repo.findMany(db, ids), today, settings, phones)
}

/**
 * The fields of a problem an audit entry records: the record itself, not what is derived from
 * it, with each responsible person's phone as its keyed hash (problems.persons.ts).
 */
export function auditView(p: Problem, cipher: FieldCipher): Record<string, unknown> {
  const {
    light: _l,
    plannedProgress: _p,
    reportedProgress: _r,
    overdue: _o,
    updatedAt: _u,
    createdAt: _c,
    version: _v,
    ...rest
  } = p
  return {
    ...rest,
    region: p.region?.id ?? null,
    leadUnit: p.leadUnit.id,
    coUnits: p.coUnits.map((u) => u.id),
    responsiblePersons: auditPhones(cipher, p.responsiblePersons),
  }
}
