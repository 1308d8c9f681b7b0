import type { RoutePolicy } from './policy.js'
import { SIGNED_IN, CASE_READERS, CITY_READERS } from './policy.roles.js'

/**
 * The policy rows of issue 7 — Excel in and out, dashboards, the dispatch bulletin — spread into
 * POLICY (policy.ts). Exports and dashboards read through the same object scopes as the lists
 * they mirror (problemScope, petitionScope, accountabilityScope): a county's export holds only its
 * rows, and no export ever carries a petition's complainant.
 */
export const ANALYSIS_POLICY: Record<string, RoutePolicy> = {
  // problem-list import (modules/problem-import)
  'POST /api/v1/rounds/:id/problem-import': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'none',
  },
  // the upload with the dry run's errors marked in its cells (writes nothing)
  'POST /api/v1/rounds/:id/problem-import/errors': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'none',
  },
  'GET /api/v1/problems/import-template': { roles: ['office'], objects: 'none' },
  // end problem-import
  // progress-table import (modules/progress-import): reports submitted on the units' behalf
  'POST /api/v1/dispatch-periods/:id/progress-import': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'none',
  },
  // the upload with the dry run's errors marked in its cells (writes nothing)
  'POST /api/v1/dispatch-periods/:id/progress-import/errors': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'none',
  },
  'GET /api/v1/reports/import-template': { roles: ['office'], objects: 'none' },
  // end progress-import
  // exports (modules/exports): streamed .xlsx, audited
  'GET /api/v1/exports/problems': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/exports/measures': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/exports/reports': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/exports/petitions': {
    roles: CASE_READERS,
    scopes: ['petitions:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/exports/accountability': {
    roles: ['office', 'lead_unit', 'unit', 'leader', 'auditor'],
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  // end exports
  // dashboards (modules/dashboard): every figure scoped like the ledger it links to
  'GET /api/v1/dashboard/overview': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/dashboard/breakdown': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/dashboard/trend': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/dashboard/lists': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/dashboard/supervision': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/dashboard/petitions': {
    roles: CASE_READERS,
    scopes: ['petitions:read'],
    objects: 'unit-tree',
  },
  // end dashboards
  // the dispatch bulletin (调度通报, modules/bulletin): an office document circulated city-wide
  'GET /api/v1/dispatch-periods/:id/bulletin': {
    roles: CITY_READERS,
    scopes: ['problems:read'],
    objects: 'none',
  },
  'PATCH /api/v1/dispatch-periods/:id/bulletin': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'none',
  },
  'GET /api/v1/dispatch-periods/:id/bulletin/document': {
    roles: CITY_READERS,
    scopes: ['problems:read'],
    objects: 'none',
  },
  // end bulletin
}
