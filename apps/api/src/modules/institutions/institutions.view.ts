import type { Institution, PublicInstitution } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import type { Actor } from '../../lib/context.js'
import { problemScope } from '../problems/index.js'
import { published } from '../public/index.js'
import { institutionsRepository as repo, type InstitutionRow } from './institutions.repository.js'
import { toFileInfo } from '../files/index.js'
import { unitRefs } from '../units/index.js'

/**
 * Rows → institutions, a page at a time (units, problems and files in one query each). The
 * linked problems are those the actor can see: a county reading a public rule does not learn
 * the codes and titles of other counties' problems through it.
 */
export async function toInstitutions(
  db: DbOrTx,
  rows: readonly InstitutionRow[],
  actor: Actor,
): Promise<Institution[]> {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const [units, problems, files] = await Promise.all([
    unitRefs(db, [...new Set(rows.map((r) => r.issuingUnitId))]),
    repo.problems(db, ids, problemScope(actor)),
    repo.files(db, ids),
  ])
  return rows.map((r) => {
    const u = units.find((x) => x.id === r.issuingUnitId)
    return {
      id: r.id,
      title: r.title,
      kind: r.kind as Institution['kind'],
      docNumber: r.docNumber,
      issuingUnit: { id: r.issuingUnitId, code: u?.code ?? '', name: u?.name ?? '' },
      issuedOn: r.issuedOn,
      summary: r.summary,
      public: r.public,
      problems: problems
        .filter((p) => p.institutionId === r.id)
        .map(({ id, code, title }) => ({ id, code, title })),
      files: files.filter((f) => f.ownerId === r.id).map(toFileInfo),
      createdBy: r.createdByName ? { id: r.createdBy, name: r.createdByName } : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    }
  })
}

export async function toInstitution(db: DbOrTx, row: InstitutionRow, actor: Actor) {
  return (await toInstitutions(db, [row], actor))[0]!
}

/**
 * Public institutions as the board shows them, field by field (a row is never spread): the
 * issuing unit by name, and of the linked problems only those that are public themselves.
 */
export async function toPublicInstitutions(
  db: DbOrTx,
  rows: readonly { row: InstitutionRow; unitName: string }[],
): Promise<PublicInstitution[]> {
  const problems = await repo.problems(
    db,
    rows.map((r) => r.row.id),
    published,
  )
  return rows.map(({ row, unitName }) => ({
    id: row.id,
    title: row.title,
    kind: row.kind as PublicInstitution['kind'],
    docNumber: row.docNumber,
    issuingUnit: unitName,
    issuedOn: row.issuedOn,
    summary: row.summary,
    problems: problems
      .filter((p) => p.institutionId === row.id)
      .map((p) => ({ code: p.code, title: p.title })),
  }))
}

/** The audit entry's record (problemIds: the entry belongs to each problem's timeline). */
export function auditView(r: InstitutionRow, problemIds: readonly string[]) {
  return {
    title: r.title,
    kind: r.kind,
    docNumber: r.docNumber,
    issuingUnitId: r.issuingUnitId,
    issuedOn: r.issuedOn,
    summary: r.summary,
    public: r.public,
    problemIds,
  }
}
