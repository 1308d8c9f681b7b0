import type { Scope } from '@rectify/schemas'

/** i18n key of a scope's name: `problems:read` → `clients.scopeNames.problems_read`. */
export function scopeKey(scope: Scope): string {
  return `clients.scopeNames.${scope.replace(':', '_')}`
}
