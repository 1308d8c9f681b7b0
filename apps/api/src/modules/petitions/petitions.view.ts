import type { Petition, PetitionBatch, PetitionReimport } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import type { Actor } from '../../lib/context.js'
import { importRepository } from './import/import.repository.js'
import { mayViewComplainant } from './petitions.access.js'
import { petitionsRepository as repo, type BatchRow, type CaseRow } from './petitions.repository.js'
import { toFileInfo } from '../files/index.js'
import { unitRefs } from '../units/index.js'

/**
 * Rows → cases, a page at a time (units, batches, repeats, problems and files in one query
 * each). Built field by field from rows that never hold the complainant (caseColumns): the
 * complainant is only ever answered by GET /petitions/{id}/complainant.
 */
export async function toPetitions(
  db: DbOrTx,
  rows: readonly CaseRow[],
  actor: Actor,
  today: string,
): Promise<Petition[]> {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const unitIds = new Set<string>()
  for (const r of rows) {
    r.regionIds.forEach((u) => unitIds.add(u))
    if (r.handlingUnitId) unitIds.add(r.handlingUnitId)
  }
  const repeatIds = [...new Set(rows.flatMap((r) => (r.repeatOfId ? [r.repeatOfId] : [])))]
  const problemIds = [...new Set(rows.flatMap((r) => (r.problemId ? [r.problemId] : [])))]
  const [units, appearances, repeats, problems, files] = await Promise.all([
    unitRefs(db, [...unitIds]),
    repo.appearances(db, ids),
    repo.receipts(db, repeatIds),
    repo.problemRefs(db, problemIds),
    repo.files(db, ids),
  ])
  const batchIds = [
    ...new Set([...rows.map((r) => r.batchId), ...appearances.map((a) => a.batchId)]),
  ]
  const seqs = new Map((await repo.batchSeqs(db, batchIds)).map((b) => [b.id, b.seq]))
  const unit = new Map(units.map((u) => [u.id, u]))
  const ref = (id: string) => {
    const u = unit.get(id)
    return { id, code: u?.code ?? '', name: u?.name ?? '' }
  }
  return rows.map((r) => {
    const handlingPath = r.handlingUnitId ? (unit.get(r.handlingUnitId)?.path ?? null) : null
    const repeat = r.repeatOfId ? repeats.find((x) => x.id === r.repeatOfId) : undefined
    const problem = r.problemId ? problems.find((p) => p.id === r.problemId) : undefined
    const batchIdsOf = appearances.filter((a) => a.petitionId === r.id).map((a) => a.batchId)
    return {
      id: r.id,
      receiptNo: r.receiptNo,
      batch: { id: r.batchId, seq: seqs.get(r.batchId) ?? 0 },
      batchIds: batchIdsOf.length ? batchIdsOf : [r.batchId],
      regionText: r.regionText,
      regions: r.regionIds.map(ref),
      reportedParty: r.reportedParty,
      address: r.address,
      domains: r.domains as Petition['domains'],
      complaint: r.complaint,
      keyCase: r.keyCase,
      status: r.status as Petition['status'],
      handlingUnit: r.handlingUnitId ? ref(r.handlingUnitId) : null,
      assignedAt: r.assignedAt?.toISOString() ?? null,
      deadline: r.deadline,
      overdue: r.status === 'handling' && !!r.deadline && r.deadline < today,
      handling:
        r.reportedAt && r.finding
          ? {
              finding: r.finding as NonNullable<Petition['handling']>['finding'],
              investigation: r.investigation,
              measures: r.measures,
              ordersToRectify: r.ordersToRectify,
              casesFiled: r.casesFiled,
              finesWan: r.finesWan,
              detained: r.detained,
              talkedTo: r.talkedTo,
              heldAccountable: r.heldAccountable,
              accountability: r.accountability,
              reportedAt: r.reportedAt.toISOString(),
              reportedBy: { id: r.reportedBy, name: r.reportedByName ?? '' },
              importedFileId: r.handlingImportFileId,
            }
          : null,
      returnReason: r.status === 'handling' ? r.returnReason : null,
      closedAt: r.closedAt?.toISOString() ?? null,
      callback: (r.callback as Petition['callback']) ?? null,
      repeatOf: repeat ? { id: repeat.id, receiptNo: repeat.receiptNo } : null,
      problem: problem
        ? { id: problem.id, code: problem.code, title: problem.title, status: problem.status }
        : null,
      files: files.filter((f) => f.ownerId === r.id).map(toFileInfo),
      canViewComplainant: mayViewComplainant(actor, handlingPath),
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }
  })
}

/** One case, with its re-import history (lists leave it out). */
export async function toPetition(
  db: DbOrTx,
  row: CaseRow,
  actor: Actor,
  today: string,
): Promise<Petition> {
  const [one] = await toPetitions(db, [row], actor, today)
  const entries = await importRepository.reimports(db, row.id)
  const reimports: PetitionReimport[] = entries.flatMap((e) => {
    const after = (e.after ?? {}) as {
      batchId?: string
      choice?: PetitionReimport['choice']
      differences?: PetitionReimport['differences']
    }
    // A re-import that changed only what it does not compare (a repeat link) has no differences.
    if (!after.differences?.length) return []
    return [
      {
        at: e.at.toISOString(),
        by: e.by ?? '',
        batchId: after.batchId ?? null,
        choice: after.choice ?? null,
        differences: after.differences,
      },
    ]
  })
  return { ...one!, reimports }
}

/** Batch rows with their counts as the caller's scope sees them. */
export function toBatches(
  rows: readonly BatchRow[],
  counts: readonly { batchId: string; status: string; n: number }[],
  drift: ReadonlyMap<string, number> = new Map(),
): PetitionBatch[] {
  return rows.map((b) => {
    const byStatus: Record<string, number> = {}
    for (const c of counts) if (c.batchId === b.id) byStatus[c.status] = c.n
    return {
      id: b.id,
      roundId: b.roundId,
      seq: b.seq,
      handedOn: b.handedOn,
      source: b.source as PetitionBatch['source'],
      declaredCount: b.declaredCount,
      handlingDays: b.handlingDays,
      note: b.note,
      caseCount: Object.values(byStatus).reduce((s, n) => s + n, 0),
      byStatus,
      publishedAt: b.publishedAt?.toISOString() ?? null,
      unpublishedChanges: drift.get(b.id) ?? 0,
      createdAt: b.createdAt.toISOString(),
      version: b.version,
    }
  })
}

/**
 * The audit entry's case: what was handed over and handled — never the complainant (an entry
 * only says whether the complainant changed) nor the search tokens.
 */
export function auditView(r: CaseRow) {
  return {
    receiptNo: r.receiptNo,
    batchId: r.batchId,
    regionText: r.regionText,
    regionIds: r.regionIds,
    reportedParty: r.reportedParty,
    address: r.address,
    domains: r.domains,
    complaint: r.complaint,
    keyCase: r.keyCase,
    status: r.status,
    handlingUnitId: r.handlingUnitId,
    deadline: r.deadline,
    finding: r.finding,
    investigation: r.investigation,
    measures: r.measures,
    ordersToRectify: r.ordersToRectify,
    casesFiled: r.casesFiled,
    finesWan: r.finesWan,
    detained: r.detained,
    talkedTo: r.talkedTo,
    heldAccountable: r.heldAccountable,
    accountability: r.accountability,
    returnReason: r.returnReason,
    callback: r.callback,
    repeatOfId: r.repeatOfId,
    problemId: r.problemId,
  }
}
