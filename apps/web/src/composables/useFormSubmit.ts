/**
 * The sending half of a form (a dialog on BaseFormDialog, or a form on a page): one attempt at a
 * time, and each refusal shown where it belongs — a 422 whose `errors[].path` names a field the
 * form shows at that field, a code the form ties to a field (`duplicate` → the code) at that
 * field, a 412 as the stale alert with the user's input kept, anything else above the form as
 * the API worded it. Versioned records go through useVersionedSubmit, which builds on this.
 */
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/problem'
import { hasCode, useErrorMessage } from './useErrorMessage'
import type { StaleState } from './useVersionedEdit'

export interface FieldRouting {
  /** The fields the form shows (model keys = first segment of a 422's `errors[].path`). */
  fields?: readonly string[]
  /** Refusal codes that belong to one field, e.g. `{ duplicate: 'code' }`; worded as the API's. */
  codes?: Readonly<Record<string, string>>
  /** A field's own wording for a refusal at it (instead of the generic 此项内容不符合要求). */
  messages?: Readonly<Record<string, () => string>>
}

export interface FormSubmitOptions extends FieldRouting {
  /**
   * Reads the record again after a 412 (the caller's store keeps the version it sends). Without
   * it a 412 is shown as the API worded it; useVersionedSubmit handles its own 412.
   */
  refetch?: () => Promise<unknown>
}

/** Where a refusal goes: `errors` at fields the form shows, `general` for the rest (or null). */
export function routeError(
  error: unknown,
  routing: FieldRouting,
  messageOf: (error: unknown) => string,
  fieldMessage: string,
): { errors: Record<string, string>; general: string | null } {
  const errors: Record<string, string> = {}
  const shown = new Set(routing.fields ?? [])
  const wording = (field: string, fallback: string) => routing.messages?.[field]?.() ?? fallback
  if (error instanceof ApiError) {
    const field = routing.codes?.[error.code]
    if (field) {
      errors[field] = wording(field, messageOf(error))
      return { errors, general: null }
    }
    if (error.status === 422 && error.errors.length) {
      let unshown = false
      for (const item of error.errors) {
        const name = item.path.replace(/^\//, '').split('/')[0] ?? ''
        if (shown.has(name)) errors[name] ??= wording(name, fieldMessage)
        else unshown = true
      }
      return { errors, general: unshown ? messageOf(error) : null }
    }
  }
  return { errors, general: messageOf(error) }
}

export function useFormSubmit(options: FormSubmitOptions = {}) {
  const { messageOf } = useErrorMessage()
  const { t } = useI18n()
  const general = ref<string | null>(null)
  const errors = ref<Record<string, string>>({})
  const saving = ref(false)
  const stale = ref<StaleState>('no')
  const reloading = ref(false)

  /** Starts a fresh attempt (the dialog opened): no refusal, no stale alert. */
  function start(): void {
    general.value = null
    errors.value = {}
    stale.value = 'no'
  }

  /** Shows a refusal where it belongs (also for failures outside `run`, e.g. a preview). */
  function show(error: unknown): void {
    const routed = routeError(error, options, messageOf, t('errors.field'))
    errors.value = routed.errors
    general.value = routed.general
  }

  /**
   * Sends once; true when it went through. `intercept` may claim a refusal first (a versioned
   * form's 412); a 412 is the stale alert when the form can read the record again.
   */
  async function run(
    send: () => Promise<unknown>,
    intercept?: (error: unknown) => boolean,
  ): Promise<boolean> {
    saving.value = true
    general.value = null
    errors.value = {}
    try {
      await send()
      stale.value = 'no'
      return true
    } catch (error) {
      if (intercept?.(error)) return false
      if (options.refetch && hasCode(error, 'precondition_failed')) stale.value = 'stale'
      else show(error)
      return false
    } finally {
      saving.value = false
    }
  }

  /** The stale alert's reload: reads the record again, keeps the input, says to resubmit. */
  async function reload(): Promise<void> {
    if (!options.refetch) return
    reloading.value = true
    try {
      await options.refetch()
      stale.value = 'reloaded'
    } catch (error) {
      general.value = messageOf(error)
    } finally {
      reloading.value = false
    }
  }

  return { general, errors, saving, stale, reloading, start, show, run, reload }
}
