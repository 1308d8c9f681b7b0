/**
 * The sending half of a short versioned form (a dialog on the problem page): one attempt at a
 * time, a 412 turned into the stale alert (useVersionedEdit) with the user's input kept, any
 * other refusal routed by useFormSubmit — at the field a 422 names when the form says which
 * fields it shows (`routing`), otherwise (a 409 "the period is not over") as the API worded it.
 */
import { useFormSubmit, type FieldRouting } from './useFormSubmit'
import { useVersionedEdit } from './useVersionedEdit'

export function useVersionedSubmit<T extends { version: number }>(
  record: () => T,
  refetch: () => Promise<T>,
  routing: FieldRouting = {},
) {
  const form = useFormSubmit(routing)
  const edit = useVersionedEdit(record, refetch, (error) => form.show(error))

  /** Starts a fresh attempt on the record as given (the dialog opened). */
  function start(): void {
    edit.reset()
    form.start()
  }

  /** Sends with the version the edit stands on; true when it went through. */
  async function run(send: (version: number) => Promise<unknown>): Promise<boolean> {
    const sent = await form.run(() => send(edit.baseVersion.value), edit.conflict)
    if (sent) edit.stale.value = 'no'
    return sent
  }

  return {
    ...edit,
    general: form.general,
    errors: form.errors,
    saving: form.saving,
    show: form.show,
    start,
    run,
  }
}
