import type { ErrorCode, ProblemDetails } from '@rectify/schemas'

const TITLES: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  validation: 'Validation failed',
  unprocessable: 'Request breaks a rule',
  unauthorized: 'Authentication required',
  invalid_credentials: 'Invalid username or password',
  account_locked: 'Account temporarily locked',
  account_disabled: 'Account disabled',
  session_expired: 'Session expired',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  request_timeout: 'Request timeout',
  conflict: 'Conflict',
  duplicate: 'Already exists',
  precondition_failed: 'Version mismatch',
  precondition_required: 'If-Match required',
  idempotency_mismatch: 'Idempotency-Key reused with another request',
  idempotency_in_progress: 'A request with this Idempotency-Key is in progress',
  idempotency_done:
    'The request with this Idempotency-Key was carried out; its response was not recorded',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  password_policy: 'Password does not meet the policy',
  unit_in_use: 'Unit is in use',
  not_lead_unit: 'Only the lead unit may do this',
  not_ready: 'Not ready for this step',
  publicity_not_open: 'The publicity period has not started',
  publicity_closed: 'The publicity period is over',
  file_missing: 'File content missing',
  cursor_expired: 'Cursor older than the retention period',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
}

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 422,
  unprocessable: 422,
  unauthorized: 401,
  invalid_credentials: 401,
  account_locked: 401,
  account_disabled: 401,
  session_expired: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  duplicate: 409,
  precondition_failed: 412,
  precondition_required: 428,
  idempotency_mismatch: 422,
  idempotency_in_progress: 409,
  idempotency_done: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  password_policy: 422,
  unit_in_use: 409,
  not_lead_unit: 403,
  not_ready: 409,
  publicity_not_open: 409,
  publicity_closed: 409,
  file_missing: 410,
  cursor_expired: 410,
  internal: 500,
  unavailable: 503,
}

export interface FieldError {
  path: string
  message: string
}

/** A domain error with a stable code. Services throw these; the error handler renders them. */
export class AppError extends Error {
  readonly status: number
  /** `status` overrides the code's usual one (input refused before validation: 400 validation). */
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly extra: { errors?: FieldError[]; allowed?: string[] } = {},
    status?: number,
  ) {
    super(detail ?? TITLES[code])
    this.status = status ?? STATUS[code]
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`)
export const forbidden = (detail?: string) => new AppError('forbidden', detail)

/**
 * A 422 naming every field that breaks a rule: `invalid(errors)` for several, `invalid(path,
 * message)` for one. The detail reads `field message; field message` (paths without their `/`).
 */
export function invalid(errors: FieldError[]): AppError
export function invalid(path: string, message: string): AppError
export function invalid(first: FieldError[] | string, message = ''): AppError {
  const errors = typeof first === 'string' ? [{ path: first, message }] : first
  return new AppError(
    'unprocessable',
    errors.map((e) => `${e.path.slice(1)} ${e.message}`).join('; '),
    { errors },
  )
}

/** RFC 9457 body for an error code. */
export function problem(
  code: ErrorCode,
  detail?: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails {
  return {
    type: `urn:rectify:error:${code}`,
    title: TITLES[code],
    status: STATUS[code],
    code,
    ...(detail ? { detail } : {}),
    ...extra,
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code]
}
