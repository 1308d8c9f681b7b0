/**
 * The sending half of a short versioned form (a dialog on the problem page): one attempt at a
 * time, a 412 turned into the stale alert (useVersionedEdit) with the user's input kept, any
 * other refusal (a 409 "the period is not over", a 422) shown as the API worded it.
 */
import { ref } from 'vue'
import { useErrorMessage } from './useErrorMessage'
import { useVersionedEdit } from './useVersionedEdit'

export function useVersionedSubmit<T extends { version: number }>(
  record: () => T,
  refetch: () => Promise<T>,
) {
  const { messageOf } = useErrorMessage()
  const general = ref<string | null>(null)
  const saving = ref(false)
  const edit = useVersionedEdit(record, refetch, (error) => {
    general.value = messageOf(error)
  })

  /** Starts a fresh attempt on the record as given (the dialog opened). */
  function start(): void {
    edit.reset()
    general.value = null
  }

  /** Sends with the version the edit stands on; true when it went through. */
  async function run(send: (version: number) => Promise<unknown>): Promise<boolean> {
    saving.value = true
    general.value = null
    try {
      await send(edit.baseVersion.value)
      edit.stale.value = 'no'
      return true
    } catch (error) {
      if (!edit.conflict(error)) general.value = messageOf(error)
      return false
    } finally {
      saving.value = false
    }
  }

  return { ...edit, general, saving, start, run }
}
