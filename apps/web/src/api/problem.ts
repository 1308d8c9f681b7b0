/**
 * What a failed call becomes in the SPA: the server's RFC 9457 problem document as an `ApiError`
 * the UI branches on by `code`, or one synthesised for transport failures. Read by api/http.ts.
 */
import type { ProblemDetails } from '@rectify/schemas'

/** Codes the SPA synthesises when no problem document came back (network down, proxy error). */
export type ClientErrorCode = 'network' | 'bad_response'

export type FieldError = { path: string; message: string }

/** An API failure: the server's problem document, or a synthesised one for transport failures. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly detail: string | undefined
  readonly errors: FieldError[]
  readonly problem: ProblemDetails
  /** Seconds to wait before trying again, from a 429's `Retry-After` header. */
  readonly retryAfter: number | undefined

  constructor(problem: ProblemDetails, retryAfter?: number) {
    super(problem.detail ?? problem.title)
    this.retryAfter = retryAfter
    this.name = 'ApiError'
    this.problem = problem
    this.status = problem.status
    this.code = problem.code
    this.detail = problem.detail
    this.errors = problem.errors ?? []
  }
}

export function isProblem(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.status === 'number' && typeof v.code === 'string'
}

/** `Retry-After` in seconds (the delta form; an HTTP date is read as "unknown"). */
function retryAfterOf(response: Response): number | undefined {
  const value = Number(response.headers.get('Retry-After') ?? '')
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : undefined
}

/** Turns any non-2xx response into an ApiError, whether or not it carries problem+json. */
export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = retryAfterOf(response)
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // A proxy's HTML error page or an empty body: fall through to the synthesised problem.
  }
  if (isProblem(body)) return new ApiError(body, retryAfter)
  return new ApiError(
    {
      type: 'about:blank',
      title: response.statusText || 'Error',
      status: response.status,
      code: response.status >= 500 ? 'unavailable' : 'bad_response',
    },
    retryAfter,
  )
}

export function networkError(cause: unknown): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    code: 'network' satisfies ClientErrorCode,
    detail: cause instanceof Error ? cause.message : undefined,
  })
}
