/**
 * Enabling and disabling an account, shared by the user list and the user page: a confirmation
 * first, then the PATCH with the version the admin saw. On a 412 the admin is told and the row
 * is reloaded, so a second click acts on what is really there.
 */
import type { User } from '@rectify/schemas'
import { ElMessage, ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { useUsersStore } from '@/stores/users'
import { hasCode, useErrorMessage } from './useErrorMessage'

export function useUserActions() {
  const { t } = useI18n()
  const { showError } = useErrorMessage()
  const users = useUsersStore()

  /** Resolves to the updated (or reloaded) user, or null when cancelled or failed. */
  async function toggleStatus(user: User): Promise<User | null> {
    const disabling = user.status === 'active'
    try {
      await ElMessageBox.confirm(
        t(disabling ? 'users.confirmDisable' : 'users.confirmEnable', { name: user.displayName }),
        t('common.confirmTitle'),
        {
          type: 'warning',
          confirmButtonText: t('common.confirm'),
          cancelButtonText: t('common.cancel'),
        },
      )
    } catch {
      return null
    }
    try {
      const next = await users.update(user, { status: disabling ? 'disabled' : 'active' })
      ElMessage({ type: 'success', message: t(disabling ? 'users.disabled' : 'users.enabled') })
      return next
    } catch (error) {
      if (!hasCode(error, 'precondition_failed')) {
        showError(error)
        return null
      }
      await ElMessageBox.alert(t('errors.precondition_failed'), t('common.confirmTitle'), {
        type: 'warning',
        confirmButtonText: t('common.reload'),
      }).catch(() => undefined)
      return users.refetch(user.id).catch((cause: unknown) => {
        showError(cause)
        return null
      })
    }
  }

  return { toggleStatus }
}
