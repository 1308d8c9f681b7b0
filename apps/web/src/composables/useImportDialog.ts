/**
 * What the three import dialogs (problem list, progress table, petition batch) share beyond
 * their shell (ImportDialogShell): an import message in the user's language, and a file
 * download (the template, the upload with its errors marked) saved under its own name or shown
 * as an error.
 */
import { useI18n } from 'vue-i18n'
import type { NamedBlob } from '@/api/http'
import { saveBlob } from '@/lib/save-file'
import { useErrorMessage } from './useErrorMessage'

/** An import error or warning: the API says it in Chinese and in English. */
export interface ImportMessage {
  message: string
  messageEn: string
}

export function useImportDialog() {
  const { locale } = useI18n()
  const { showError } = useErrorMessage()

  const textOf = (m: ImportMessage) => (locale.value === 'en' ? m.messageEn : m.message)

  /** Fetches a file and saves it (`fallback`: the name when the answer gives none). */
  async function download(get: () => Promise<NamedBlob | null>, fallback: string): Promise<void> {
    try {
      const file = await get()
      if (file) saveBlob(file.blob, file.filename ?? fallback)
    } catch (error) {
      showError(error)
    }
  }

  return { textOf, download }
}
