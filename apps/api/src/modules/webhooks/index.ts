// The webhooks module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { WebhookDispatcher } from './webhooks.dispatcher.js'
export { webhooksRoutes } from './webhooks.routes.js'
export { WebhooksService } from './webhooks.service.js'
export { parseAllowedHosts } from './webhooks.target.js'
