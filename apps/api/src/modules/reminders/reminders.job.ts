import type { JobDefinition } from '../../lib/jobs.js'
import type { RemindersService } from './reminders.service.js'

/**
 * Reminders and escalation as a scheduled job (lib/jobs.ts), every REMINDER_INTERVAL_SECONDS:
 * the job engine runs it once per period across instances (the pass lock and the reminders'
 * unique key keep a stray second pass harmless) and retries a failed pass with backoff.
 */
export function remindersJob(reminders: RemindersService, everyMs: number): JobDefinition {
  return {
    name: 'reminders',
    everyMs,
    run: async (signal) => {
      const r = await reminders.pass(undefined, signal)
      if (r.skipped) return 'skipped: another pass held the lock'
      return r.sent ? `${r.sent} sent for ${r.date}` : null
    },
  }
}
