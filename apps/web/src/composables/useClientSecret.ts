/**
 * Showing a client secret exactly once: after creation or rotation the answer is held here only
 * while the secret dialog is open, then dropped so it does not linger in memory.
 */
import type { ApiClient, ApiClientWithSecret } from '@rectify/schemas'
import { ElMessageBox } from 'element-plus'
import { ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useClientsStore } from '@/stores/clients'
import { useErrorMessage } from './useErrorMessage'

export function useClientSecret() {
  const { t } = useI18n()
  const { showError } = useErrorMessage()
  const clients = useClientsStore()
  const issued = shallowRef<ApiClientWithSecret | null>(null)
  const showing = ref(false)

  function show(answer: ApiClientWithSecret): void {
    issued.value = answer
    showing.value = true
  }

  /** Forgets the secret once the dialog has closed. */
  function forget(): void {
    issued.value = null
  }

  /** Asks for confirmation, rotates, shows the new secret; resolves to the updated client. */
  async function rotate(client: ApiClient): Promise<ApiClient | null> {
    try {
      await ElMessageBox.confirm(t('clients.confirmRotate'), t('clients.rotate'), {
        type: 'warning',
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return null
    }
    try {
      const answer = await clients.rotateSecret(client.id)
      show(answer)
      return answer.client
    } catch (error) {
      showError(error)
      return null
    }
  }

  return { issued, showing, show, forget, rotate }
}
