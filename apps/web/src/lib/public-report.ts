/**
 * The public report form's rules, as the API enforces them (packages/schemas/src/public.ts and
 * modules/public-reports): which photos may be sent, what the body looks like, and which
 * refusals mean "solve a new challenge and try once more".
 */
import type { ChallengeAnswer, PublicUpload, SubmitPublicReportBody } from '@rectify/schemas'
import { ApiError } from '@/api/http'
import { PowAbandoned } from './pow'

/** Photo types the server accepts (it sniffs the bytes; this only saves a pointless upload). */
export const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp']
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024
export const MAX_PHOTOS = 6
export const CONTENT_MIN = 5
export const CONTENT_MAX = 5000

/** Why a chosen file cannot be sent, or null when it can. */
export function photoProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!PHOTO_TYPES.includes(file.type)) return 'type'
  if (file.size > PHOTO_MAX_BYTES) return 'size'
  return null
}

/** The problem a report is preset to concern, as the form shows it. */
export interface PresetProblem {
  id: string
  code: string
  title: string
}

/** What the reporter typed; name and contact are optional. */
export interface ReportDraft {
  reporterType: SubmitPublicReportBody['reporterType'] | ''
  name: string
  contact: string
  content: string
  problemId: string | undefined
  objection: boolean
}

/** The content's length as the server counts it (UTF-16 units of the trimmed text we send). */
export function contentLength(text: string): number {
  return text.trim().length
}

/** The request body: blank optional fields left out, text trimmed. */
export function reportBody(
  draft: ReportDraft,
  photos: readonly Pick<PublicUpload, 'id' | 'token'>[],
  challenge: ChallengeAnswer,
): SubmitPublicReportBody {
  const body: SubmitPublicReportBody = {
    reporterType: draft.reporterType || 'citizen',
    content: draft.content.trim(),
    challenge,
  }
  if (draft.name.trim()) body.name = draft.name.trim()
  if (draft.contact.trim()) body.contact = draft.contact.trim()
  if (draft.problemId) body.problemId = draft.problemId
  if (draft.problemId && draft.objection) body.objection = true
  if (photos.length) body.photos = photos.map(({ id, token }) => ({ id, token }))
  return body
}

/** The form field a JSON pointer of a 422 is about (`/photos/2` → `photos`). */
export function fieldOfPath(path: string): string {
  return path.replace(/^\//, '').split('/')[0] ?? ''
}

/**
 * Whether a refused submission should be sent again with a new challenge: the challenge was
 * already used (409), or it was the only thing wrong (expired or refused, 422 on `/challenge`).
 */
export function needsNewChallenge(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  if (error.status === 409) return true
  return (
    error.status === 422 &&
    error.errors.length > 0 &&
    error.errors.every((e) => fieldOfPath(e.path) === 'challenge')
  )
}

/** Seconds to wait after a 429: the `Retry-After` header, else the figure in the detail. */
export function waitSeconds(error: ApiError): number | undefined {
  if (error.retryAfter) return error.retryAfter
  const match = /(\d+)\s*s\b/.exec(error.detail ?? '')
  return match ? Number(match[1]) : undefined
}

/** vue-i18n's `t` with named values. */
type Translate = (key: string, named?: Record<string, unknown>) => string

/** A refused submission in words: per form field, and one general line (or null). */
export interface Refusal {
  fields: Record<string, string>
  general: string | null
}

const E = 'publicBoard.report.errors.'

/** The form field a 422's field is shown at (the problem box holds problemId and objection). */
function formField(field: string): string {
  return field === 'problemId' || field === 'objection' ? 'problem' : field
}

/**
 * Words for a failed submission: 422 field errors beside their fields, a 429 with its wait, a
 * challenge that failed even after the retry, anything else as one line with the reason.
 * `contentMessage` is the client's own verdict on the content, more precise than the server's.
 */
export function explainRefusal(
  error: unknown,
  t: Translate,
  messageOf: (error: unknown) => string,
  contentMessage?: string,
): Refusal {
  const failed = () => t(`${E}failed`, { reason: messageOf(error) })
  if (error instanceof PowAbandoned || needsNewChallenge(error))
    return { fields: {}, general: t(`${E}challenge`) }
  if (!(error instanceof ApiError)) return { fields: {}, general: failed() }
  if (error.code === 'rate_limited') {
    const seconds = waitSeconds(error)
    return {
      fields: {},
      general: seconds ? t(`${E}rateLimited`, { seconds }) : t(`${E}rateLimitedSoon`),
    }
  }
  if (error.status !== 422 || !error.errors.length) return { fields: {}, general: failed() }
  const byField: Record<string, string> = {
    content: contentMessage ?? t(`${E}invalid`),
    reporterType: t(`${E}invalid`),
    name: t(`${E}invalid`),
    contact: t(`${E}invalid`),
    problemId: t(`${E}invalid`),
    objection: t(`${E}notOpen`),
    photos: t(`${E}photoRejected`),
  }
  const refusal: Refusal = { fields: {}, general: null }
  for (const item of error.errors) {
    const field = fieldOfPath(item.path)
    const message = byField[field]
    if (message) refusal.fields[formField(field)] ??= message
    else refusal.general = failed()
  }
  return refusal
}
