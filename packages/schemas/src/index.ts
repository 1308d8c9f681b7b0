/**
 * @rectify/schemas — the Rectify API contract. Every route's body, params, query and response
 * schema lives here; the server validates with them, the SPA types its calls from them and the
 * OpenAPI document is generated from them.
 */
export * from './common.js'
export * from './auth.js'
export * from './units.js'
export * from './users.js'
export * from './clients.js'
export * from './audit.js'
export * from './system.js'
export * from './rounds.js'
export * from './problems.js'
export * from './measures.js'
export * from './reports.js'
export * from './acceptance.js'
export * from './public.js'
export * from './notices.js'
export * from './inspections.js'
export * from './accountability.js'
export * from './inbox.js'
export * from './dispatch.js'
export * from './webhooks.js'
export * from './petitions.js'
export * from './sweeps.js'
export * from './institutions.js'
