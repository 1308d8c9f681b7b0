import type { Role, Scope } from '@rectify/schemas'
import { ANALYSIS_POLICY } from './policy.analysis.js'
import { PETITION_POLICY } from './policy.petitions.js'
import { PUBLIC, SIGNED_IN } from './policy.roles.js'

/**
 * How a route's objects are scoped:
 * - `none`: the route has no objects of a unit (auth, health, the caller's own account);
 * - `unit-tree`: unit users and unit-scoped clients see only their unit and its subtree, the
 *   office, leaders, auditors and admins the whole city; anything else answers 404.
 *
 * The services apply the rule; test/object-scope.test.ts holds every `unit-tree` read to it
 * (a list shows exactly what its detail answers, on the demo city) or names the test that does.
 */
export type ObjectScope = 'none' | 'unit-tree'

export interface RoutePolicy {
  /** `public`: no credentials; otherwise the roles of people allowed to call the route. */
  roles: 'public' | readonly Role[]
  /** Scopes an API client needs (all of them); omitted: clients may not call the route. */
  scopes?: readonly Scope[]
  objects: ObjectScope
}

/** A client's own webhook subscriptions (never another's: see modules/webhooks). */
const HOOKS: readonly Scope[] = ['webhooks:manage']

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

  'GET /api/v1/me': { roles: SIGNED_IN, objects: 'none' },
  'POST /api/v1/me/password': { roles: SIGNED_IN, objects: 'none' },

  'GET /api/v1/units': { roles: SIGNED_IN, scopes: ['units:read'], objects: 'unit-tree' },
  'GET /api/v1/units/:id': { roles: SIGNED_IN, scopes: ['units:read'], objects: 'unit-tree' },
  'POST /api/v1/units': { roles: ['admin'], objects: 'unit-tree' },
  'PATCH /api/v1/units/:id': { roles: ['admin'], objects: 'unit-tree' },

  'GET /api/v1/users': { roles: SIGNED_IN, scopes: ['users:read'], objects: 'unit-tree' },
  'GET /api/v1/users/:id': { roles: SIGNED_IN, scopes: ['users:read'], objects: 'unit-tree' },
  'POST /api/v1/users': { roles: ['admin'], objects: 'unit-tree' },
  'PATCH /api/v1/users/:id': { roles: ['admin'], objects: 'unit-tree' },
  'POST /api/v1/users/:id/password': { roles: ['admin'], objects: 'unit-tree' },

  'GET /api/v1/clients': { roles: ['admin', 'auditor'], objects: 'none' },
  'GET /api/v1/clients/:id': { roles: ['admin', 'auditor'], objects: 'none' },
  'POST /api/v1/clients': { roles: ['admin'], objects: 'none' },
  'PATCH /api/v1/clients/:id': { roles: ['admin'], objects: 'none' },
  'POST /api/v1/clients/:id/secret': { roles: ['admin'], objects: 'none' },

  'GET /api/v1/audit': { roles: ['auditor', 'office'], scopes: ['audit:read'], objects: 'none' },
  // The change feed (modules/changes): every reader; which entity types it shows follows the
  // read routes' own rows (a client needs changes:read plus problems:read / petitions:read), and
  // each change is scoped like the entity's detail route.
  'GET /api/v1/changes': { roles: SIGNED_IN, scopes: ['changes:read'], objects: 'unit-tree' },

  // ── The ledger: rounds, problems, transitions, extensions (modules/rounds, modules/problems)
  // Rounds are city-wide records; problems are scoped by problemScope (lead, co, region, measure units).
  // Who may take which step within a route (office vs lead unit, own unit) is decided by the
  // services: see modules/problems/problems.access.ts and transitions.ts.
  'GET /api/v1/rounds': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'none' },
  'GET /api/v1/rounds/:id': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'none' },
  'POST /api/v1/rounds': { roles: ['office'], objects: 'none' },
  'PATCH /api/v1/rounds/:id': { roles: ['office'], objects: 'none' },
  'GET /api/v1/problems': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'GET /api/v1/problems/summary': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/problems/:id': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
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
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/problems/:id/extensions': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/problems/:id/extensions': {
    roles: ['lead_unit', 'unit'],
    scopes: ['progress:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/extensions/:id/effect': {
    roles: ['office'],
    scopes: ['problems:write'],
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
    roles: SIGNED_IN,
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
  'GET /api/v1/schedule': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'none' },
  'POST /api/v1/files': {
    roles: ['office', 'lead_unit', 'unit'],
    scopes: ['progress:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/files/:id': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'POST /api/v1/problems/:id/reports': {
    roles: ['lead_unit', 'unit'],
    scopes: ['progress:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/problems/:id/reports': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/reports': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'GET /api/v1/reports/:id': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'POST /api/v1/reports/:id/review': {
    roles: ['office', 'lead_unit'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },

  // ── Acceptance, publicity, close-out, rebound reviews, calendar, dossier (modules/acceptance, modules/dossier)
  // Apply: the lead unit. Review: per level (county: a lead-unit user of the problem's county,
  // never of the lead unit itself; city: the office, never for its own unit) — decided in the
  // service. Publicity, close-out, rebound reviews: the office. The calendar: office and admin.
  'GET /api/v1/problems/:id/acceptance': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/problems/:id/acceptances': {
    roles: ['lead_unit'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/acceptances': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'POST /api/v1/acceptances/:id/reviews': {
    roles: ['office', 'lead_unit'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/acceptance-reviews/:id/snapshot': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/problems/:id/publicity': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/publicity': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'POST /api/v1/problems/:id/closeout': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/rebound-reviews': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/rebound-reviews/:id': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'GET /api/v1/calendar': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'none' },
  'PUT /api/v1/calendar/:date': { roles: ['office', 'admin'], objects: 'none' },
  'DELETE /api/v1/calendar/:date': { roles: ['office', 'admin'], objects: 'none' },
  // The dossier (一案一档) is read like the problem; auditors and the file room take it whole.
  'GET /api/v1/problems/:id/dossier': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },

  // ── The public board and public reports (modules/public, modules/public-reports)
  // No credentials; only allow-listed fields leave (see packages/schemas/src/public.ts).
  'GET /api/v1/public/problems': PUBLIC,
  'GET /api/v1/public/problems/:id': PUBLIC,
  'GET /api/v1/public/notices': PUBLIC,
  'GET /api/v1/public/regions': PUBLIC,
  'GET /api/v1/public/challenge': PUBLIC,
  'POST /api/v1/public/files': PUBLIC,
  'POST /api/v1/public/reports': PUBLIC,
  'GET /api/v1/public/reports/:code': PUBLIC,
  // Triage is the office's; leaders and auditors read (without the reporter's name and contact).
  'GET /api/v1/public-reports': {
    roles: ['office', 'leader', 'auditor'],
    scopes: ['public_reports:read'],
    objects: 'none',
  },
  'GET /api/v1/public-reports/:id': {
    roles: ['office', 'leader', 'auditor'],
    scopes: ['public_reports:read'],
    objects: 'none',
  },
  'POST /api/v1/public-reports/:id/triage': {
    roles: ['office'],
    scopes: ['public_reports:write'],
    objects: 'none',
  },
  'POST /api/v1/public-reports/:id/ruling': {
    roles: ['office'],
    scopes: ['public_reports:write'],
    objects: 'none',
  },

  // ── Supervision (issue 5). Each block belongs to one module; keep rows inside their block.
  // dispatch periods, cards, assessment points, rankings (modules/dispatch, modules/cards)
  // Periods are city-wide records; a period's board is scoped (a unit sees its subtree's units).
  // Opening, reminding, closing, deciding suggestions, issuing cards, editing rules: the office.
  // Suggestions are the office's working list (leaders and auditors read). Rankings are
  // published to every reader; only city-wide readers get the problems behind each figure.
  'GET /api/v1/dispatch-periods': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/dispatch-periods': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'none',
  },
  'GET /api/v1/dispatch-periods/:id': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/dispatch-periods/:id/remind': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'none',
  },
  'POST /api/v1/dispatch-periods/:id/close': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'none',
  },
  'GET /api/v1/card-suggestions': {
    roles: ['office', 'leader', 'auditor'],
    scopes: ['problems:read'],
    objects: 'none',
  },
  'POST /api/v1/card-suggestions/refresh': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'none',
  },
  'POST /api/v1/card-suggestions/:id/decision': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'none',
  },
  'GET /api/v1/cards': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'POST /api/v1/cards': { roles: ['office'], scopes: ['problems:write'], objects: 'none' },
  'GET /api/v1/assessment-rules': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'none' },
  'PATCH /api/v1/assessment-rules/:code': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'none',
  },
  'GET /api/v1/rankings': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'none' },
  // end dispatch
  // supervision notices (modules/notices)
  // Issue, close, escalate: the office. Reply: a unit user whose subtree holds the addressee.
  // Notices (and their .docx, attachments and reply files) are read like their addressee unit.
  'GET /api/v1/notices': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'GET /api/v1/notices/:id': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'GET /api/v1/notices/:id/document': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/notices': { roles: ['office'], scopes: ['problems:write'], objects: 'unit-tree' },
  'POST /api/v1/notices/:id/reply': {
    roles: ['lead_unit', 'unit'],
    scopes: ['progress:write'],
    objects: 'unit-tree',
  },
  'POST /api/v1/notices/:id/close': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  'POST /api/v1/notices/:id/escalate': {
    roles: ['office'],
    scopes: ['problems:write'],
    objects: 'unit-tree',
  },
  // end notices
  // inspections and accountability records (modules/inspections, modules/accountability)
  // Inspections are city-wide records read through inspectionScope (inspections.access.ts):
  // a unit sees one that targets its subtree only when it is routine or done — an unannounced
  // inspection (明察暗访) answers 404 to its targets and is absent from their lists and totals
  // until it has happened (proved by test/inspections-policy.test.ts). Writes are the office's.
  'GET /api/v1/inspections': { roles: SIGNED_IN, scopes: ['problems:read'], objects: 'unit-tree' },
  'GET /api/v1/inspections/:id': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/inspections': { roles: ['office'], objects: 'none' },
  'PATCH /api/v1/inspections/:id': { roles: ['office'], objects: 'none' },
  'POST /api/v1/inspections/:id/complete': { roles: ['office'], objects: 'none' },
  'POST /api/v1/inspections/:id/cancel': { roles: ['office'], objects: 'none' },
  'POST /api/v1/inspections/:id/findings': { roles: ['office'], objects: 'none' },
  // A problem's findings are read like the problem (a finding exists only once its inspection is done).
  'GET /api/v1/problems/:id/findings': {
    roles: SIGNED_IN,
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  // Accountability records: office, leaders and auditors read all; a unit only its own subtree's
  // (accountabilityScope: lists, details, counts, evidence and the dossier alike). Not the admin.
  'GET /api/v1/accountability': {
    roles: ['office', 'lead_unit', 'unit', 'leader', 'auditor'],
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/accountability/counts': {
    roles: ['office', 'lead_unit', 'unit', 'leader', 'auditor'],
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'GET /api/v1/accountability/:id': {
    roles: ['office', 'lead_unit', 'unit', 'leader', 'auditor'],
    scopes: ['problems:read'],
    objects: 'unit-tree',
  },
  'POST /api/v1/accountability': { roles: ['office'], objects: 'unit-tree' },
  'PATCH /api/v1/accountability/:id': { roles: ['office'], objects: 'unit-tree' },
  // end inspections
  // reminders and the inbox (modules/reminders, modules/inbox)
  // People only: API clients have no inbox (no scopes). Each reads only their own messages.
  'GET /api/v1/inbox': { roles: SIGNED_IN, objects: 'none' },
  'GET /api/v1/inbox/unread-count': { roles: SIGNED_IN, objects: 'none' },
  'POST /api/v1/inbox/:id/read': { roles: SIGNED_IN, objects: 'none' },
  'POST /api/v1/inbox/read-all': { roles: SIGNED_IN, objects: 'none' },
  // end inbox
  // webhooks (modules/webhooks)
  // Subscriptions aim outbound requests: the admin's, and an API client's own with
  // webhooks:manage (the service shows a client only its own); auditors read them and the log.
  'GET /api/v1/webhooks': { roles: ['admin', 'auditor'], scopes: HOOKS, objects: 'none' },
  'POST /api/v1/webhooks': { roles: ['admin'], scopes: HOOKS, objects: 'none' },
  'GET /api/v1/webhooks/:id': { roles: ['admin', 'auditor'], scopes: HOOKS, objects: 'none' },
  'PATCH /api/v1/webhooks/:id': { roles: ['admin'], scopes: HOOKS, objects: 'none' },
  'DELETE /api/v1/webhooks/:id': { roles: ['admin'], scopes: HOOKS, objects: 'none' },
  'POST /api/v1/webhooks/:id/secret': { roles: ['admin'], scopes: HOOKS, objects: 'none' },
  'POST /api/v1/webhooks/:id/resume': { roles: ['admin'], scopes: HOOKS, objects: 'none' },
  'POST /api/v1/webhooks/:id/test': { roles: ['admin'], scopes: HOOKS, objects: 'none' },
  'GET /api/v1/webhooks/:id/deliveries': {
    roles: ['admin', 'auditor'],
    scopes: HOOKS,
    objects: 'none',
  },
  // end webhooks
  // A hotline's intake (modules/public-reports/hotline): API clients only, no person.
  'POST /api/v1/public-reports/intake': { roles: [], scopes: ['reports:intake'], objects: 'none' },
  ...PETITION_POLICY,
  ...ANALYSIS_POLICY,
}

export function policyKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`
}
