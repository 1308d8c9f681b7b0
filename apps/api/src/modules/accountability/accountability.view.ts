import type { AccountabilityRecord } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { userDisplayNames } from '../users/index.js'
import {
  accountabilityRepository as repo,
  type AccountabilityRow,
} from './accountability.repository.js'
import { toFileInfo } from '../files/index.js'
import { unitRefs } from '../units/index.js'

/** Rows → records, a page at a time (units, problems, files and names in one query each). */
export async function toRecords(
  db: DbOrTx,
  rows: readonly AccountabilityRow[],
): Promise<AccountabilityRecord[]> {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const creators = [...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))]
  const [units, problems, files, names] = await Promise.all([
    unitRefs(db, [...new Set(rows.map((r) => r.unitId))]),
    repo.problems(db, ids),
    repo.files(db, ids),
    userDisplayNames(db, creators),
  ])
  return rows.map((r) => {
    const u = units.find((x) => x.id === r.unitId)
    return {
      id: r.id,
      subjectKind: r.subjectKind as AccountabilityRecord['subjectKind'],
      unit: { id: r.unitId, code: u?.code ?? '', name: u?.name ?? '' },
      personName: r.personName,
      personPost: r.personPost,
      form: r.form as AccountabilityRecord['form'],
      decidingBody: r.decidingBody,
      decisionDate: r.decisionDate,
      docNumber: r.docNumber,
      summary: r.summary,
      problems: problems
        .filter((p) => p.recordId === r.id)
        .map(({ id, code, title }) => ({ id, code, title })),
      files: files.filter((f) => f.ownerId === r.id).map(toFileInfo),
      createdBy: r.createdBy
        ? { id: r.createdBy, name: names.find((n) => n.id === r.createdBy)?.name ?? '' }
        : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    }
  })
}

export async function toRecord(db: DbOrTx, row: AccountabilityRow) {
  return (await toRecords(db, [row]))[0]!
}

/** The audit entry's record (problemIds: the entry belongs to each problem's timeline). */
export function auditView(r: AccountabilityRow, problemIds: readonly string[]) {
  return {
    subjectKind: r.subjectKind,
    unitId: r.unitId,
    personName: r.personName,
    personPost: r.personPost,
    form: r.form,
    decidingBody: r.decidingBody,
    decisionDate: r.decisionDate,
    docNumber: r.docNumber,
    summary: r.summary,
    problemIds,
  }
}
