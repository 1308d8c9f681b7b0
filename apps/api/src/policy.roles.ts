import { ROLES, type Role } from '@rectify/schemas'
import type { RoutePolicy } from './policy.js'

/**
 * The role sets the policy tables (policy.ts, policy.analysis.ts, policy.petitions.ts) share,
 * defined once so that two names never stand for the same six roles.
 */

/** Every signed-in person, whatever their role (what a route scoped by object still filters). */
export const SIGNED_IN: readonly Role[] = ROLES
/** Business readers of cases that carry people's complaints: never the admin. */
export const CASE_READERS: readonly Role[] = ['office', 'lead_unit', 'unit', 'leader', 'auditor']
/** City-wide figures: the office, leaders and auditors. */
export const CITY_READERS: readonly Role[] = ['office', 'leader', 'auditor']
/** No credentials; no objects of a unit. */
export const PUBLIC: RoutePolicy = { roles: 'public', objects: 'none' }
