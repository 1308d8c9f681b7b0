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
 * Checks, in the owner's transaction, that every file named in a body is one the caller uploaded
 * and that is still unattached (locking them until the transaction ends), else a 422 naming each
 * offending `path/i`.
 */
export async function attachableFiles(db: DbOrTx, actor: Actor, ids: string[], path: string) {
  const found = ids.length ? await filesRepository.lockAttachable(db, ids, actor.id ?? '') : []
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
