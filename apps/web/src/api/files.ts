/** Evidence files (佐证材料): upload with progress, download with the user's credentials. */
import { api, ok, upload, type UploadOptions } from './http'

/**
 * `POST /files` with one multipart part named `file`. The server sniffs the type (415 for
 * anything but images, PDF, Office documents and ZIP) and enforces the size limit (413).
 */
export function uploadFile(file: Blob, name: string, options: UploadOptions = {}) {
  const form = new FormData()
  form.append('file', file, name)
  return upload('/api/v1/files', form, options)
}

/** `GET /files/:id`: the bytes, read like the record the file belongs to (404 otherwise). */
export async function downloadFile(id: string, signal?: AbortSignal): Promise<Blob> {
  const result = await api.GET('/api/v1/files/{id}', {
    params: { path: { id } },
    parseAs: 'blob',
    signal,
  })
  return ok(result)
}
