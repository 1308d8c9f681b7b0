import type { FieldCipher } from '../../lib/crypto/field-cipher.js'
import { CONTACT_COLUMN, NAME_COLUMN } from './public-reports.view.js'
import type {
  Challenge,
  PublicReportReceipt,
  PublicReportStatus,
  PublicUpload,
  SubmitPublicReportBody,
} from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, notFound, type FieldError } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { uuidv7 } from '../../lib/ids.js'
import { objectionRefusal } from '../../lib/publicity.js'
import { searchTokens } from '../../lib/search.js'
import { recordAudit } from '../audit/index.js'
import { PublicKeys, trackingCode } from './public-reports.keys.js'
import { publicReportsRepository as repo } from './public-reports.repository.js'
import { auditView, toTrackingStatus } from './public-reports.view.js'
import { FILE_TYPES, attachFiles, type FilesService, type UploadInput } from '../files/index.js'

/** Photos the public may send: JPEG, PNG, WebP. */
const PHOTO_TYPES: ReadonlySet<string> = new Set(
  [FILE_TYPES.jpeg, FILE_TYPES.png, FILE_TYPES.webp].map((t) => t.mimeType),
)

/** A report as it is recorded, once the challenge is settled (or by the demo seed, without one). */
export type ReportInput = Omit<SubmitPublicReportBody, 'challenge'>

/** What a hotline's report carries besides the form's fields (modules/public-reports/hotline). */
export interface HotlineFields {
  clientId: string
  externalId: string
  address: string | null
  latitude: number | null
  longitude: number | null
}

export interface IntakeOptions {
  /** Leading zero bits a challenge asks for (PUBLIC_CHALLENGE_BITS). */
  challengeBits: number
  /** Largest photo (PUBLIC_FILE_MAX_BYTES). */
  photoMaxBytes: number
}

/**
 * The public side of public reports (群众/代表/媒体监督): a proof-of-work challenge, photo upload,
 * submission (one per solved challenge) and tracking by code. No login: abuse is held off by the
 * challenge, per-IP rate limits (routes) and size limits.
 */
export class PublicIntakeService {
  constructor(
    private readonly db: Db,
    private readonly keys: PublicKeys,
    private readonly cipher: FieldCipher,
    private readonly files: FilesService,
    private readonly opts: IntakeOptions,
  ) {}

  challenge(): Challenge {
    return this.keys.challenge(this.opts.challengeBits)
  }

  /** Stores one photo (unattached, no uploader) and hands back the capability to attach it. */
  async uploadPhoto(ctx: Ctx, input: UploadInput): Promise<PublicUpload> {
    const info = await this.files.upload(ctx, input, {
      maxBytes: this.opts.photoMaxBytes,
      accept: (t) => PHOTO_TYPES.has(t.mimeType),
      refusal: 'Photos may be JPEG, PNG or WebP images',
    })
    return {
      id: info.id,
      token: this.keys.photoToken(info.id),
      name: info.name,
      size: info.size,
      mimeType: info.mimeType,
    }
  }

  /** Checks the solved challenge, then records the report. A used challenge answers 409. */
  async submit(ctx: Ctx, body: SubmitPublicReportBody): Promise<PublicReportReceipt> {
    const salt = this.keys.verifyChallenge(body.challenge)
    const { challenge: _c, ...input } = body
    return this.db.transaction((tx) => receiveReport(tx, ctx, this.keys, this.cipher, input, salt))
  }

  async track(code: string): Promise<PublicReportStatus> {
    const row = await repo.findByCode(this.db, code)
    if (!row) throw notFound('Report')
    return toTrackingStatus(this.db, row)
  }
}

/** Where a report comes from besides the form, and when (the demo seed files past reports). */
export interface ReceiveOptions {
  hotline?: HotlineFields
  /** When the report is received: now, unless the demo seed records one from the past. */
  at?: Date
}

/**
 * Records a public report in the caller's transaction: the named problem must be published (an
 * unpublished one is refused exactly like one that does not exist), an objection needs the
 * problem's close-out notice open and its period running (409 `publicity_not_open` /
 * `publicity_closed` with the period's dates otherwise), and each photo must carry its token and
 * still be unattached. Not reachable over HTTP without a solved challenge: `salt` is the
 * challenge's, unique per report.
 */
export async function receiveReport(
  tx: DbOrTx,
  ctx: Ctx,
  keys: PublicKeys,
  cipher: FieldCipher,
  input: ReportInput,
  salt: string,
  { hotline, at = new Date() }: ReceiveOptions = {},
): Promise<PublicReportReceipt> {
  if (await repo.saltUsed(tx, salt))
    throw new AppError('duplicate', 'This challenge was already used: ask for a new one')
  const errors: FieldError[] = []
  let publicityId: string | null = null
  if (input.problemId) {
    const [problem] = await repo.problems(tx, [input.problemId])
    if (!problem?.public)
      errors.push({ path: '/problemId', message: 'is not a problem on the public board' })
    else if (input.objection) {
      const open = problem.status === 'publicity' ? await repo.openPublicity(tx, problem.id) : null
      if (!open)
        errors.push({ path: '/objection', message: 'the problem has no close-out notice open' })
      const refusal = open && objectionRefusal(open, at)
      if (refusal) throw refusal
      publicityId = open?.id ?? null
    }
  } else if (input.objection) {
    errors.push({ path: '/problemId', message: 'name the problem the objection is about' })
  }
  const photos = input.photos ?? []
  const ids = photos.map((p) => p.id)
  const free = new Set((await repo.lockPublicUploads(tx, ids)).map((f) => f.id))
  photos.forEach((p, i) => {
    if (!keys.photoTokenValid(p.id, p.token) || !free.has(p.id) || ids.indexOf(p.id) !== i)
      errors.push({ path: `/photos/${i}`, message: 'is not a photo uploaded for this report' })
  })
  if (errors.length)
    throw new AppError('unprocessable', 'The report cannot be accepted as sent', { errors })

  const id = uuidv7()
  await repo.insert(tx, {
    id,
    trackingCode: trackingCode(),
    reporterType: input.reporterType,
    name: cipher.sealNullable(input.name?.trim() || null, NAME_COLUMN),
    contact: cipher.sealNullable(input.contact?.trim() || null, CONTACT_COLUMN),
    content: input.content,
    problemId: input.problemId ?? null,
    publicityId,
    status: publicityId ? 'objection' : 'new',
    ruling: publicityId ? 'pending' : null,
    challengeSalt: salt,
    ipHash: keys.ipHash(ctx.meta.ip),
    searchTokens: searchTokens(input.content),
    ...hotline,
    createdAt: at,
  })
  const attached = await attachFiles(
    tx,
    ids,
    { ownerType: 'public_report', ownerId: id, problemId: null },
    { unitId: null },
  )
  const row = (await repo.findById(tx, id))!
  await recordAudit(
    tx,
    ctx,
    {
      action: 'public_report.submitted',
      entityType: 'public_report',
      entityId: id,
      unitId: null,
      after: { ...auditView(row), photos: ids },
    },
    ...attached,
  )
  return { trackingCode: row.trackingCode, createdAt: row.createdAt.toISOString() }
}
