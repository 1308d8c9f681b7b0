// The housekeeping module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, type SharedDeps } from '../../lib/modules.js'
import type { FilesModule } from '../files/index.js'
import { housekeepingJobs } from './housekeeping.jobs.js'
export { housekeepingJobs } from './housekeeping.jobs.js'

/**
 * The housekeeping module as app.ts registers it: no routes; the purges every
 * HOUSEKEEPING_INTERVAL_MINUTES (0: not scheduled).
 */
export function housekeepingModule({ db, config }: SharedDeps, { files }: { files: FilesModule }) {
  return defineModule({
    name: 'housekeeping',
    routes: [],
    jobs: config.HOUSEKEEPING_INTERVAL_MINUTES
      ? housekeepingJobs({ db, files: files.service, config })
      : [],
  })
}
