/**
 * Linking a case as the repeat of an earlier one (office), from the case page or right after
 * adding a case: a confirmation that says so when the link reopens a closed problem as a
 * rebound, then the versioned write; a stale version reads the case again and says why.
 */
import type { Petition, RepeatCandidate } from '@rectify/schemas'
import { ElMessage, ElMessageBox } from 'element-plus'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { hasCode, useErrorMessage } from '@/composables/useErrorMessage'
import { reopensProblem } from '@/lib/petitions'
import { usePetitionsStore } from '@/stores/petitions'

export function usePetitionRepeatLink() {
  const { t } = useI18n()
  const { showError } = useErrorMessage()
  const store = usePetitionsStore()
  const busy = ref(false)

  /** Asks, then links `petition` as a repeat of `candidate`; the updated case, or null. */
  async function link(
    petition: Pick<Petition, 'id' | 'version'>,
    candidate: RepeatCandidate,
  ): Promise<Petition | null> {
    const lines = [t('petition.repeats.confirm', { receipt: candidate.receiptNo })]
    if (reopensProblem(candidate) && candidate.problem) {
      lines.push(t('petition.repeats.rebound', { code: candidate.problem.code }))
    }
    try {
      await ElMessageBox.confirm(lines.join('\n'), t('petition.repeats.confirmTitle'), {
        type: lines.length > 1 ? 'warning' : 'info',
        confirmButtonText: t('petition.repeats.link'),
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return null
    }
    return send(petition, candidate.id, t('petition.repeats.linked'))
  }

  /** Removes the repeat link. */
  function unlink(petition: Pick<Petition, 'id' | 'version'>): Promise<Petition | null> {
    return send(petition, null, t('petition.repeats.unlinked'))
  }

  async function send(
    petition: Pick<Petition, 'id' | 'version'>,
    repeatOfId: string | null,
    done: string,
  ): Promise<Petition | null> {
    busy.value = true
    try {
      const saved = await store.setRepeat(petition.id, petition.version, repeatOfId)
      ElMessage({ type: 'success', message: done })
      return saved
    } catch (error) {
      // Someone changed the case meanwhile: show what is true now, then the refusal.
      if (hasCode(error, 'precondition_failed')) await store.refetch(petition.id).catch(() => null)
      showError(error)
      return null
    } finally {
      busy.value = false
    }
  }

  return { busy, link, unlink }
}
