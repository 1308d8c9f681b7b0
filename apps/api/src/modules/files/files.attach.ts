import type { DbOrTx } from '../../db/client.js'
import { invalid, type FieldError } from '../../errors.js'
import type { Actor } from '../../lib/context.js'
import type { AuditEvent } from '../audit/index.js'
import { filesRepository } from './files.repository.js'

/** The record uploaded files are attached to; `problemId` is set for problem-owned evidence. */
export interface FileOwner {
  ownerType: string
  ownerId: string
  problemId: string | null
}

/**
 * An upload its uploader may still use (to import it, to attach it): the file, if it exists,
 * `actor` uploaded it and it is attached to nothing yet.
 */
export async function findUpload(db: DbOrTx, id: string, actor: Actor) {
  const file = await filesRepository.findById(db, id)
  return file && file.ownerType === null && actor.id && file.uploadedBy === actor.id
    ? file
    : undefined
}

/**
 * Those of `ids` that `uploadedBy` uploaded and that are still unattached, locked until the
 * transaction ends (two writers cannot both attach one).
 */
export function lockUploads(tx: DbOrTx, ids: string[], uploadedBy: string) {
  return filesRepository.lockAttachable(tx, ids, uploadedBy)
}

/** The files attached to owners of one type, oldest first. */
export function filesOf(db: DbOrTx, ownerType: string, ownerIds: string[]) {
  return filesRepository.listByOwners(db, ownerType, ownerIds)
}

/**
 * Checks, in the owner's transaction, that every file named in a body is one the caller uploaded
 * and that is still unattached (locking them until the transaction ends), else a 422 naming each
 * offending `path/i`.
 */
export async function attachableFiles(db: DbOrTx, actor: Actor, ids: string[], path: string) {
  const found = ids.length ? await lockUploads(db, ids, actor.id ?? '') : []
  const errors: FieldError[] = ids.flatMap((fid, i) =>
    found.some((f) => f.id === fid)
      ? []
      : [{ path: `${path}/${i}`, message: 'is not a file you uploaded that is still unattached' }],
  )
  if (errors.length) throw invalid(errors)
}

/**
 * Attaches uploaded files to their owner and returns one `file.attached` audit entry per file.
 * The caller records them with its own entry (`recordAudit(tx, ctx, entry, ...attached)`), so
 * the chain reads the owner's change first and its attachments after it, in one append.
 * `unitId` scopes the entries when it is not the actor's unit (null: the public's photos).
 */
export async function attachFiles(
  tx: DbOrTx,
  ids: readonly string[],
  owner: FileOwner,
  scope: { unitId?: string | null } = {},
): Promise<AuditEvent[]> {
  await filesRepository.attach(tx, [...ids], owner)
  return ids.map((fid) => ({
    action: 'file.attached',
    entityType: 'file',
    entityId: fid,
    ...scope,
    after: { ...owner },
  }))
}
