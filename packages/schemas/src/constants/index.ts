/**
 * The contract's lists of values (statuses, kinds, roles, …) without TypeBox: the SPA imports
 * its constants from `@rectify/schemas/constants`, so a page that needs a list of statuses does
 * not load TypeBox and build every schema at module load (issue 15: ~230 KB of the login page's
 * and the ledger's first scripts). The schemas in ../ import them from here.
 */
export * from './acceptance.js'
export * from './accountability.js'
export * from './audit.js'
export * from './auth.js'
export * from './changes.js'
export * from './common.js'
export * from './dashboard.js'
export * from './dispatch.js'
export * from './inbox.js'
export * from './inspections.js'
export * from './institutions.js'
export * from './measures.js'
export * from './notices.js'
export * from './petitions.js'
export * from './problem-import.js'
export * from './problems.js'
export * from './progress-import.js'
export * from './public.js'
export * from './reports.js'
export * from './rounds.js'
export * from './sweeps.js'
export * from './units.js'
export * from './users.js'
export * from './webhooks.js'
