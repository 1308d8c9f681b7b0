// The public-reports module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import type { FilesModule } from '../files/index.js'
import type { ProblemsModule } from '../problems/index.js'
import { hotlineRoutes } from './hotline.routes.js'
import { HotlineIntakeService } from './hotline.service.js'
import { intakeRoutes } from './intake.routes.js'
import { PublicIntakeService } from './intake.service.js'
import { publicReportFileAccess } from './public-reports.access.js'
import { PublicKeys } from './public-reports.keys.js'
import { publicReportsRoutes } from './public-reports.routes.js'
import { PublicReportsService } from './public-reports.service.js'
export { hotlineRoutes } from './hotline.routes.js'
export { HotlineIntakeService } from './hotline.service.js'
export { intakeRoutes } from './intake.routes.js'
export { PublicIntakeService, receiveReport } from './intake.service.js'
export { publicReportFileAccess } from './public-reports.access.js'
export { PublicKeys } from './public-reports.keys.js'
export { publicReportsRoutes } from './public-reports.routes.js'
export { PublicReportsService } from './public-reports.service.js'

/**
 * The public-reports module as app.ts registers it: the public report form (no login, with
 * a proof-of-work challenge and rate limits), the hotline's intake, and the office's triage.
 */
export function publicReportsModule(
  { db, config, cipher, signingKey }: SharedDeps,
  { files, problems }: { files: FilesModule; problems: ProblemsModule },
) {
  files.service.allowReads(publicReportFileAccess)
  const intake = new PublicIntakeService(db, new PublicKeys(signingKey), cipher, files.service, {
    challengeBits: config.PUBLIC_CHALLENGE_BITS,
    photoMaxBytes: config.PUBLIC_FILE_MAX_BYTES,
  })
  return defineModule({
    name: 'public-reports',
    routes: [
      routes(intakeRoutes, {
        intake,
        photoMaxBytes: config.PUBLIC_FILE_MAX_BYTES,
        limits: {
          read: config.PUBLIC_RATE_LIMIT_MAX,
          report: config.PUBLIC_REPORT_RATE_LIMIT_MAX,
          upload: config.PUBLIC_UPLOAD_RATE_LIMIT_MAX,
        },
      }),
      routes(hotlineRoutes, {
        hotline: new HotlineIntakeService(db, new PublicKeys(signingKey), cipher),
        limit: config.INTAKE_RATE_LIMIT_MAX,
      }),
      routes(publicReportsRoutes, {
        publicReports: new PublicReportsService(db, problems.service, problems.lights, cipher),
      }),
    ],
    jobs: [],
  })
}
