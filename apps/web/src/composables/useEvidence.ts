/**
 * Evidence files are served only with the user's credentials, so an `<img src>` cannot point at
 * them: images are fetched through the API and shown from object URLs, which are revoked when
 * the component using them goes away. Other files are downloaded on request.
 */
import type { FileInfo } from '@rectify/schemas'
import { onBeforeUnmount, reactive } from 'vue'
import { downloadFile } from '@/api/files'

/** Types a browser can show inline as a thumbnail. */
const PREVIEWABLE = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp'])

export function isPreviewable(file: Pick<FileInfo, 'mimeType'>): boolean {
  return PREVIEWABLE.has(file.mimeType)
}

/** `1.5 MB`, `320 KB`, `12 B`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}

export function useEvidence() {
  /** Object URLs by file id: `null` while loading, `false` when the preview failed. */
  const urls = reactive(new Map<string, string | null | false>())
  const controller = new AbortController()

  /** Starts loading a thumbnail (once per file). */
  function preview(file: FileInfo): void {
    if (!isPreviewable(file) || urls.has(file.id)) return
    urls.set(file.id, null)
    downloadFile(file.id, controller.signal)
      .then((blob) => urls.set(file.id, URL.createObjectURL(blob)))
      .catch(() => urls.set(file.id, false))
  }

  /** Saves (or, for PDFs and images, opens) a file under its own name. */
  async function open(file: FileInfo): Promise<void> {
    const blob = await downloadFile(file.id, controller.signal)
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = file.name
    link.rel = 'noopener'
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  }

  onBeforeUnmount(() => {
    controller.abort()
    for (const url of urls.values()) if (url) URL.revokeObjectURL(url)
  })

  return { urls, preview, open }
}
