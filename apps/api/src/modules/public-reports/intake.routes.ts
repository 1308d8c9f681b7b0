import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import multipart from '@fastify/multipart'
import {
  ChallengeSchema,
  PublicReportReceiptSchema,
  PublicReportStatusSchema,
  PublicUploadSchema,
  SubmitPublicReportBodySchema,
  TrackingParamsSchema,
} from '@rectify/schemas'
import { NotModified } from '../../lib/http.js'
import { caching } from '../public/index.js'
import type { PublicIntakeService } from './intake.service.js'
import { receiveFile } from '../files/index.js'

export interface IntakeRoutesOptions {
  intake: PublicIntakeService
  /** PUBLIC_FILE_MAX_BYTES. */
  photoMaxBytes: number
  /** PUBLIC_RATE_LIMIT_MAX (per minute), PUBLIC_REPORT_/UPLOAD_RATE_LIMIT_MAX (per 10 minutes). */
  limits: { read: number; report: number; upload: number }
}

const tags = ['public']
const TEN_MINUTES = 10 * 60_000

/**
 * The public report form's routes (no login): a challenge, photo upload, submission and
 * tracking. Submission and upload have strict per-IP limits; the challenge is never cached.
 */
export const intakeRoutes: FastifyPluginAsyncTypebox<IntakeRoutesOptions> = async (
  app,
  { intake, photoMaxBytes, limits },
) => {
  // Multipart parsing for this plugin's upload route only, cut at the photo size limit.
  await app.register(multipart, {
    limits: { fileSize: photoMaxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 10 },
  })
  const read = { rateLimit: { max: limits.read, timeWindow: 60_000 } }

  app.get(
    '/public/challenge',
    {
      schema: {
        tags,
        description:
          'A proof-of-work challenge: find a decimal `nonce` such that SHA-256(salt + nonce) starts with `difficulty` zero bits. Good for one report within 10 minutes.',
        response: { 200: ChallengeSchema },
      },
      config: read,
    },
    (_req, reply) => {
      void reply.header('cache-control', 'no-store')
      return intake.challenge()
    },
  )
  app.post(
    '/public/files',
    {
      schema: {
        tags,
        description:
          'multipart/form-data with one image part named `file` (JPEG, PNG or WebP). Keep the returned `token`: it attaches the photo to a report.',
        consumes: ['multipart/form-data'],
        response: { 201: PublicUploadSchema },
      },
      config: { rateLimit: { max: limits.upload, timeWindow: TEN_MINUTES } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await receiveFile(req, photoMaxBytes, (input) => intake.uploadPhoto(req.ctx, input))),
  )
  app.post(
    '/public/reports',
    {
      schema: {
        tags,
        description:
          'A report, or with `objection` an objection to the problem’s close-out notice: taken only within its publicity period (start and end days included, Asia/Shanghai) — 409 `publicity_not_open` before it, `publicity_closed` after it, the detail naming the dates.',
        body: SubmitPublicReportBodySchema,
        response: { 201: PublicReportReceiptSchema },
      },
      config: { rateLimit: { max: limits.report, timeWindow: TEN_MINUTES } },
    },
    async (req, reply) => reply.code(201).send(await intake.submit(req.ctx, req.body)),
  )
  app.get(
    '/public/reports/:code',
    {
      schema: {
        tags,
        description: "A report's status and the office's public reply, by tracking code.",
        params: TrackingParamsSchema,
        response: { 200: PublicReportStatusSchema, 304: NotModified },
      },
      config: read,
      // ETag and 304, but never kept in the shared cache: a reply shows at once.
      ...caching({ seconds: 0 }),
    },
    (req) => intake.track(req.params.code),
  )
}
