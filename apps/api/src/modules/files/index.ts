// The files module's front door: what other modules may use of it (eslint.config.js refuses
// imports of its other files from outside). Evidence files are uploaded here; the module that
// owns a record attaches them in its own transaction and says who may read them (FileAccess).
export { filesRoutes, receiveFile } from './files.routes.js'
export {
  FilesService,
  PROBLEM_OWNED,
  toFileInfo,
  type UploadInput,
  type UploadRules,
} from './files.service.js'
export { attachFiles, attachableFiles, type FileOwner } from './files.attach.js'
export type { AttachedFile, FileAccess, FileReadRule } from './files.access.js'
/** Reads of attached files for the owners' views (listByOwners, findById) and imports (lockAttachable). */
export { filesRepository, type FileRow } from './files.repository.js'
export { LocalFileStore, type FileStore } from './file-store.js'
export { S3FileStore, type S3Options } from './s3-file-store.js'
export { describeStore, fileStoreFor } from './stores.js'
export { FILE_TYPES } from './sniff.js'
