// The inbox module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { inboxRoutes } from './inbox.routes.js'
import { InboxService } from './inbox.service.js'
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

/** The inbox module as app.ts registers it. */
export function inboxModule({ db }: SharedDeps) {
  return defineModule({
    name: 'inbox',
    routes: [routes(inboxRoutes, { inbox: new InboxService(db) })],
    jobs: [],
  })
}
