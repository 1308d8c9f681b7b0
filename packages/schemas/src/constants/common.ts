/** Roles of people (DOMAIN.md "Who uses it"). */
export const ROLES = ['admin', 'office', 'lead_unit', 'unit', 'leader', 'auditor'] as const

/** Scopes an API client can hold. A scope grants a capability, never more than a role would. */
export const SCOPES = [
  'units:read',
  'users:read',
  'audit:read',
  'problems:read',
  'problems:write',
  'progress:write',
  'petitions:read',
  'petitions:write',
  /** Read a petition's complainant (name and contact); every read is audited. */
  'petitions:pii',
  'public_reports:read',
  'public_reports:write',
  /** Submit public reports for a hotline (12345) with its own ticket numbers; no browser challenge. */
  'reports:intake',
  /** Register, list, pause, resume and delete the client's own webhook subscriptions. */
  'webhooks:manage',
  /** Read the change feed (GET /changes); which entity types it shows follows the read scopes. */
  'changes:read',
] as const

/** Stable error codes (the last segment of `type`, `urn:rectify:error:<code>`). */
export const ERROR_CODES = [
  'bad_request',
  'validation',
  'unprocessable',
  'unauthorized',
  'invalid_credentials',
  'account_locked',
  'account_disabled',
  'session_expired',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'request_timeout',
  'conflict',
  'duplicate',
  'precondition_failed',
  'precondition_required',
  'idempotency_mismatch',
  'idempotency_in_progress',
  'idempotency_done',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'password_policy',
  'unit_in_use',
  /** A step only the problem's lead unit takes (a problem-level extension, an application). */
  'not_lead_unit',
  /** The problem does not meet a step's precondition yet (e.g. acceptance at 0 %, no evidence). */
  'not_ready',
  'publicity_not_open',
  'publicity_closed',
  'file_missing',
  'cursor_expired',
  'internal',
  'unavailable',
] as const
