import { units } from '../../db/schema/index.js'
import { unitTreeFilter } from '../../lib/scope.js'
import { noticesRepository } from './notices.repository.js'
import type { FileAccess } from '../files/index.js'

/** A notice's attachments and its reply's evidence are read like the notice (its addressee's subtree). */
export const noticeFileAccess: FileAccess = {
  notice: readable,
  notice_reply: readable,
}

function readable(...[db, file, actor]: Parameters<FileAccess[string]>) {
  return (
    file.ownerId !== null &&
    noticesRepository.visible(db, file.ownerId, unitTreeFilter(actor, units.path))
  )
}
