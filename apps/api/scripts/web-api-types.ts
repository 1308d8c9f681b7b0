/**
 * The SPA's API types (apps/web/src/api/schema.d.ts), generated from the OpenAPI document the
 * server serves: the paths, parameters, bodies and responses the SPA's client accepts come from
 * here, never from a path string paired with a type by hand (STYLE.md §9).
 *
 * `pnpm --filter @rectify/web gen:api` writes the file; test/contract.test.ts fails when the
 * committed file differs from what the current routes produce, so a renamed route or field fails
 * CI in the SPA's typecheck instead of at run time.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript'

/** Where the SPA keeps the generated types. */
export const WEB_API_TYPES = fileURLToPath(
  new URL('../../web/src/api/schema.d.ts', import.meta.url),
)

const HEADER = `/**
 * Generated from the server's OpenAPI document by \`pnpm --filter @rectify/web gen:api\`
 * (apps/api/scripts/web-api-types.ts). Do not edit: change the route schemas and regenerate.
 */

`

/** The TypeScript module openapi-typescript makes of `doc` (deterministic for the same doc). */
export async function webApiTypes(doc: unknown): Promise<string> {
  // A property with a default is optional to send: the server fills it in (request bodies and
  // queries); openapi-typescript's default would make it required.
  // Sorted: the order routes register their named schemas in is not part of the contract.
  const ast = await openapiTS(doc as OpenAPI3, { defaultNonNullable: false, alphabetize: true })
  return HEADER + astToString(ast)
}

/** Builds the app on a throwaway in-memory database and writes the SPA's types from its document. */
async function main(): Promise<void> {
  // Imported here, not at the top: the contract test imports webApiTypes without the app.
  const { createDocumentApp } = await import('./document-app.js')
  const { doc, close } = await createDocumentApp()
  try {
    writeFileSync(WEB_API_TYPES, await webApiTypes(doc))
    console.log(`wrote ${WEB_API_TYPES}`)
  } finally {
    await close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
