import { join } from 'node:path'
import { dataDir, filesDir, type Config } from '../../config.js'
import { LocalFileStore, type FileStore } from './file-store.js'
import { S3FileStore } from './s3-file-store.js'

/** The file store the configuration chooses: FILE_STORE=local (default, FILES_DIR) or s3. */
export function fileStoreFor(config: Config): LocalFileStore | S3FileStore {
  if (config.FILE_STORE === 's3')
    return new S3FileStore({
      bucket: config.S3_BUCKET!,
      region: config.S3_REGION,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      spoolDir: join(dataDir(config), 'spool'),
      ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
      ...(config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : {}),
    })
  return new LocalFileStore(filesDir(config))
}

/** Where a store keeps its bytes, for messages (a directory, or s3://bucket at endpoint). */
export function describeStore(store: FileStore): string {
  return store instanceof S3FileStore
    ? store.describe()
    : store instanceof LocalFileStore
      ? store.root
      : 'the file store'
}
