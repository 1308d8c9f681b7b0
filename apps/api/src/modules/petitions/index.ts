// The petitions module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { petitionImportRoutes } from './import/petitions.import.routes.js'
export { PetitionImportService } from './import/petitions.import.service.js'
export { buildSampleBatch } from './import/sample.js'
export { petitionFileAccess, petitionScope } from './petitions.access.js'
export { PetitionBatchesService } from './petitions.batches.service.js'
export {
  disclosuresRepository,
  type DisclosureExtras,
  type DisclosureRow,
} from './petitions.disclosures.js'
export { PetitionHandlingService } from './petitions.handling.service.js'
export { PublicPetitionsService } from './petitions.public.js'
export { petitionsPublicRoutes } from './petitions.public.routes.js'
export { petitionsRepository, type PetitionFilter } from './petitions.repository.js'
export { petitionsRoutes } from './petitions.routes.js'
export { PetitionsService } from './petitions.service.js'
export { eraseExpiredComplainants } from './petitions.retention.js'
