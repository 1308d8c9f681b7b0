// The audit module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { auditRoutes } from './audit.routes.js'
import { AuditService } from './audit.service.js'
export { auditRoutes } from './audit.routes.js'
export { AuditService, verifyAuditChain } from './audit.service.js'
export { changedFields, recordAudit, recordAuditMany, type AuditEvent } from './audit.writer.js'

/** The audit module as app.ts registers it: the audit log's reads and its verification. */
export function auditModule({ db }: SharedDeps) {
  return defineModule({
    name: 'audit',
    routes: [routes(auditRoutes, { audit: new AuditService(db) })],
    jobs: [],
  })
}
