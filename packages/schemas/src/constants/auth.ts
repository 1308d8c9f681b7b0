/** RFC 6749 §5.2 error codes of the token endpoint. */
export const OAUTH_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'rate_limited',
  'server_error',
  'temporarily_unavailable',
] as const
