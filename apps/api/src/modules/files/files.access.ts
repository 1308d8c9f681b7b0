import type { DbOrTx } from '../../db/client.js'
import type { Actor } from '../../lib/context.js'

/** What a read rule sees of a file: the record it is attached to. */
export interface AttachedFile {
  ownerType: string
  ownerId: string | null
  problemId: string | null
}

/** True when the actor may read a file attached to one of the module's records. */
export type FileReadRule = (
  db: DbOrTx,
  file: AttachedFile,
  actor: Actor,
) => Promise<boolean> | boolean

/**
 * Who may read the files attached to a module's records, by owner type. Each module that owns
 * files has its own (next to its object scope, in `<module>.access.ts`) and hands it to the
 * FilesService in its registration (`files.allowReads`, in its index.ts): the files module
 * knows how to store and serve bytes, the owning module knows who may see its records, and
 * neither imports the other's internals. An owner type no rule names is read by no one (404).
 */
export type FileAccess = Readonly<Record<string, FileReadRule>>
