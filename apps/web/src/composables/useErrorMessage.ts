/**
 * The one way failures reach the user: a problem's stable `code` picks the message
 * `errors.<code>`; an unknown code falls back to the server's `detail`, then to a generic line.
 */
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/http'

type Translate = (key: string) => string
type Exists = (key: string) => boolean

/** The message for any thrown value, given the i18n `t` and `te` functions. */
export function problemMessage(error: unknown, t: Translate, te: Exists): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`
    if (te(key)) return t(key)
    return error.detail ?? t('errors.unknown')
  }
  return t('errors.unknown')
}

/**
 * Field errors of a 422 as `{ fieldName: message }`, the field being the first segment of the
 * JSON pointer (`/roles/0` → `roles`). Messages are localised generically: the server's are
 * English validator output.
 */
export function fieldErrors(error: unknown, fieldMessage: string): Record<string, string> {
  const result: Record<string, string> = {}
  if (!(error instanceof ApiError)) return result
  for (const item of error.errors) {
    const field = item.path.replace(/^\//, '').split('/')[0]
    if (field) result[field] ??= fieldMessage
  }
  return result
}

/** Whether `error` is an ApiError with one of `codes`. */
export function hasCode(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && codes.includes(error.code)
}

export function useErrorMessage() {
  const { t, te } = useI18n()
  const messageOf = (error: unknown): string => problemMessage(error, t, te)
  return {
    messageOf,
    fieldErrorsOf: (error: unknown) => fieldErrors(error, t('errors.field')),
    /** Shows the failure as a toast; for errors that have no better place on the page. */
    showError: (error: unknown) => {
      ElMessage({ type: 'error', message: messageOf(error), showClose: true, duration: 6000 })
    },
  }
}
