import type {
  Inspection,
  InspectionFinding,
  InspectionSite,
  ProblemFinding,
} from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { userDisplayNames } from '../users/index.js'
import { inspectionsRepository as repo, type InspectionRow } from './inspections.repository.js'
import { toFileInfo } from '../files/index.js'

type FindingJoin = Awaited<ReturnType<typeof repo.findings>>[number]

/** Finding rows → findings with their unit, problem and evidence (one query for the files). */
async function toFindings(db: DbOrTx, rows: readonly FindingJoin[]): Promise<ProblemFinding[]> {
  const files = await repo.files(
    db,
    rows.map((r) => r.finding.id),
  )
  return rows.map(({ finding: f, ...r }) => ({
    id: f.id,
    inspectionId: f.inspectionId,
    seq: f.seq,
    content: f.content,
    site: f.site,
    unit: f.unitId ? { id: f.unitId, code: r.unitCode ?? '', name: r.unitName ?? '' } : null,
    problem: f.problemId
      ? { id: f.problemId, code: r.problemCode ?? '', title: r.problemTitle ?? '' }
      : null,
    opened: f.opened,
    files: files.filter((x) => x.ownerId === f.id).map(toFileInfo),
    createdAt: f.createdAt.toISOString(),
    inspection: {
      id: f.inspectionId,
      title: r.inspectionTitle,
      kind: r.inspectionKind as Inspection['kind'],
      doneDate: r.inspectionDoneDate,
    },
  }))
}

/** Drops the inspection summary a finding carries on the problem page. */
function bare({ inspection: _i, ...f }: ProblemFinding): InspectionFinding {
  return f
}

/**
 * Rows → Inspections, a page at a time (units, counts and names in one query each). Findings
 * are filled in only with `withFindings` (the detail route).
 */
export async function toInspections(
  db: DbOrTx,
  rows: readonly InspectionRow[],
  withFindings = false,
): Promise<Inspection[]> {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const creators = [...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))]
  const [targets, counts, names, findings] = await Promise.all([
    repo.targetUnits(db, ids),
    repo.findingCounts(db, ids),
    userDisplayNames(db, creators),
    withFindings
      ? repo.findings(db, { inspectionIds: ids }).then((f) => toFindings(db, f))
      : Promise.resolve([]),
  ])
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind as Inspection['kind'],
    plannedDate: r.plannedDate,
    team: r.team,
    sites: r.sites as InspectionSite[],
    targetUnits: targets
      .filter((t) => t.inspectionId === r.id)
      .map(({ id, code, name }) => ({ id, code, name })),
    status: r.status as Inspection['status'],
    doneDate: r.doneDate,
    summary: r.summary,
    createdBy: r.createdBy
      ? { id: r.createdBy, name: names.find((n) => n.id === r.createdBy)?.name ?? '' }
      : null,
    findingCount: counts.find((c) => c.inspectionId === r.id)?.n ?? 0,
    findings: findings.filter((f) => f.inspectionId === r.id).map(bare),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  }))
}

export async function toInspection(db: DbOrTx, row: InspectionRow): Promise<Inspection> {
  return (await toInspections(db, [row], true))[0]!
}

/** The findings that opened or link a problem, with the inspection each came from. */
export async function problemFindings(db: DbOrTx, problemId: string): Promise<ProblemFinding[]> {
  return toFindings(db, await repo.findings(db, { problemId }))
}

/** One finding as recorded. */
export async function findingById(db: DbOrTx, inspectionId: string, id: string) {
  const all = await toFindings(db, await repo.findings(db, { inspectionIds: [inspectionId] }))
  return bare(all.find((f) => f.id === id)!)
}

/** The audit entry's record of an inspection. */
export function auditView(r: InspectionRow, unitIds: readonly string[]): Record<string, unknown> {
  return {
    title: r.title,
    kind: r.kind,
    plannedDate: r.plannedDate,
    team: r.team,
    sites: r.sites,
    targetUnitIds: unitIds,
    status: r.status,
    doneDate: r.doneDate,
    summary: r.summary,
  }
}
