// The inbox module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { inboxRoutes } from './inbox.routes.js'
export { InboxService } from './inbox.service.js'
export {
  notifyEach,
  notifyUnit,
  notifyUsers,
  officeRecipients,
  unitRecipients,
  type Message,
} from './inbox.writer.js'
