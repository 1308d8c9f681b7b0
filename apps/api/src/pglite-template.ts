import { existsSync } from 'node:fs'
import { makePgliteTemplate, pgliteTemplateFile } from './db/pglite-template.js'

// `node dist/pglite-template.js`: makes the embedded database's template (db/pglite-template.ts)
// unless it is there. scripts/start.mjs runs it in a child process beside the web app's build.
const file = pgliteTemplateFile()
if (!existsSync(file)) {
  await makePgliteTemplate(file)
  console.log(`[start] made the embedded database's template: ${file}`)
}
