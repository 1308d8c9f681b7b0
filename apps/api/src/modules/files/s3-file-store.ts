import { randomUUID } from 'node:crypto'
import { createReadStream, mkdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import type { S3Client } from '@aws-sdk/client-s3'
import {
  fileMissing,
  spool,
  type FileStore,
  type PutOptions,
  type StoredFile,
} from './file-store.js'

export interface S3Options {
  bucket: string
  /** e.g. http://127.0.0.1:9000 (MinIO), https://oss-cn-hangzhou.aliyuncs.com; unset: AWS. */
  endpoint?: string
  region: string
  /** Unset: the SDK's own chain (AWS_ACCESS_KEY_ID…, instance roles). */
  accessKeyId?: string
  secretAccessKey?: string
  /** http://endpoint/bucket/key rather than http://bucket.endpoint/key (MinIO, s3rver). */
  forcePathStyle: boolean
  /** Where an upload is spooled while it is hashed and counted (DATA_DIR/spool). */
  spoolDir: string
}

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Aliyun OSS, Tencent COS, Huawei OBS), under
 * the same keys as the local store (`xx/<random id>`). An upload streams to a temporary file
 * (`.<id>.part` in spoolDir) while its SHA-256 and size are computed and FILE_MAX_BYTES is
 * enforced; only a complete, accepted upload is sent, in one PUT with its exact Content-Length and
 * Content-MD5 (so the server refuses bytes damaged on the way) and its SHA-256 as object metadata
 * (`x-amz-meta-sha256`). Nothing is held in memory beyond a stream's chunks, both ways.
 *
 * The SDK is loaded on first use (it is large), and its newer default checksums (CRC32 trailers
 * in aws-chunked bodies) are turned off: most S3-compatible services refuse them.
 */
export class S3FileStore implements FileStore {
  readonly bucket: string
  private readonly spoolDir: string
  private client: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | null = null

  constructor(private readonly options: S3Options) {
    this.bucket = options.bucket
    this.spoolDir = options.spoolDir
    mkdirSync(this.spoolDir, { recursive: true })
  }

  private sdk() {
    this.client ??= import('@aws-sdk/client-s3').then((sdk) => {
      const o = this.options
      const s3 = new sdk.S3Client({
        region: o.region,
        forcePathStyle: o.forcePathStyle,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...(o.endpoint ? { endpoint: o.endpoint } : {}),
        ...(o.accessKeyId && o.secretAccessKey
          ? { credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } }
          : {}),
      })
      return { s3, sdk }
    })
    return this.client
  }

  async put(stream: Readable, opts: PutOptions = {}): Promise<StoredFile> {
    const id = randomUUID().replace(/-/g, '')
    const key = `${id.slice(-2)}/${id}`
    const temp = join(this.spoolDir, `.${id}.part`)
    try {
      const { size, sha256, md5 } = await spool(stream, temp, opts, 0o600, true)
      const { s3, sdk } = await this.sdk()
      await s3.send(
        new sdk.PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: createReadStream(temp),
          ContentLength: size,
          ContentMD5: md5,
          ContentType: 'application/octet-stream',
          Metadata: { sha256 },
        }),
      )
      return { key, size, sha256 }
    } finally {
      await rm(temp, { force: true })
    }
  }

  async open(key: string): Promise<Readable> {
    const { s3, sdk } = await this.sdk()
    try {
      const res = await s3.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key }))
      return res.Body as Readable
    } catch (err) {
      if (err instanceof sdk.NoSuchKey || (err as { name?: string }).name === 'NotFound')
        throw fileMissing()
      throw err
    }
  }

  async remove(key: string): Promise<void> {
    const { s3, sdk } = await this.sdk()
    await s3.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key }))
  }

  /** Every key in the bucket, in order (for `rectify doctor`), one page at a time. */
  async *keys(): AsyncGenerator<string> {
    const { s3, sdk } = await this.sdk()
    let token: string | undefined
    do {
      const page = await s3.send(
        new sdk.ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token }),
      )
      for (const o of page.Contents ?? []) if (o.Key) yield o.Key
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
  }

  /** Where the keys live, for messages: s3://bucket at the endpoint. */
  describe(): string {
    return `s3://${this.bucket}${this.options.endpoint ? ` at ${this.options.endpoint}` : ''}`
  }

  close(): void {
    void this.client?.then(({ s3 }) => s3.destroy())
  }
}
