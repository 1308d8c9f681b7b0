import type { Role, Scope } from '@rectify/schemas'

/**
 * How a route's objects are scoped:
 * - `none`: the route has no objects of a unit (auth, health, the caller's own account);
 * - `unit-tree`: unit users and unit-scoped clients see only their unit and its subtree, the
 *   office, leaders, auditors and admins the whole city; anything else answers 404.
 */
export type ObjectScope = 'none' | 'unit-tree'

export interface RoutePolicy {
  /** `public`: no credentials; otherwise the roles of people allowed to call the route. */
  roles: 'public' | readonly Role[]
  /** Scopes an API client needs (all of them); omitted: clients may not call the route. */
  scopes?: readonly Scope[]
  objects: ObjectScope
}

const ALL: readonly Role[] = ['admin', 'office', 'lead_unit', 'unit', 'leader', 'auditor']
const READERS: readonly Role[] = ['admin', 'office', 'lead_unit', 'unit', 'leader', 'auditor']
const PUBLIC: RoutePolicy = { roles: 'public', objects: 'none' }

/**
 * The policy table: every route under /api/v1, keyed `METHOD /path` as registered. A route
 * without a row refuses to register (see plugins/auth.ts), and the table-driven test in
 * test/policy.test.ts covers every row for every role.
 */
export const POLICY: Record<string, RoutePolicy> = {
  'GET /api/v1/health': PUBLIC,
  'GET /api/v1/ready': PUBLIC,
  'GET /api/v1/openapi.json': PUBLIC,

  'POST /api/v1/auth/login': PUBLIC,
  'POST /api/v1/auth/refresh': PUBLIC,
  'POST /api/v1/auth/logout': PUBLIC,
  'POST /api/v1/oauth/token': PUBLIC,

  'GET /api/v1/me': { roles: ALL, objects: 'none' },
  'POST /api/v1/me/password': { roles: ALL, objects: 'none' },

  'GET /api/v1/units': { roles: READERS, scopes: ['units:read'], objects: 'unit-tree' },
  'GET /api/v1/units/:id': { roles: READERS, scopes: ['units:read'], objects: 'unit-tree' },
  'POST /api/v1/units': { roles: ['admin'], objects: 'unit-tree' },
  'PATCH /api/v1/units/:id': { roles: ['admin'], objects: 'unit-tree' },

  'GET /api/v1/users': { roles: READERS, scopes: ['users:read'], objects: 'unit-tree' },
  'GET /api/v1/users/:id': { roles: READERS, scopes: ['users:read'], objects: 'unit-tree' },
  'POST /api/v1/users': { roles: ['admin'], objects: 'unit-tree' },
  'PATCH /api/v1/users/:id': { roles: ['admin'], objects: 'unit-tree' },
  'POST /api/v1/users/:id/password': { roles: ['admin'], objects: 'unit-tree' },

  'GET /api/v1/clients': { roles: ['admin', 'auditor'], objects: 'none' },
  'GET /api/v1/clients/:id': { roles: ['admin', 'auditor'], objects: 'none' },
  'POST /api/v1/clients': { roles: ['admin'], objects: 'none' },
  'PATCH /api/v1/clients/:id': { roles: ['admin'], objects: 'none' },
  'POST /api/v1/clients/:id/secret': { roles: ['admin'], objects: 'none' },

  'GET /api/v1/audit': { roles: ['auditor', 'office'], scopes: ['audit:read'], objects: 'none' },

  // ── The ledger: rounds, problems, transitions, extensions (modules/rounds, modules/problems)

  // ── Measures, milestones, progress reports, evidence files (modules/measures, modules/reports, modules/files)
}

export function policyKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`
}
