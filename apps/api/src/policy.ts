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
  // Rounds are city-wide records; problems are scoped by problemScope (lead, co, region, measure units).
  // Who may take which step within a route (office vs lead unit, own unit) is decided by the
  // services: see modules/problems/problems.access.ts and transitions.ts.
  'GET /api/v1/rounds': { roles: READERS, scopes: ['problems:read'], objects: 'none' },
  'GET /api/v1/rounds/:id': { roles: READERS, scopes: ['problems:read'], objects: 'none' },
  'POST /api/v1/rounds': { roles: ['office'], objects: 'none' },
  'PATCH /api/v1/rounds/:id': { roles: ['office'], objects: 'none' },
  'GET /api/v1/problems': { roles: READERS, scopes: ['problems:read'], objects: 'unit-tree' },
  'GET /api/v1/problems/summary': {
    roles: READERS,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/problems/:id': { roles: READERS, scopes: ['problems:read'], objects: 'unit-tree' },
  'POST /api/v1/problems': { roles: ['office'], scopes: ['problems:write'], objects: 'unit-tree' },
  'PATCH /api/v1/problems/:id': {
    roles: ['office', 'lead_unit'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'POST /api/v1/problems/:id/transitions': {
    roles: ['office', 'lead_unit'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/problems/:id/timeline': {
    roles: READERS,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/problems/:id/extensions': {
    roles: READERS,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/problems/:id/extensions': {
    roles: ['lead_unit', 'unit'],
    scopes: ['progress:write'],
    objects: 'unit-tree',
  },
  'POST /api/v1/extensions/:id/decision': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/me/work': { roles: ['lead_unit', 'unit'], objects: 'unit-tree' },

  // ── Measures, milestones, progress reports, evidence files (modules/measures, modules/reports, modules/files)
  // Plan edits: the office until close-out, the lead unit while drafting (then only ticking off);
  // reports: units the problem concerns; review: the office, or the lead unit for its co-units;
  // files are read like the record they belong to (see the services).
  'GET /api/v1/problems/:id/measures': {
    roles: READERS,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/problems/:id/measures': {
    roles: ['office', 'lead_unit'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'PATCH /api/v1/measures/:id': {
    roles: ['office', 'lead_unit'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'DELETE /api/v1/measures/:id': {
    roles: ['office', 'lead_unit'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/schedule': { roles: ALL, scopes: ['problems:read'], objects: 'none' },
  'POST /api/v1/files': {
    roles: ['office', 'lead_unit', 'unit'],
    scopes: ['progress:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/files/:id': { roles: READERS, scopes: ['problems:read'], objects: 'unit-tree' },
  'POST /api/v1/problems/:id/reports': {
    roles: ['lead_unit', 'unit'],
    scopes: ['progress:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/problems/:id/reports': {
    roles: READERS,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/reports': { roles: READERS, scopes: ['problems:read'], objects: 'unit-tree' },
  'GET /api/v1/reports/:id': { roles: READERS, scopes: ['problems:read'], objects: 'unit-tree' },
  'POST /api/v1/reports/:id/review': {
    roles: ['office', 'lead_unit'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
}

export function policyKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`
}
