/**
 * Downloading one .xlsx export: one attempt at a time, the file saved under the name the server
 * gave it, a refusal shown as the API worded it.
 */
import { ref } from 'vue'
import { downloadExport, type ExportName, type ExportQueries } from '@/api/exports'
import { saveBlob } from '@/lib/save-file'
import { useErrorMessage } from './useErrorMessage'

export function useExportDownload() {
  const { showError } = useErrorMessage()
  const busy = ref(false)

  /** Downloads `name` with `query`; true when the file was saved. */
  async function run<N extends ExportName>(name: N, query: ExportQueries[N]): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    try {
      const { blob, filename } = await downloadExport(name, query)
      saveBlob(blob, filename ?? `${name}.xlsx`)
      return true
    } catch (error) {
      showError(error)
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, run }
}
