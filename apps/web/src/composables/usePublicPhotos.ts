/**
 * The report form's photos: each chosen file is checked (type, size, count), previewed, and
 * uploaded at once to `/public/files` with its progress, so the submission only names tokens.
 */
import type { PublicUpload } from '@rectify/schemas'
import { computed, onBeforeUnmount, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { uploadPublicPhoto } from '@/api/public'
import { MAX_PHOTOS, photoProblem } from '@/lib/public-report'
import { useErrorMessage } from './useErrorMessage'

export interface PhotoItem {
  key: number
  name: string
  /** An object URL for the thumbnail; revoked when the photo is removed. */
  url: string
  /** 0–100 while uploading. */
  progress: number
  state: 'uploading' | 'done' | 'failed'
  upload: PublicUpload | null
  error: string | null
}

export function usePublicPhotos() {
  const { t } = useI18n()
  const { messageOf } = useErrorMessage()
  const photos = ref<PhotoItem[]>([])
  /** Why some chosen files were not taken (wrong type, too large, too many). */
  const refusals = ref<string[]>([])
  const controllers = new Map<number, AbortController>()
  let nextKey = 1

  const uploads = computed(() =>
    photos.value.flatMap((p) => (p.state === 'done' && p.upload ? [p.upload] : [])),
  )
  /** Photos not ready to be sent: still uploading, or failed and not yet removed. */
  const unsettled = computed(() => photos.value.some((p) => p.state !== 'done'))
  const full = computed(() => photos.value.length >= MAX_PHOTOS)

  function find(key: number): PhotoItem | undefined {
    return photos.value.find((p) => p.key === key)
  }

  async function send(key: number, file: File): Promise<void> {
    const controller = new AbortController()
    controllers.set(key, controller)
    try {
      const upload = await uploadPublicPhoto(file, {
        signal: controller.signal,
        onProgress: (loaded, total) => {
          const item = find(key)
          if (item) item.progress = Math.round((loaded / total) * 100)
        },
      })
      const item = find(key)
      if (item) Object.assign(item, { state: 'done', progress: 100, upload })
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return
      const item = find(key)
      if (item) Object.assign(item, { state: 'failed', error: messageOf(error) })
    } finally {
      controllers.delete(key)
    }
  }

  /** Takes the chosen files that may be sent and starts uploading them. */
  function add(files: Iterable<File>): void {
    refusals.value = []
    for (const file of files) {
      const problem = photoProblem(file)
      if (problem) {
        refusals.value.push(
          t(problem === 'type' ? 'publicBoard.report.photoType' : 'publicBoard.report.photoSize', {
            name: file.name,
          }),
        )
        continue
      }
      if (photos.value.length >= MAX_PHOTOS) {
        refusals.value.push(t('publicBoard.report.photoMax', { max: MAX_PHOTOS }))
        break
      }
      const key = nextKey++
      photos.value.push({
        key,
        name: file.name,
        url: URL.createObjectURL(file),
        progress: 0,
        state: 'uploading',
        upload: null,
        error: null,
      })
      void send(key, file)
    }
  }

  function remove(key: number): void {
    controllers.get(key)?.abort()
    const item = find(key)
    if (item) URL.revokeObjectURL(item.url)
    photos.value = photos.value.filter((p) => p.key !== key)
  }

  /** Forgets every photo (after a successful submission). */
  function clear(): void {
    for (const p of [...photos.value]) remove(p.key)
    refusals.value = []
  }

  onBeforeUnmount(clear)

  return { photos, refusals, uploads, unsettled, full, add, remove, clear }
}
