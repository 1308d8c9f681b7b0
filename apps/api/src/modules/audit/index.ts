// The audit module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { auditRoutes } from './audit.routes.js'
export { AuditService, verifyAuditChain } from './audit.service.js'
export { changedFields, recordAudit, recordAuditMany, type AuditEvent } from './audit.writer.js'
