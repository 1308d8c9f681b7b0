import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { DeleteObjectCommand } from '@aws-sdk/client-s3'
import { dataDir } from '../src/config.js'
import { fileTests } from './files-suite.js'
import { startS3 } from './s3-server.js'

// The evidence file tests on the S3 store, against a local S3-compatible server (s3rver).
let s3: Awaited<ReturnType<typeof startS3>>
/** Uploads spooled and not cleaned up (the S3 store spools in DATA_DIR/spool). */
const spooled = (dir: string): string[] => {
  try {
    return readdirSync(join(dir, 'spool'))
  } catch {
    return []
  }
}

fileTests({
  start: async () => {
    s3 = await startS3()
  },
  stop: () => s3.close(),
  config: async () => (await s3.bucket()).config,
  list: async (config) => [...(await s3.keys(config.S3_BUCKET!)), ...spooled(dataDir(config))],
  removeBytes: async (config, key) => {
    await s3.client.send(new DeleteObjectCommand({ Bucket: config.S3_BUCKET!, Key: key }))
  },
})
