import type {
  Acceptance,
  AcceptanceLevel,
  AcceptanceReview,
  Closeout,
  CriterionCheck,
  Publicity,
  ReboundReview,
  UnitRef,
} from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import {
  acceptanceRepository as repo,
  type AcceptanceRow,
  type CloseoutRow,
  type ReviewRow,
} from './acceptance.repository.js'
import type { PublicityRow, ReboundRow } from './closeout.repository.js'
import { filesOf, toFileInfo, type FileRow } from '../files/index.js'
import { unitRefs as findUnitRefs } from '../units/index.js'

// Rows → the API's acceptance records, loading what they embed for a whole page at once.

type Units = ReadonlyMap<string, UnitRef>

const unitRef = (units: Units, id: string | null): UnitRef | null =>
  id ? (units.get(id) ?? { id, code: '', name: '' }) : null

async function unitRefs(db: DbOrTx, ids: (string | null)[]): Promise<Units> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))]
  const rows = await findUnitRefs(db, wanted)
  return new Map(rows.map((u) => [u.id, { id: u.id, code: u.code, name: u.name }]))
}

export function toReview(r: ReviewRow, units: Units): AcceptanceReview {
  return {
    id: r.id,
    level: r.level,
    levelKind: r.levelKind as AcceptanceLevel,
    reviewer: { id: r.reviewerId, name: r.reviewerName },
    reviewerUnit: unitRef(units, r.reviewerUnitId),
    checkDate: r.checkDate,
    checklist: r.checklist as CriterionCheck[],
    opinion: r.opinion,
    decision: r.decision as AcceptanceReview['decision'],
    reason: r.reason,
    snapshotSha256: r.snapshotSha256,
    createdAt: r.createdAt.toISOString(),
  }
}

export function toAcceptance(
  a: AcceptanceRow,
  reviews: ReviewRow[],
  files: FileRow[],
  units: Units,
): Acceptance {
  return {
    id: a.id,
    problemId: a.problemId,
    seq: a.seq,
    status: a.status as Acceptance['status'],
    selfCheck: a.selfCheck,
    files: files.map(toFileInfo),
    levels: a.levels as AcceptanceLevel[],
    criteria: a.criteria as string[],
    currentLevel: a.currentLevel,
    appliedBy: { id: a.appliedBy, name: a.appliedByName },
    appliedUnit: unitRef(units, a.appliedUnitId),
    appliedAt: a.createdAt.toISOString(),
    reviews: reviews.map((r) => toReview(r, units)),
    version: a.version,
  }
}

/** Applications with their reviews, materials and unit refs, in the order given. */
export async function loadAcceptances(db: DbOrTx, rows: AcceptanceRow[]): Promise<Acceptance[]> {
  if (!rows.length) return []
  const ids = rows.map((a) => a.id)
  const [reviews, files] = await Promise.all([
    repo.reviewsOf(db, ids),
    filesOf(db, 'acceptance', ids),
  ])
  const units = await unitRefs(db, [
    ...rows.map((a) => a.appliedUnitId),
    ...reviews.map((r) => r.reviewerUnitId),
  ])
  return rows.map((a) =>
    toAcceptance(
      a,
      reviews.filter((r) => r.acceptanceId === a.id),
      files.filter((f) => f.ownerId === a.id),
      units,
    ),
  )
}

export async function loadAcceptance(db: DbOrTx, id: string): Promise<Acceptance> {
  return (await loadAcceptances(db, [(await repo.findById(db, id))!]))[0]!
}

export function toPublicity(
  p: PublicityRow,
  counts: Publicity['objections'],
  today: string,
): Publicity {
  return {
    id: p.id,
    problemId: p.problemId,
    acceptanceId: p.acceptanceId,
    status: p.status as Publicity['status'],
    notice: p.notice,
    days: p.days,
    startDate: p.startDate,
    endDate: p.endDate,
    periodOver: today > p.endDate,
    openedBy: { id: p.openedBy, name: p.openedByName },
    openedAt: p.createdAt.toISOString(),
    endedAt: p.endedAt?.toISOString() ?? null,
    objections: counts,
    version: p.version,
  }
}

/** Publicity notices with their objection counts (one query for the page). */
export async function loadPublicities(
  db: DbOrTx,
  rows: PublicityRow[],
  today: string,
): Promise<Publicity[]> {
  const counts = await repo.objectionCounts(
    db,
    rows.map((p) => p.id),
  )
  return rows.map((p) => {
    const c = { total: 0, pending: 0, upheld: 0, rejected: 0 }
    for (const x of counts.filter((k) => k.publicityId === p.id)) {
      c.total += x.n
      if (x.ruling === 'pending' || x.ruling === 'upheld' || x.ruling === 'rejected')
        c[x.ruling] += x.n
    }
    return toPublicity(p, c, today)
  })
}

export function toCloseout(c: CloseoutRow): Closeout {
  return {
    id: c.id,
    problemId: c.problemId,
    publicityId: c.publicityId,
    outcome: c.outcome as Closeout['outcome'],
    reason: c.reason,
    closedOn: c.closedOn,
    closedBy: { id: c.closedBy, name: c.closedByName },
    createdAt: c.createdAt.toISOString(),
    reopenedAt: c.reopenedAt?.toISOString() ?? null,
  }
}

export function toRebound(r: ReboundRow, files: FileRow[]): ReboundReview {
  return {
    id: r.id,
    problemId: r.problemId,
    closeoutId: r.closeoutId,
    months: r.months,
    dueDate: r.dueDate,
    status: r.status as ReboundReview['status'],
    source: r.source as ReboundReview['source'],
    checkDate: r.checkDate,
    findings: r.findings,
    reviewer: r.reviewerName ? { id: r.reviewerId, name: r.reviewerName } : null,
    files: files.map(toFileInfo),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    version: r.version,
  }
}

/** Rebound reviews with their files, in the order given. */
export async function loadRebounds(db: DbOrTx, rows: ReboundRow[]): Promise<ReboundReview[]> {
  const files = await filesOf(
    db,
    'rebound_review',
    rows.map((r) => r.id),
  )
  return rows.map((r) =>
    toRebound(
      r,
      files.filter((f) => f.ownerId === r.id),
    ),
  )
}
