/**
 * The `?redirect=` target after sign-in, accepted only when it is a path inside this SPA:
 * `//evil.example` or `https://...` would turn the login page into an open redirect.
 */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string') return null
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null
  if (value.startsWith('/login')) return null
  return value
}
