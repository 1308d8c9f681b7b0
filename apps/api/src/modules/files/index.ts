// The files module's front door: what other modules may use of it (eslint.config.js refuses
// imports of its other files from outside). Evidence files are uploaded here; the module that
// owns a record attaches them in its own transaction and says who may read them (FileAccess).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { fileStoreFor } from './stores.js'
import type { FileStore } from './file-store.js'
import { filesRoutes } from './files.routes.js'
import { FilesService } from './files.service.js'
export { filesRoutes, receiveFile } from './files.routes.js'
export {
  FilesService,
  PROBLEM_OWNED,
  toFileInfo,
  type UploadInput,
  type UploadRules,
} from './files.service.js'
export {
  attachFiles,
  attachableFiles,
  filesOf,
  findUpload,
  lockUploads,
  type FileOwner,
} from './files.attach.js'
export type { AttachedFile, FileAccess, FileReadRule } from './files.access.js'
export type { FileRow } from './files.repository.js'
export { LocalFileStore, type FileStore } from './file-store.js'
export { S3FileStore, type S3Options } from './s3-file-store.js'
export { describeStore, fileStoreFor } from './stores.js'
export { FILE_TYPES } from './sniff.js'

/**
 * The files module as app.ts registers it: the store FILE_STORE chooses (or the one given, e.g.
 * by a test) and the service; each module that owns files says who may read them
 * (`files.service.allowReads`, in its own registration).
 */
export function filesModule({ db, config }: SharedDeps, given?: FileStore) {
  const store = given ?? fileStoreFor(config)
  const files = new FilesService(db, store, config.FILE_MAX_BYTES)
  return defineModule({
    name: 'files',
    routes: [routes(filesRoutes, { files, maxBytes: config.FILE_MAX_BYTES })],
    jobs: [],
    // The S3 client's sockets, when this module made the store (a store given is its owner's).
    ...(given ? {} : { close: () => store.close?.() }),
    service: files,
    store,
  })
}

/** What filesModule gives the modules registered after it. */
export type FilesModule = ReturnType<typeof filesModule>
