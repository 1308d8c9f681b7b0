// The reminders module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, type SharedDeps } from '../../lib/modules.js'
import { remindersJob } from './reminders.job.js'
import { RemindersService, parseOffsets } from './reminders.service.js'
export { remindersJob } from './reminders.job.js'
export { RemindersService, parseOffsets } from './reminders.service.js'

/**
 * The reminders module as app.ts registers it: no routes; reminders and escalation every
 * REMINDER_INTERVAL_SECONDS (0: not scheduled).
 */
export function remindersModule({ db, config }: SharedDeps) {
  const reminders = new RemindersService(db, {
    offsets: parseOffsets(config.REMINDER_OFFSETS),
    catchUpDays: config.REMINDER_CATCH_UP_DAYS,
  })
  return defineModule({
    name: 'reminders',
    routes: [],
    jobs: config.REMINDER_INTERVAL_SECONDS
      ? [remindersJob(reminders, config.REMINDER_INTERVAL_SECONDS * 1000)]
      : [],
  })
}
