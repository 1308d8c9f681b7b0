import type { RoutePolicy } from './policy.js'
import { SIGNED_IN, CASE_READERS, PUBLIC } from './policy.roles.js'

/**
 * The policy rows of issue 6 — petitions, sweeps, institutions — spread into POLICY (policy.ts).
 */
export const PETITION_POLICY: Record<string, RoutePolicy> = {
  // petition cases (modules/petitions)
  // Cases are read through petitionScope (petitions.access.ts): city-wide readers all, a unit the
  // cases its subtree handles. Batches are read by the same readers; their counts follow the
  // caller's scope. The complainant is never in a case: GET …/complainant answers it to the
  // office and the handling unit only (clients need petitions:pii), auditing every read.
  'GET /api/v1/petition-batches': {
    roles: CASE_READERS,
    scopes: ['petitions:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/petition-batches/:id': {
    roles: CASE_READERS,
    scopes: ['petitions:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/petition-batches': {
    roles: ['office'],
    scopes: ['petitions:write'],
    objects: 'none',
  },
  'PATCH /api/v1/petition-batches/:id': {
    roles: ['office'],
    scopes: ['petitions:write'],
    objects: 'none',
  },
  'POST /api/v1/petition-batches/:id/import': {
    roles: ['office'],
    scopes: ['petitions:write'],
    objects: 'none',
  },
  // the upload with the dry run's errors marked in its cells (writes nothing)
  'POST /api/v1/petition-batches/:id/import/errors': {
    roles: ['office'],
    scopes: ['petitions:write'],
    objects: 'none',
  },
  'POST /api/v1/petition-batches/:id/publish': {
    roles: ['office'],
    scopes: ['petitions:write'],
    objects: 'none',
  },
  'GET /api/v1/petitions/import-template': { roles: ['office'], objects: 'none' },
  'GET /api/v1/petitions': {
    roles: CASE_READERS,
    scopes: ['petitions:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/petitions/:id': {
    roles: CASE_READERS,
    scopes: ['petitions:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/petitions/:id/complainant': {
    roles: ['office', 'lead_unit', 'unit'],
    scopes: ['petitions:read', 'petitions:pii'],
    objects: 'unit-tree',
  },
  'GET /api/v1/petitions/:id/repeat-candidates': {
    roles: ['office'],
    scopes: ['petitions:read'],
    objects: 'none',
  },
  'POST /api/v1/petitions': { roles: ['office'], scopes: ['petitions:write'], objects: 'none' },
  'PATCH /api/v1/petitions/:id': {
    roles: ['office'],
    scopes: ['petitions:write'],
    objects: 'none',
  },
  'POST /api/v1/petitions/assign': {
    roles: ['office'],
    scopes: ['petitions:write'],
    objects: 'unit-tree',
  },
  'POST /api/v1/petitions/:id/report': {
    roles: ['lead_unit', 'unit'],
    scopes: ['petitions:write'],
    objects: 'unit-tree',
  },
  'POST /api/v1/petitions/:id/review': {
    roles: ['office'],
    scopes: ['petitions:write'],
    objects: 'none',
  },
  'POST /api/v1/petitions/:id/callback': {
    roles: ['office'],
    scopes: ['petitions:write'],
    objects: 'none',
  },
  'POST /api/v1/petitions/:id/problem': {
    roles: ['office'],
    scopes: ['petitions:write', 'problems:write'],
    objects: 'unit-tree',
  },
  'POST /api/v1/petitions/:id/repeat': {
    roles: ['office'],
    scopes: ['petitions:write'],
    objects: 'none',
  },
  'GET /api/v1/public/petition-batches': PUBLIC,
  'GET /api/v1/public/petition-batches/:id': PUBLIC,
  // end petitions
  // sweeps (modules/sweeps)
  // Launch and close: the office. A unit reads the sweeps that target its subtree (and only its
  // subtree's answers) and reports for a target unit in its subtree; the office may report for any.
  'POST /api/v1/problems/:id/sweeps': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/sweeps': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'GET /api/v1/sweeps/:id': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'POST /api/v1/sweeps/:id/reports': {
    roles: ['office', 'lead_unit', 'unit'],
    scopes: ['progress:write'],
    objects: 'unit-tree',
  },
  'POST /api/v1/sweeps/:id/close': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'none',
  },
  // end sweeps
  // institutions (modules/institutions)
  // City-wide readers see all; a unit those issued by its subtree, public ones, and those linked to
  // a problem it can see. The office records any; a lead unit those issued by its own subtree.
  'GET /api/v1/institutions': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'GET /api/v1/institutions/:id': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/institutions': {
    roles: ['office', 'lead_unit'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'PATCH /api/v1/institutions/:id': {
    roles: ['office', 'lead_unit'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/public/institutions': PUBLIC,
  // end institutions
}
