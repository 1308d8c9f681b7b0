// The dossier module's front door: what the rest of the API may use of it (eslint.config.js
// refuses imports of its other files from outside the module).
export { label } from './dossier.format.js'
export { dossierRoutes } from './dossier.routes.js'
export { DossierService } from './dossier.service.js'
