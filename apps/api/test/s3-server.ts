import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import type { Config } from '../src/config.js'

/**
 * A local S3-compatible server (s3rver) in this process, on 127.0.0.1 and a free port, with its
 * objects in a temporary directory: what the S3 file store is tested against.
 */
export async function startS3() {
  const directory = mkdtempSync(join(tmpdir(), 'rectify-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory })
  const { port } = (await server.run()) as AddressInfo
  const endpoint = `http://127.0.0.1:${port}`
  // s3rver accepts any key pair it is configured with; these are its documented defaults.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials })
  let buckets = 0
  return {
    endpoint,
    /** A new empty bucket, and the configuration that stores files in it. */
    async bucket(): Promise<{ name: string; config: Partial<Config> }> {
      const name = `rectify-test-${++buckets}`
      await client.send(new CreateBucketCommand({ Bucket: name }))
      return {
        name,
        config: {
          FILE_STORE: 's3',
          S3_ENDPOINT: endpoint,
          S3_BUCKET: name,
          S3_REGION: 'us-east-1',
          S3_ACCESS_KEY_ID: credentials.accessKeyId,
          S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          S3_FORCE_PATH_STYLE: true,
        },
      }
    },
    /** Every key in a bucket. */
    async keys(bucket: string): Promise<string[]> {
      const res = await client.send(new ListObjectsV2Command({ Bucket: bucket }))
      return (res.Contents ?? []).map((o) => o.Key!).sort()
    },
    client,
    async close() {
      client.destroy()
      await server.close()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
