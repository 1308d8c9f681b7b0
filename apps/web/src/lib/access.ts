/**
 * What each role may open and change in the SPA. The API enforces the same rules on every route;
 * this table only decides what to show, so a hidden button is never the only protection.
 */
import type { Role } from '@rectify/schemas'

/** A part of the SPA that a route or menu entry belongs to. */
export type Feature =
  | 'home'
  | 'units'
  | 'users'
  | 'clients'
  | 'audit'
  | 'ledger'
  | 'reviews'
  | 'rounds'
  | 'acceptance'
  | 'publicity'
  | 'rebound'
  | 'publicReports'
  | 'calendar'
  | 'webhooks'
  | 'dispatch'
  | 'cards'
  | 'rankings'
  | 'dashboard'
  | 'inspections'
  | 'notices'
  | 'accountability'
  | 'sweeps'
  | 'petitionBatches'
  | 'petitions'
  | 'institutions'

const EVERYONE: readonly Role[] = ['admin', 'office', 'lead_unit', 'unit', 'leader', 'auditor']
/** Everyone with a part in the rectification; the administrator keeps to accounts and units. */
const BUSINESS: readonly Role[] = ['office', 'lead_unit', 'unit', 'leader', 'auditor']
/** Those who read every record of the city: the office, city leaders, discipline and audit. */
const CITY_READERS: readonly Role[] = ['office', 'leader', 'auditor']

/** Roles that may open each feature (read). */
export const READ_ACCESS: Record<Feature, readonly Role[]> = {
  home: EVERYONE,
  // Unit staff see their own subtree only: the API filters the list.
  units: EVERYONE,
  users: ['admin', 'office', 'leader', 'auditor'],
  // Separation of duties: the admin manages accounts, the auditor and the office read the log.
  clients: ['admin'],
  audit: ['office', 'auditor'],
  // Unit staff see the problems of their own subtree: the API filters the list.
  ledger: BUSINESS,
  reviews: ['office'],
  rounds: ['office', 'leader', 'auditor'],
  // County lead units review county acceptance; the office reviews at city level.
  acceptance: ['office', 'lead_unit', 'leader', 'auditor'],
  publicity: CITY_READERS,
  rebound: CITY_READERS,
  // Reporters' names and contacts are the office's; leaders and auditors read without them.
  publicReports: CITY_READERS,
  // The working-day calendar publicity periods are counted in.
  calendar: ['office', 'admin'],
  // Outbound webhooks are the admin's; auditors read them and their delivery log.
  webhooks: ['admin', 'auditor'],
  // Dispatch periods: every business role (a unit's board shows its own subtree only).
  dispatch: BUSINESS,
  // Cards: units see their own; suggestions are the office's working list (the API says so).
  cards: BUSINESS,
  // Rankings are published to units; only city-wide readers see the problems behind a figure.
  rankings: BUSINESS,
  // Dashboards: every business role; a unit's figures are its own subtree's (the API scopes them).
  dashboard: BUSINESS,
  // Units see inspections of their subtree once announced or done (the API hides the rest).
  inspections: BUSINESS,
  // Notices: a unit sees those addressed to its subtree (the API filters) and replies to them.
  notices: BUSINESS,
  // Accountability: city readers see all, a unit its own records (the API filters).
  accountability: BUSINESS,
  // Sweeps: a unit sees those targeting its subtree (the API filters) and reports on them.
  sweeps: BUSINESS,
  // Petition batches are the office's work, read city-wide; never the admin (people's complaints).
  petitionBatches: CITY_READERS,
  // Petition cases: a unit sees those its subtree handles (the API filters) and reports on them.
  petitions: BUSINESS,
  // Institutions: every reader (the API shows a unit its own, the public and its problems' ones).
  institutions: EVERYONE,
}

/** Roles that may change each feature's records. */
export const WRITE_ACCESS: Record<Feature, readonly Role[]> = {
  home: [],
  units: ['admin'],
  users: ['admin'],
  clients: ['admin'],
  audit: [],
  // Who may change which problem, and how, depends on its state: see lib/problem-access.ts.
  ledger: ['office', 'lead_unit', 'unit'],
  reviews: ['office'],
  rounds: ['office'],
  acceptance: ['office', 'lead_unit'],
  publicity: ['office'],
  rebound: ['office'],
  publicReports: ['office'],
  calendar: ['office', 'admin'],
  webhooks: ['admin'],
  dispatch: ['office'],
  cards: ['office'],
  rankings: ['office'],
  dashboard: [],
  inspections: ['office'],
  notices: ['office'],
  accountability: ['office'],
  // The office launches and closes; a unit or lead unit reports for its own targets.
  sweeps: ['office', 'lead_unit', 'unit'],
  petitionBatches: ['office'],
  petitions: ['office'],
  // A lead unit records its own subtree's institutions (the API checks the issuing unit).
  institutions: ['office', 'lead_unit'],
}

function holdsAny(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((role) => allowed.includes(role))
}

/** Whether someone holding `roles` may open `feature`. */
export function canRead(roles: readonly Role[], feature: Feature): boolean {
  return holdsAny(roles, READ_ACCESS[feature])
}

/** Whether someone holding `roles` may change records of `feature`. */
export function canWrite(roles: readonly Role[], feature: Feature): boolean {
  return holdsAny(roles, WRITE_ACCESS[feature])
}
