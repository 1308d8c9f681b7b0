/**
 * The public board's API (`/api/v1/public/*`, no login). Every call goes without the bearer
 * token (`auth: false`): a clerk signed in in the same tab must not be identified to, or logged
 * out by, the public routes.
 */
import type {
  Challenge,
  ListPublicProblemsQuery,
  PublicNoticeList,
  PublicProblemDetail,
  PublicProblemPage,
  PublicRegionList,
  PublicReportReceipt,
  PublicReportStatus,
  PublicUpload,
  SubmitPublicReportBody,
} from '@rectify/schemas'
import { request, upload, type UploadOptions } from './http'

const PUBLIC = { auth: false, idempotent: false } as const

export function listPublicProblems(
  query: ListPublicProblemsQuery,
  signal?: AbortSignal,
): Promise<PublicProblemPage> {
  return request('/public/problems', { ...PUBLIC, query, signal })
}

export function getPublicProblem(id: string): Promise<PublicProblemDetail> {
  return request(`/public/problems/${encodeURIComponent(id)}`, PUBLIC)
}

export function listPublicNotices(): Promise<PublicNoticeList> {
  return request('/public/notices', PUBLIC)
}

export function listPublicRegions(): Promise<PublicRegionList> {
  return request('/public/regions', PUBLIC)
}

/** A fresh proof-of-work challenge; each is good for one submission. */
export function getChallenge(): Promise<Challenge> {
  return request('/public/challenge', PUBLIC)
}

/** `POST /public/files` with one image in the part `file`; the token proves the upload is ours. */
export function uploadPublicPhoto(
  file: File,
  options: Omit<UploadOptions, 'auth'> = {},
): Promise<PublicUpload> {
  const form = new FormData()
  form.append('file', file, file.name)
  return upload<PublicUpload>('/public/files', form, { ...options, auth: false })
}

export function submitPublicReport(body: SubmitPublicReportBody): Promise<PublicReportReceipt> {
  return request('/public/reports', { ...PUBLIC, method: 'POST', body })
}

export function getPublicReportStatus(code: string): Promise<PublicReportStatus> {
  return request(`/public/reports/${encodeURIComponent(code)}`, PUBLIC)
}
