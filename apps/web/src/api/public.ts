/**
 * The public board's API (`/api/v1/public/*`, no login). Every call goes through `anonymous`,
 * without the bearer token: a clerk signed in in the same tab must not be identified to, or
 * logged out by, the public routes.
 */
import type { ListPublicProblemsQuery, SubmitPublicReportBody } from '@rectify/schemas'
import { anonymous, ok, upload, type UploadOptions } from './http'

export async function listPublicProblems(query: ListPublicProblemsQuery, signal?: AbortSignal) {
  return ok(await anonymous.GET('/api/v1/public/problems', { params: { query }, signal }))
}

export async function getPublicProblem(id: string) {
  return ok(await anonymous.GET('/api/v1/public/problems/{id}', { params: { path: { id } } }))
}

export async function listPublicNotices() {
  return ok(await anonymous.GET('/api/v1/public/notices'))
}

export async function listPublicRegions() {
  return ok(await anonymous.GET('/api/v1/public/regions'))
}

/** A fresh proof-of-work challenge; each is good for one submission. */
export async function getChallenge() {
  return ok(await anonymous.GET('/api/v1/public/challenge'))
}

/** `POST /public/files` with one image in the part `file`; the token proves the upload is ours. */
export function uploadPublicPhoto(file: File, options: Omit<UploadOptions, 'auth'> = {}) {
  const form = new FormData()
  form.append('file', file, file.name)
  return upload('/api/v1/public/files', form, { ...options, auth: false })
}

export async function submitPublicReport(body: SubmitPublicReportBody) {
  return ok(await anonymous.POST('/api/v1/public/reports', { body }))
}

export async function getPublicReportStatus(code: string) {
  return ok(await anonymous.GET('/api/v1/public/reports/{code}', { params: { path: { code } } }))
}
