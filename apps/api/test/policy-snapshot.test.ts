import { describe, expect, it } from 'vitest'
import { POLICY } from '../src/policy.js'

/**
 * The policy table, pinned: who may call each route (roles), which scopes a client needs and how
 * its objects are scoped, as reviewed. The table-driven test (policy.test.ts) proves the app
 * enforces POLICY; this one proves POLICY is what was reviewed — a widened route fails here
 * until its line in policy.snapshot.txt is changed on purpose, and the diff shows it:
 *
 *   pnpm vitest run test/policy-snapshot.test.ts -u    # then review and commit the file
 */
function render(): string {
  const lines = Object.entries(POLICY)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, p]) => {
      const roles = p.roles === 'public' ? 'public' : p.roles.join(',') || '-'
      const scopes = p.scopes?.join(',') ?? '-'
      return `${key}\n  roles: ${roles}\n  scopes: ${scopes}\n  objects: ${p.objects}`
    })
  return `${lines.join('\n')}\n`
}

describe('the policy table', () => {
  it('is the reviewed snapshot (update it on purpose with -u)', async () => {
    await expect(render()).toMatchFileSnapshot('./policy.snapshot.txt')
  })
})
