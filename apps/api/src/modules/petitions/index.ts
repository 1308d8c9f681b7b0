// The petitions module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
import { defineModule, routes, type SharedDeps } from '../../lib/modules.js'
import { workbookLimits } from '../../lib/workbook/index.js'
import type { FilesModule } from '../files/index.js'
import type { ProblemsModule } from '../problems/index.js'
import { petitionImportRoutes } from './import/petitions.import.routes.js'
import { PetitionImportService } from './import/petitions.import.service.js'
import { petitionFileAccess } from './petitions.access.js'
import { PetitionBatchesService } from './petitions.batches.service.js'
import { PetitionHandlingService } from './petitions.handling.service.js'
import { PublicPetitionsService } from './petitions.public.js'
import { petitionsPublicRoutes } from './petitions.public.routes.js'
import { petitionsRoutes } from './petitions.routes.js'
import { PetitionsService } from './petitions.service.js'
export { petitionImportRoutes } from './import/petitions.import.routes.js'
export { PetitionImportService } from './import/petitions.import.service.js'
export { buildSampleBatch } from './import/sample.js'
export { petitionFileAccess, petitionScope } from './petitions.access.js'
export { PetitionBatchesService } from './petitions.batches.service.js'
export { countPetitions, disclosurePage, type DisclosureCase } from './petitions.cases.js'
export type { DisclosureExtras, DisclosureRow } from './petitions.disclosures.js'
export { PetitionHandlingService } from './petitions.handling.service.js'
export { PublicPetitionsService } from './petitions.public.js'
export { petitionsPublicRoutes } from './petitions.public.routes.js'
export type { PetitionFilter } from './petitions.repository.js'
export { petitionsRoutes } from './petitions.routes.js'
export { PetitionsService } from './petitions.service.js'
export { eraseExpiredComplainants } from './petitions.retention.js'

/**
 * The petitions module as app.ts registers it: petition cases (交办信访件) and their handling,
 * the import of the office's batches, and the disclosure tables on the public board.
 */
export function petitionsModule(
  { db, config, cipher }: SharedDeps,
  { files, problems }: { files: FilesModule; problems: ProblemsModule },
) {
  files.service.allowReads(petitionFileAccess)
  return defineModule({
    name: 'petitions',
    routes: [
      routes(petitionsRoutes, {
        petitions: new PetitionsService(db, problems.lights, cipher),
        handling: new PetitionHandlingService(db, problems.service),
        batches: new PetitionBatchesService(db),
      }),
      routes(petitionImportRoutes, {
        petitionImport: new PetitionImportService(db, files.store, workbookLimits(config), cipher),
      }),
      routes(petitionsPublicRoutes, {
        disclosure: new PublicPetitionsService(db),
        cacheSeconds: config.PUBLIC_CACHE_SECONDS,
        rateLimitMax: config.PUBLIC_RATE_LIMIT_MAX,
      }),
    ],
    jobs: [],
  })
}
