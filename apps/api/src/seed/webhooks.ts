import type { Db, Tx } from '../db/client.js'
import { cliContext } from '../lib/context.js'
import { WebhooksService } from '../modules/webhooks/index.js'

/** The demo's local test receiver: plain http on 127.0.0.1, allowed only when configured. */
export const DEMO_WEBHOOK_URL = 'http://127.0.0.1:9999/rectify-hook'

/**
 * One generic JSON subscription to a local test receiver, inactive: nothing leaves the demo
 * until an admin switches it on (and WEBHOOK_ALLOW_HTTP_HOSTS lets plain http reach 127.0.0.1).
 * Through the service, which is told that this one local host is allowed for the seed.
 */
export async function seedWebhooks(tx: Tx): Promise<{ webhooks: number }> {
  const webhooks = new WebhooksService(tx as unknown as Db, new Set(['127.0.0.1']))
  await webhooks.create(cliContext('seed --demo'), {
    name: '本地测试接收器（默认停用；启用前设置 WEBHOOK_ALLOW_HTTP_HOSTS=127.0.0.1）',
    url: DEMO_WEBHOOK_URL,
    eventTypes: [
      'problem.status_changed',
      'problem.light_changed',
      'report.submitted',
      'report.reviewed',
      'notice.issued',
      'reminder.due',
    ],
    format: 'json',
    active: false,
  })
  return { webhooks: 1 }
}
