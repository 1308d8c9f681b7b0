// The webhooks module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { WebhookDispatcher } from './webhooks.dispatcher.js'
import { webhooksRoutes } from './webhooks.routes.js'
import { WebhooksService } from './webhooks.service.js'
import { parseAllowedHosts } from './webhooks.target.js'
export { WebhookDispatcher } from './webhooks.dispatcher.js'
export { webhooksRoutes } from './webhooks.routes.js'
export { WebhooksService } from './webhooks.service.js'
export { parseAllowedHosts } from './webhooks.target.js'

/**
 * The webhooks module as app.ts registers it: subscriptions, and their deliveries every
 * WEBHOOK_INTERVAL_MS (0: not scheduled).
 */
export function webhooksModule({ db, config, log }: SharedDeps) {
  const allowedHosts = parseAllowedHosts(config.WEBHOOK_ALLOW_HTTP_HOSTS)
  const dispatcher = new WebhookDispatcher(db, log, {
    maxFailures: config.WEBHOOK_MAX_FAILURES,
    allowedHosts,
  })
  return defineModule({
    name: 'webhooks',
    routes: [routes(webhooksRoutes, { webhooks: new WebhooksService(db, allowedHosts) })],
    jobs: config.WEBHOOK_INTERVAL_MS ? [dispatcher.job(config.WEBHOOK_INTERVAL_MS)] : [],
  })
}
