/**
 * The generation of everything a signed-in principal is made of (sessions, users' roles, status
 * and unit, units' paths, API clients). The auth service caches principals for a few seconds
 * (modules/auth/principals.ts) and trusts an entry only if it was read in the current
 * generation; whatever changes one of those facts calls principalsChanged() after its
 * transaction commits, and every entry read before then is gone in this process at once. Other
 * processes see the change when their entries expire.
 */
let generation = 0

export function principalGeneration(): number {
  return generation
}

/** Call after the commit (a read begun before it must not be trusted); rare, so it drops all. */
export function principalsChanged(): void {
  generation++
}
