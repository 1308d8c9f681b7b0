import { principalGeneration } from '../../lib/principals.js'

/**
 * How long a principal (a session's user, roles, unit path; an API client) read for one request
 * serves the next ones in this process without a database round trip. In this process a change
 * drops every entry at once (lib/principals.ts); another instance sees a revoked session, a
 * disabled user or a new role within this bound (docs/security.md).
 */
export const PRINCIPAL_TTL_MS = 5_000
/** Above this many live entries the cache starts over (a session is one entry). */
const MAX_ENTRIES = 20_000

interface Entry<T> {
  value: T
  generation: number
  expiresAt: number
}

/** Principals by session id (or client id), each trusted for PRINCIPAL_TTL_MS in its generation. */
export class PrincipalCache<T> {
  private readonly entries = new Map<string, Entry<T>>()

  get(key: string, now = Date.now()): T | undefined {
    const e = this.entries.get(key)
    if (!e) return undefined
    if (e.generation !== principalGeneration() || e.expiresAt <= now) {
      this.entries.delete(key)
      return undefined
    }
    return e.value
  }

  /**
   * Reads through the cache: `load` runs on a miss, and its result is kept under the generation
   * current when the read began, so a read that raced a change is never trusted afterwards.
   */
  async read(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const hit = this.get(key)
    if (hit !== undefined) return hit
    const generation = principalGeneration()
    const value = await load()
    if (value === undefined) return undefined
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear()
    this.entries.set(key, { value, generation, expiresAt: Date.now() + PRINCIPAL_TTL_MS })
    return value
  }
}
