import { ref, watch, type Ref } from 'vue'
import { hasCode } from '@/composables/useErrorMessage'

/** Where an edit stands against the record's version: in step, refused with 412, or reloaded. */
export type StaleState = 'no' | 'stale' | 'reloaded'

/**
 * The optimistic-concurrency half of an edit form: the version the edit is based on (sent as
 * If-Match), what a 412 does (show the stale alert and keep the user's input), and the reload that
 * fetches the newer record so the user can reapply the edit on top of it.
 *
 * @param record the record being edited (a prop); its version is followed while no 412 is pending,
 *   since the page's own actions (enable, rotate secret …) bump it.
 * @param refetch loads the current record after a 412.
 * @param onError reports a failed reload.
 */
export function useVersionedEdit<T extends { version: number }>(
  record: () => T,
  refetch: () => Promise<T>,
  onError: (error: unknown) => void,
) {
  const baseVersion = ref(record().version)
  const stale = ref<StaleState>('no')
  const latest = ref(null) as Ref<T | null>
  const reloading = ref(false)

  watch(
    () => record().version,
    (version) => {
      if (stale.value === 'no') baseVersion.value = version
    },
  )

  /** Starts over from the record as given (another record was opened). */
  function reset(): void {
    baseVersion.value = record().version
    stale.value = 'no'
  }

  async function reload(): Promise<void> {
    reloading.value = true
    try {
      latest.value = await refetch()
      baseVersion.value = latest.value.version
      stale.value = 'reloaded'
    } catch (error) {
      onError(error)
    } finally {
      reloading.value = false
    }
  }

  /** After a successful save: the edit now stands on the saved version. */
  function saved(version: number): void {
    baseVersion.value = version
    stale.value = 'no'
  }

  /** True (and the stale alert shown) when a save failed on a stale version. */
  function conflict(error: unknown): boolean {
    if (!hasCode(error, 'precondition_failed')) return false
    stale.value = 'stale'
    return true
  }

  return { baseVersion, stale, latest, reloading, reset, reload, saved, conflict }
}
